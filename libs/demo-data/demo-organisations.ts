import { Role } from '#libs/access-control';
import { withLuhnCheckDigit } from '#libs/identity-numbers';
import { OrganisationKind } from '#libs/organisations';

/** An organisationsnummer from nine digits and the Luhn check digit. */
const orgnr = (nineDigits: string) => withLuhnCheckDigit(nineDigits);

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  /**
   * Valid: ten digits, the third at least 2, a correct Luhn check digit. The companies' and associations' are made
   * up (a made-up number may still be someone's). The public bodies' are in their public series (212000- for
   * municipalities, 232100- for regions, 202100- for state agencies), where numbers are public information:
   * Arbetsförmedlingen's (202100-2114) is its own, but the municipalities' and the region's are not theirs (Värmdö
   * kommun's own is 212000-0035, Region Stockholm's 232100-0016) and may be other bodies' numbers. They stay as
   * first loaded, so that existing databases stay in step.
   */
  organisationNumber: string;
  /** Kommunkod in Stockholms län. */
  municipalityCode: string;
  /**
   * The employer-side person who posts the organisation's openings. Organisations without a login in DEMO_USERS get
   * an EMPLOYER account with this email (not printed by `npm start`, same password).
   */
  contact?: { name: string; email: string };
}

/**
 * Fictional organisations around Värmdö (kommunkod 0120) and Nacka (0182), of every kind: two municipalities,
 * the region, Arbetsförmedlingen, companies in care, preschool, cleaning, restaurants, retail, logistics and
 * property, and associations (Röda Korset, IFK, a church, a study association, a youth centre). The first eight are
 * the original demo organisations and keep their numbers, so that existing databases stay in step.
 */
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
    contact: { name: 'Lars Lindqvist', email: 'kontakt@varmdolivs.example' },
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
    contact: { name: 'Johan Ek', email: 'kansli@ifkvarmdo.example' },
  },
  {
    key: 'nacka',
    kind: OrganisationKind.MUNICIPALITY,
    name: 'Nacka kommun',
    organisationNumber: orgnr('212000018'),
    municipalityCode: '0182',
    contact: { name: 'Helena Sjöberg', email: 'arbetsgivare@nacka.example' },
  },
  {
    key: 'hemtjanst',
    kind: OrganisationKind.COMPANY,
    name: 'Skärgårdens Hemtjänst AB',
    organisationNumber: orgnr('559301472'),
    municipalityCode: '0120',
    contact: { name: 'Mona Karlsson', email: 'kontakt@skargardenshemtjanst.example' },
  },
  {
    key: 'brunn',
    kind: OrganisationKind.COMPANY,
    name: 'Brunns Gård Äldreboende AB',
    organisationNumber: orgnr('559188230'),
    municipalityCode: '0120',
    contact: { name: 'Pernilla Ahl', email: 'kontakt@brunnsgard.example' },
  },
  {
    key: 'assistans',
    kind: OrganisationKind.COMPANY,
    name: 'Assistans i Skärgården AB',
    organisationNumber: orgnr('559240117'),
    municipalityCode: '0120',
    contact: { name: 'Tomas Öberg', email: 'kontakt@assistansiskargarden.example' },
  },
  {
    key: 'montessori',
    kind: OrganisationKind.COMPANY,
    name: 'Ingarö Montessoriförskola AB',
    organisationNumber: orgnr('559077415'),
    municipalityCode: '0120',
    contact: { name: 'Ingrid Wallin', email: 'kontakt@ingaromontessori.example' },
  },
  {
    key: 'stad',
    kind: OrganisationKind.COMPANY,
    name: 'Värmdö Städ & Fönsterputs AB',
    organisationNumber: orgnr('559155062'),
    municipalityCode: '0120',
    contact: { name: 'Goran Petrović', email: 'kontakt@varmdostad.example' },
  },
  {
    key: 'hamnkrogen',
    kind: OrganisationKind.COMPANY,
    name: 'Restaurang Hamnkrogen Gustavsberg AB',
    organisationNumber: orgnr('559012883'),
    municipalityCode: '0120',
    contact: { name: 'Nikos Papadopoulos', email: 'kok@hamnkrogen.example' },
  },
  {
    key: 'storkok',
    kind: OrganisationKind.COMPANY,
    name: 'Skärgårdskök Storkök & Catering AB',
    organisationNumber: orgnr('559266641'),
    municipalityCode: '0120',
    contact: { name: 'Eva Strand', email: 'kontakt@skargardskok.example' },
  },
  {
    key: 'bageri',
    kind: OrganisationKind.COMPANY,
    name: 'Ingarö Bageri & Café AB',
    organisationNumber: orgnr('559311950'),
    municipalityCode: '0120',
    contact: { name: 'Sofia Nyström', email: 'kontakt@ingarobageri.example' },
  },
  {
    key: 'handel',
    kind: OrganisationKind.COMPANY,
    name: 'Mölnvik Handel AB',
    organisationNumber: orgnr('559104588'),
    municipalityCode: '0120',
    contact: { name: 'Anders Holm', email: 'kontakt@molnvikhandel.example' },
  },
  {
    key: 'logistik',
    kind: OrganisationKind.COMPANY,
    name: 'Värmdö Logistik & Lager AB',
    organisationNumber: orgnr('559220736'),
    municipalityCode: '0120',
    contact: { name: 'Patrik Lund', email: 'kontakt@varmdologistik.example' },
  },
  {
    key: 'fastighet',
    kind: OrganisationKind.COMPANY,
    name: 'Skärgårdens Fastighetsservice AB',
    organisationNumber: orgnr('559174309'),
    municipalityCode: '0120',
    contact: { name: 'Mikael Berg', email: 'kontakt@skargardensfastighet.example' },
  },
  {
    key: 'hotell',
    kind: OrganisationKind.COMPANY,
    name: 'Djurö Hotell & Konferens AB',
    organisationNumber: orgnr('559050127'),
    municipalityCode: '0120',
    contact: { name: 'Karin Blom', email: 'kontakt@djurohotell.example' },
  },
  {
    key: 'nackahemtjanst',
    kind: OrganisationKind.COMPANY,
    name: 'Nacka Hemtjänst & Omsorg AB',
    organisationNumber: orgnr('559287514'),
    municipalityCode: '0182',
    contact: { name: 'Selma Demir', email: 'kontakt@nackahemtjanst.example' },
  },
  {
    key: 'kyrkan',
    kind: OrganisationKind.ASSOCIATION,
    name: 'Gustavsbergs församling',
    organisationNumber: orgnr('252004236'),
    municipalityCode: '0120',
    contact: { name: 'Maria Lindgren', email: 'kontakt@gustavsbergsforsamling.example' },
  },
  {
    key: 'studieforbund',
    kind: OrganisationKind.ASSOCIATION,
    name: 'Studieförbundet Vuxenskolan Värmdö',
    organisationNumber: orgnr('802413950'),
    municipalityCode: '0120',
    contact: { name: 'Birgitta Falk', email: 'varmdo@vuxenskolan.example' },
  },
  {
    key: 'ungdomenshus',
    kind: OrganisationKind.ASSOCIATION,
    name: 'Föreningen Ungdomens Hus Värmdö',
    organisationNumber: orgnr('802520418'),
    municipalityCode: '0120',
    contact: { name: 'Ahmed Yusuf', email: 'kontakt@ungdomenshus.example' },
  },
] as const satisfies readonly DemoOrganisation[];

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export interface DemoUser {
  email: string;
  fullName: string;
  role: Role;
  organisation: DemoOrganisationKey;
}

/**
 * The demo logins `npm start` prints (kept short): admins and coaches of two municipalities (A: Värmdö, B: Nacka),
 * and one employer login per kind of employer. Every one has DEMO_PASSWORD.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@varmdo.example', fullName: 'Alva Admin', role: Role.ADMIN, organisation: 'varmdo' },
  { email: 'coach@varmdo.example', fullName: 'Kim Coach', role: Role.COACH, organisation: 'varmdo' },
  { email: 'coach2@varmdo.example', fullName: 'Sara Coach', role: Role.COACH, organisation: 'varmdo' },
  { email: 'admin@nacka.example', fullName: 'Nils Admin', role: Role.ADMIN, organisation: 'nacka' },
  { email: 'coach@nacka.example', fullName: 'Noor Coach', role: Role.COACH, organisation: 'nacka' },
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
  {
    email: 'arbetsgivare@varmdo.example',
    fullName: 'Vera Enhetschef',
    role: Role.EMPLOYER,
    organisation: 'varmdo',
  },
  {
    email: 'employer@region.example',
    fullName: 'Rikard Regionsson',
    role: Role.EMPLOYER,
    organisation: 'region',
  },
];

/** Every demo account: the printed logins, then the contact accounts of the other employers. */
export function allDemoUsers(): DemoUser[] {
  const contacts = (DEMO_ORGANISATIONS as readonly DemoOrganisation[]).flatMap((organisation) =>
    organisation.contact
      ? [
          {
            email: organisation.contact.email,
            fullName: organisation.contact.name,
            role: Role.EMPLOYER,
            organisation: organisation.key as DemoOrganisationKey,
          },
        ]
      : [],
  );
  return [...DEMO_USERS, ...contacts];
}

export const DEMO_PASSWORD = 'matchbron-demo-2026';
