import { Role } from '#libs/access-control';
import { OrganisationKind } from '#libs/organisations';

/** Fictional organisations around Värmdö (kommunkod 0120); the organisationsnummer are made up but valid. */
export const DEMO_ORGANISATIONS = [
  {
    key: 'varmdo',
    kind: OrganisationKind.MUNICIPALITY,
    name: 'Värmdö kommun',
    organisationNumber: '2120000167',
    municipalityCode: '0120',
  },
  {
    key: 'region',
    kind: OrganisationKind.REGION,
    name: 'Region Stockholm',
    organisationNumber: '2321000164',
    municipalityCode: '0180',
  },
  {
    key: 'af',
    kind: OrganisationKind.STATE_AGENCY,
    name: 'Arbetsförmedlingen Värmdö',
    organisationNumber: '2021002114',
    municipalityCode: '0120',
  },
  {
    key: 'vard',
    kind: OrganisationKind.COMPANY,
    name: 'Gustavsbergs Vård och Omsorg AB',
    organisationNumber: '5591234561',
    municipalityCode: '0120',
  },
  {
    key: 'forskolor',
    kind: OrganisationKind.COMPANY,
    name: 'Skärgårdens Förskolor AB',
    organisationNumber: '5592345671',
    municipalityCode: '0120',
  },
  {
    key: 'livs',
    kind: OrganisationKind.COMPANY,
    name: 'Värmdö Livs AB',
    organisationNumber: '5567890123',
    municipalityCode: '0120',
  },
  {
    key: 'rodakorset',
    kind: OrganisationKind.ASSOCIATION,
    name: 'Röda Korset Värmdökretsen',
    organisationNumber: '8024001235',
    municipalityCode: '0120',
  },
  {
    key: 'ifk',
    kind: OrganisationKind.ASSOCIATION,
    name: 'IFK Värmdö Idrottsförening',
    organisationNumber: '8025002349',
    municipalityCode: '0120',
  },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

/** The demo logins `npm start` prints. Every one has DEMO_PASSWORD. */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  fullName: string;
  role: Role;
  organisation: DemoOrganisationKey;
}> = [
  { email: 'admin@varmdo.example', fullName: 'Alva Admin', role: Role.ADMIN, organisation: 'varmdo' },
  { email: 'coach@varmdo.example', fullName: 'Kim Coach', role: Role.COACH, organisation: 'varmdo' },
  { email: 'coach2@varmdo.example', fullName: 'Sara Coach', role: Role.COACH, organisation: 'varmdo' },
  {
    email: 'employer@vard.example',
    fullName: 'Erik Arbetsgivare',
    role: Role.EMPLOYER,
    organisation: 'vard',
  },
  {
    email: 'employer@forskolor.example',
    fullName: 'Fatima Förskolechef',
    role: Role.EMPLOYER,
    organisation: 'forskolor',
  },
  {
    email: 'forening@rodakorset.example',
    fullName: 'Rut Föreningsledare',
    role: Role.EMPLOYER,
    organisation: 'rodakorset',
  },
];

export const DEMO_PASSWORD = 'matchbron-demo-2026';
