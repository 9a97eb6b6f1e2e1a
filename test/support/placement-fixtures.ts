import { addDays, isoDate, parseIsoDate, todayInSweden } from '#libs/calendar';
import type { GraphqlClient } from './graphql-client.js';
import { CONCEPTS } from './opening-track-fixtures.js';
import { createParticipant } from './participants.js';
import type { Stack } from './stack.js';
import type { TestEnvironment } from './test-environment.js';
import { settle } from './worker-process.js';

/** A praktik of three months, part time: eligible as it is. */
export const PRAKTIK_OPENING = {
  kind: 'PRAKTIK',
  title: 'Praktik som barnskötare',
  occupationConceptId: CONCEPTS.barnskotare,
  municipalityConceptId: CONCEPTS.varmdo,
  hoursPerWeek: 16,
  weekdays: ['MONDAY', 'TUESDAY'],
  startDate: '2027-02-01',
  endDate: '2027-04-30',
  places: 1,
  contactName: 'Erik Arbetsgivare',
};

/** A PUBLISHED opening of the employer's organisation: PRAKTIK_OPENING with `changes`. */
export async function publishedOpening(
  employer: GraphqlClient,
  changes: Record<string, unknown> = {},
): Promise<string> {
  const { createOpening } = await employer.ok<{ createOpening: { id: string } }>(
    'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
    { input: { ...PRAKTIK_OPENING, ...changes } },
  );
  await employer.ok('mutation($id: ID!) { publishOpening(id: $id) { id } }', { id: createOpening.id });
  return createOpening.id;
}

/** A participant of the coach's organisation who consented to `scopes` (registration leaves a DRAFT profile). */
export async function consentingParticipant(
  coach: GraphqlClient,
  scopes: Array<'ANONYMISED_PROFILE' | 'INTRODUCTION'>,
  firstName = 'Test',
): Promise<string> {
  const { id } = await createParticipant(coach, { firstName, lastName: 'Deltagare' });
  if (scopes.length > 0) {
    await coach.ok(
      'mutation($id: ID!, $scopes: [ConsentScope!]!) { recordConsent(participantId: $id, input: { scopes: $scopes }) { id } }',
      { id, scopes },
    );
  }
  return id;
}

/** Confirms the proposal as `coach`; returns the placement's id. */
export async function confirmedPlacement(coach: GraphqlClient, proposalId: string): Promise<string> {
  const { confirmProposal } = await coach.ok<{ confirmProposal: { id: string } }>(
    'mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { id } }',
    { id: proposalId },
  );
  return confirmProposal.id;
}

/**
 * A match proposal of the participant's profile for the opening, written straight into match_proposals: the
 * scoring worker that makes them in production is not what these tests are about.
 */
export async function insertProposal(
  environment: TestEnvironment,
  openingId: string,
  participantId: string,
  status: 'PROPOSED' | 'CONFIRMED' | 'REJECTED' | 'EXPIRED' = 'PROPOSED',
): Promise<string> {
  const [row] = await environment.sql(
    `INSERT INTO match_proposals (opening_id, profile_id, participant_id, status, score, explanation_sv,
       explanation_en, algorithm_version, inputs_hash)
     SELECT $1, profile.id, profile.participant_id, $3, 80, 'Täcker alla krav', 'Meets every requirement', 'test', 'test'
       FROM competence_profiles profile WHERE profile.participant_id = $2
     RETURNING id`,
    [openingId, participantId, status],
  );
  if (!row) throw new Error(`Participant ${participantId} has no competence profile`);
  return row.id as string;
}

/**
 * A PROPOSED proposal as insertProposal writes it, once matching has settled when the stack runs the worker: the
 * worker re-ranks a just-published opening or profile and expires the proposals it did not make, so a proposal
 * inserted before it is done can be EXPIRED by the time the test confirms it.
 */
export async function proposalAfterMatching(
  stack: Stack,
  openingId: string,
  participantId: string,
): Promise<string> {
  if (stack.worker) await settle(stack.environment, undefined, 60_000);
  return insertProposal(stack.environment, openingId, participantId);
}

/** The date `days` days from today in Sweden, YYYY-MM-DD; negative: in the past. */
export function inDays(days: number): string {
  // From the day in Sweden, as the API counts: near midnight UTC the two differ.
  return isoDate(addDays(parseIsoDate(todayInSweden()), days));
}
