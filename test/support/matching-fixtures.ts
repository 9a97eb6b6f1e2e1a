import { addMonths, isoDate } from '#libs/calendar';
import type { GraphqlClient } from './graphql-client.js';
import { CONCEPTS } from './opening-track-fixtures.js';
import { createParticipant, publishProfile } from './participants.js';

/** The skills `uppsalaPraktik` requires. */
export const UPPSALA_SKILLS = [CONCEPTS.hygienstadning, CONCEPTS.byggstadning, CONCEPTS.flyttstadning];

/**
 * A PUBLISHED praktik as städare in Uppsala (where no demo participant lives), asking for three skills, a B licence
 * and SFI B, with `changes`.
 */
export async function uppsalaPraktik(
  employer: GraphqlClient,
  changes: Record<string, unknown> = {},
): Promise<string> {
  const { createOpening } = await employer.ok<{ createOpening: { id: string } }>(
    'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
    {
      input: {
        kind: 'PRAKTIK',
        title: 'Praktik som städare',
        occupationConceptId: CONCEPTS.stadare,
        municipalityConceptId: CONCEPTS.uppsala,
        requiredSkillConceptIds: UPPSALA_SKILLS,
        requiredDrivingLicenceConceptIds: [CONCEPTS.licenceB],
        minimumSwedishLevel: 'SFI_B',
        usefulLanguageConceptIds: [CONCEPTS.arabiska],
        hoursPerWeek: 16,
        weekdays: ['MONDAY', 'TUESDAY'],
        startDate: '2027-02-01',
        endDate: '2027-04-30',
        places: 2,
        contactName: 'Eva Kontaktperson',
        ...changes,
      },
    },
  );
  await employer.ok('mutation($id: ID!) { publishOpening(id: $id) { id } }', { id: createOpening.id });
  return createOpening.id;
}

/** The last day of an establishment period that ends within 7 months (urgent), three months from now. */
export function urgentEstablishmentEnd(): string {
  return isoDate(addMonths(new Date(), 3));
}

/** A published participant of the coach's organisation who meets every requirement of `uppsalaPraktik`. */
export async function uppsalaCandidate(
  coach: GraphqlClient,
  changes: Record<string, unknown> = {},
): Promise<string> {
  const { id } = await createParticipant(coach);
  await publishProfile(coach, id, {
    occupations: [{ occupationConceptId: CONCEPTS.stadare, yearsOfExperience: 4 }],
    skillConceptIds: UPPSALA_SKILLS,
    swedishLevel: 'SFI_D',
    educationLevelConceptId: CONCEPTS.forgymnasial,
    drivingLicenceConceptIds: [CONCEPTS.licenceB],
    languages: [{ languageConceptId: CONCEPTS.arabiska, level: 'NATIVE' }],
    homeMunicipalityConceptId: CONCEPTS.uppsala,
    travelReach: 'HOME_MUNICIPALITY',
    freeWeekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY'],
    establishmentPeriodEndsOn: urgentEstablishmentEnd(),
    priorityGroups: {
      woman: true,
      shortEducation: false,
      disability: false,
      longTermFinancialAssistance: false,
    },
    ...changes,
  });
  return id;
}
