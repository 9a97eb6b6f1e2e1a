import { withLuhnCheckDigit } from '#libs/identity-numbers';
import type { GraphqlClient } from './graphql-client.js';
import type { TestEnvironment } from './test-environment.js';

let serial = 0;

/** A valid personnummer no other call in this process returns (serials count up from a random start). */
export function uniquePersonnummer(birthYear = 1990): string {
  serial += 1;
  const start = (process.pid * 7) % 500;
  const month = String(1 + ((start + serial) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor((start + serial) / 12) % 28)).padStart(2, '0');
  const number = String((start * 3 + serial) % 1000).padStart(3, '0');
  const yymmdd = `${String(birthYear).slice(2)}${month}${day}`;
  return `${String(birthYear).slice(0, 2)}${withLuhnCheckDigit(`${yymmdd}${number}`)}`;
}

/** Concept ids from the taxonomy tables, by human code or label. */
export async function conceptIds(environment: TestEnvironment) {
  const one = async (query: string, parameters: unknown[]) => {
    const [row] = await environment.sql(query, parameters);
    if (!row) throw new Error(`No taxonomy row for ${JSON.stringify(parameters)}`);
    return row.concept_id as string;
  };
  return {
    municipality: (code: string) =>
      one('SELECT concept_id FROM taxonomy_municipalities WHERE municipality_code = $1', [code]),
    educationLevel: (sunCode: string) =>
      one('SELECT concept_id FROM taxonomy_education_levels WHERE sun_code = $1', [sunCode]),
    occupation: (label: string) =>
      one('SELECT concept_id FROM taxonomy_occupations WHERE label = $1', [label]),
    skill: (label: string) => one('SELECT concept_id FROM taxonomy_skills WHERE label = $1', [label]),
    language: (label: string) => one('SELECT concept_id FROM taxonomy_languages WHERE label = $1', [label]),
    drivingLicence: (code: string) =>
      one('SELECT concept_id FROM taxonomy_driving_licences WHERE code = $1', [code]),
  };
}

export interface NewParticipant {
  id: string;
  personnummer: string;
}

/** Registers a participant through the API as `coach` would. */
export async function createParticipant(
  coach: GraphqlClient,
  input: Partial<{
    firstName: string;
    lastName: string;
    personnummer: string;
    phone: string;
    email: string;
  }> = {},
): Promise<NewParticipant> {
  const personnummer = input.personnummer ?? uniquePersonnummer();
  const { createParticipant } = await coach.ok<{ createParticipant: { id: string } }>(
    'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
    { input: { firstName: 'Test', lastName: 'Deltagare', ...input, personnummer } },
  );
  return { id: createParticipant.id, personnummer };
}

/** Consent, a complete profile, published: what employers can then see. */
export async function publishProfile(
  coach: GraphqlClient,
  participantId: string,
  profile: Record<string, unknown>,
): Promise<void> {
  await coach.ok(
    'mutation($id: ID!) { recordConsent(participantId: $id, input: { scopes: [ANONYMISED_PROFILE, INTRODUCTION] }) { id } }',
    { id: participantId },
  );
  await coach.ok(
    'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
    {
      id: participantId,
      input: {
        availableFrom: '2027-01-10',
        hoursPerWeek: 20,
        freeWeekdays: ['MONDAY', 'TUESDAY'],
        wantedKinds: ['PRAKTIK'],
        summary: 'Erfaren och noggrann, vill arbeta med människor.',
        ...profile,
      },
    },
  );
  await coach.ok(
    'mutation($id: ID!) { setProfileStatus(participantId: $id, status: PUBLISHED) { status } }',
    {
      id: participantId,
    },
  );
}
