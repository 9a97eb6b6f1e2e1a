import { readFile } from 'node:fs/promises';
import { buildSchema } from 'graphql';
import { SCHEMA_FILE } from '../../apps/api/graphql/schema-file.js';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import {
  CONCEPTS,
  organisationOf,
  organisationWithUser,
  uniqueOrganisationNumber,
} from '../support/opening-track-fixtures.js';
import {
  conceptIds,
  createParticipant,
  publishProfile,
  uniquePersonnummer,
} from '../support/participants.js';
import { inDays, insertProposal } from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

/** Every caller of the matrix. */
const CALLERS = ['anonymous', 'admin', 'coachA', 'coachB', 'employerA', 'employerB', 'association'] as const;
type Caller = (typeof CALLERS)[number];

/** `ok`: answered without error; `none`: allowed but shows nothing (null or an empty list of the other side). */
type Allowed = 'ok' | 'none';

interface Operation {
  name: string;
  query: string;
  /** Fresh arguments for each call, so that one caller's success does not change another's outcome. */
  variables: () => Promise<Record<string, unknown>>;
  allowed: Partial<Record<Caller, Allowed>>;
}

/** The caller's own session and inbox, open to everyone signed in (or no one): tested on their own. */
const OWN_SESSION = new Set([
  'health',
  'me',
  'login',
  'notifications',
  'markNotificationRead',
  'changeMyPassword',
]);

const SIGNED_IN: Partial<Record<Caller, Allowed>> = {
  admin: 'ok',
  coachA: 'ok',
  coachB: 'ok',
  employerA: 'ok',
  employerB: 'ok',
  association: 'ok',
};

describe('authorisation matrix of every operation', () => {
  let stack: Stack;
  const client = {} as Record<Exclude<Caller, 'anonymous'>, GraphqlClient> & { anonymous: GraphqlClient };

  beforeAll(async () => {
    stack = await startStack();
    client.anonymous = stack.anonymous;
    client.admin = await stack.anonymous.login('admin@varmdo.example');
    client.coachA = await stack.anonymous.login('coach@varmdo.example');
    client.employerA = await stack.anonymous.login('employer@vard.example');
    client.employerB = await stack.anonymous.login('employer@forskolor.example');
    client.association = await stack.anonymous.login('forening@rodakorset.example');
    client.coachB = (
      await organisationWithUser(client.admin, 'MUNICIPALITY', 'COACH', 'Kommun B (test)')
    ).client;
  });

  afterAll(() => stack?.close());

  const ok = <T>(who: GraphqlClient, query: string, variables?: Record<string, unknown>) =>
    who.ok<T>(query, variables);

  async function participantA(profile: Record<string, unknown> = {}): Promise<string> {
    const { id } = await createParticipant(client.coachA);
    if (Object.keys(profile).length > 0) {
      await ok(
        client.coachA,
        'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
        { id, input: profile },
      );
    }
    return id;
  }

  async function consentedParticipantA(): Promise<string> {
    const id = await participantA();
    await ok(
      client.coachA,
      'mutation($id: ID!) { recordConsent(participantId: $id, input: { scopes: [ANONYMISED_PROFILE] }) { id } }',
      { id },
    );
    return id;
  }

  const OPENING_INPUT = {
    kind: 'PRAKTIK',
    title: 'Praktik som barnskötare',
    occupationConceptId: CONCEPTS.barnskotare,
    municipalityConceptId: CONCEPTS.varmdo,
    hoursPerWeek: 16,
    weekdays: ['MONDAY', 'TUESDAY'],
    // From today: its placements can be started (not before the start date) and ended early today.
    startDate: inDays(0),
    endDate: inDays(80),
    places: 2,
    contactName: 'Erik Arbetsgivare',
  };

  async function openingA(
    publish: boolean,
    period: { startDate: string; endDate: string } | null = null,
  ): Promise<string> {
    const { createOpening } = await ok<{ createOpening: { id: string } }>(
      client.employerA,
      'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
      { input: { ...OPENING_INPUT, ...period } },
    );
    if (publish)
      await ok(client.employerA, 'mutation($id: ID!) { publishOpening(id: $id) { id } }', {
        id: createOpening.id,
      });
    return createOpening.id;
  }

  /**
   * A PROPOSED match of a new participant of organisation A (consenting: matching proposes no one else) to a new
   * published opening of employer A.
   */
  async function proposalA(period: { startDate: string; endDate: string } | null = null): Promise<string> {
    return insertProposal(stack.environment, await openingA(true, period), await consentedParticipantA());
  }

  /** A placement confirmed by coach A in an opening of employer A. */
  /** With `period` and `completed`: started and completed (the period must have passed). */
  async function placementA(
    period: { startDate: string; endDate: string } | null = null,
    completed = false,
  ): Promise<string> {
    const { confirmProposal } = await ok<{ confirmProposal: { id: string } }>(
      client.coachA,
      'mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { id } }',
      { id: await proposalA(period) },
    );
    if (completed) {
      for (const change of ['startPlacement', 'completePlacement'])
        await ok(client.coachA, `mutation($id: ID!) { ${change}(input: { placementId: $id }) { id } }`, {
          id: confirmProposal.id,
        });
    }
    return confirmProposal.id;
  }

  /** placementA (by default from today), started. */
  async function activePlacementA(
    period: { startDate: string; endDate: string } | null = null,
  ): Promise<string> {
    const id = await placementA(period);
    await ok(client.coachA, 'mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', {
      id,
    });
    return id;
  }

  /** A completed placementA whose employer confirmed a skill (a kompetensbevis). */
  async function certifiedPlacementA(): Promise<string> {
    const id = await placementA({ startDate: inDays(-60), endDate: inDays(-1) }, true);
    await ok(
      client.employerA,
      `mutation($id: ID!, $skills: [String!]!) {
        issueCompetenceCertificate(input: { placementId: $id, skillConceptIds: $skills }) { placementId } }`,
      { id, skills: [CONCEPTS.hygienstadning] },
    );
    return id;
  }

  let trackSerial = 0;
  async function trackA(): Promise<{ trackId: string; intakeId: string }> {
    trackSerial += 1;
    const { createTrack } = await ok<{ createTrack: { id: string } }>(
      client.admin,
      'mutation($input: CreateTrackInput!) { createTrack(input: $input) { id } }',
      {
        input: {
          name: `Matrisspår ${trackSerial}`,
          municipalityConceptId: CONCEPTS.varmdo,
          occupationConceptIds: [CONCEPTS.barnskotare],
          praktikWeeks: 12,
          sfiHoursPerWeek: 6,
        },
      },
    );
    const { addTrackIntake } = await ok<{ addTrackIntake: { intakes: { id: string }[] } }>(
      client.admin,
      'mutation($id: ID!) { addTrackIntake(trackId: $id, input: { startDate: "2027-03-01", places: 20 }) { intakes { id } } }',
      { id: createTrack.id },
    );
    return { trackId: createTrack.id, intakeId: addTrackIntake.intakes[0]!.id };
  }

  let intakeDay = 0;
  const COACHES_AND_ADMIN: Partial<Record<Caller, Allowed>> = { admin: 'ok', coachA: 'ok', coachB: 'ok' };
  let userSerial = 0;
  /** A new EMPLOYER account of employer A's organisation, made by the admin. */
  async function employerUserA(): Promise<string> {
    userSerial += 1;
    const { createUser } = await ok<{ createUser: { id: string } }>(
      client.admin,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: `matris-${process.pid}-${userSerial}@test.example`,
          fullName: 'Matris Arbetsgivare',
          role: 'EMPLOYER',
          organisationId: await organisationOf(client.employerA),
          password: 'a-long-test-password',
        },
      },
    );
    return createUser.id;
  }

  const OPERATIONS: Operation[] = [
    {
      name: 'organisations',
      query: 'query { organisations(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: COACHES_AND_ADMIN,
    },
    {
      name: 'organisation',
      query: 'query($id: ID!) { organisation(id: $id) { id } }',
      variables: async () => ({ id: await organisationOf(client.employerA) }),
      allowed: { ...COACHES_AND_ADMIN, employerA: 'ok' },
    },
    {
      name: 'searchOrganisations',
      query: 'query { searchOrganisations(query: "värmdö") { id } }',
      variables: async () => ({}),
      allowed: COACHES_AND_ADMIN,
    },
    {
      name: 'createOrganisation',
      query: 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      variables: async () => ({
        input: {
          kind: 'COMPANY',
          name: 'Matrisbolaget AB',
          organisationNumber: uniqueOrganisationNumber('556'),
          municipalityCode: '0120',
        },
      }),
      allowed: { admin: 'ok' },
    },
    {
      name: 'updateOrganisation',
      query: 'mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Skärgårdens Förskolor AB" }) { id } }',
      variables: async () => ({ id: await organisationOf(client.employerB) }),
      allowed: { admin: 'ok' },
    },
    {
      name: 'users',
      query: 'query { users(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: COACHES_AND_ADMIN,
    },
    {
      name: 'user',
      query: 'query($id: ID!) { user(id: $id) { id } }',
      variables: async () => ({ id: await employerUserA() }),
      allowed: { admin: 'ok' },
    },
    {
      name: 'createUser',
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      variables: async () => {
        userSerial += 1;
        return {
          input: {
            email: `matris-ny-${process.pid}-${userSerial}@test.example`,
            fullName: 'Ny Arbetsgivare',
            role: 'EMPLOYER',
            organisationId: await organisationOf(client.employerA),
            password: 'a-long-test-password',
          },
        };
      },
      allowed: { admin: 'ok' },
    },
    {
      name: 'deactivateUser',
      query: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      variables: async () => ({ id: await employerUserA() }),
      allowed: { admin: 'ok' },
    },
    {
      name: 'searchTaxonomy',
      query: 'query { searchTaxonomy(kind: OCCUPATION, query: "barnsk") { conceptId } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'educationLevels',
      query: 'query { educationLevels { conceptId } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'drivingLicences',
      query: 'query { drivingLicences { conceptId } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'participant',
      query: 'query($id: ID!) { participant(id: $id) { id firstName } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'participants',
      query: 'query { participants(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'findParticipant',
      query: 'query($p: String!) { findParticipant(personnummer: $p) { id } }',
      variables: async () => ({ p: (await createParticipant(client.coachA)).personnummer }),
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'createParticipant',
      query:
        'mutation($p: String!) { createParticipant(input: { firstName: "Ny", lastName: "Deltagare", personnummer: $p }) { id } }',
      variables: async () => ({ p: uniquePersonnummer(1985) }),
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'ok' },
    },
    {
      name: 'updateParticipant',
      query: 'mutation($id: ID!) { updateParticipant(id: $id, input: { phone: "070-111 22 33" }) { id } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'recordConsent',
      query:
        'mutation($id: ID!) { recordConsent(participantId: $id, input: { scopes: [ANONYMISED_PROFILE] }) { id } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'withdrawConsent',
      query: 'mutation($id: ID!) { withdrawConsent(participantId: $id) { id } }',
      variables: async () => ({ id: await consentedParticipantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'eraseParticipant',
      query: 'mutation($id: ID!) { eraseParticipant(id: $id) }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'competenceProfile',
      query: 'query($id: ID!) { competenceProfile(participantId: $id) { coachNotes } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'updateCompetenceProfile',
      query:
        'mutation($id: ID!) { updateCompetenceProfile(participantId: $id, input: { interests: ["matlagning"] }) { status } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'setProfileStatus',
      query: 'mutation($id: ID!) { setProfileStatus(participantId: $id, status: ARCHIVED) { status } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'personalDataAccessLog',
      query: 'query { personalDataAccessLog(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: { admin: 'ok' },
    },
    {
      name: 'anonymisedProfiles',
      query: 'query { anonymisedProfiles(first: 5) { nodes { publicId } } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'anonymisedProfile',
      query: 'query($p: String!) { anonymisedProfile(publicId: $p) { publicId } }',
      variables: async () => {
        const shown = () =>
          ok<{ anonymisedProfiles: { nodes: { publicId: string }[] } }>(
            client.coachA,
            'query { anonymisedProfiles(first: 1) { nodes { publicId } } }',
          );
        // With fewer than K_ANONYMITY alike profiles published, none is shown: publish five that share everything.
        if ((await shown()).anonymisedProfiles.nodes.length === 0) {
          const concepts = await conceptIds(stack.environment);
          const profile = {
            swedishLevel: 'SFI_D',
            educationLevelConceptId: await concepts.educationLevel('3'),
            homeMunicipalityConceptId: await concepts.municipality('0120'),
          };
          for (let i = 0; i < 5; i++) {
            await publishProfile(
              client.coachA,
              (await createParticipant(client.coachA, { personnummer: uniquePersonnummer(1980) })).id,
              profile,
            );
          }
        }
        return { p: (await shown()).anonymisedProfiles.nodes[0]!.publicId };
      },
      allowed: SIGNED_IN,
    },
    {
      name: 'searchProfiles',
      query: 'query { searchProfiles(first: 5) { nodes { publicId } total { count fewerThan } } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'openings',
      query: 'query { openings(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'opening',
      query: 'query($id: ID!) { opening(id: $id) { id } }',
      variables: async () => ({ id: await openingA(true) }),
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'ok', employerA: 'ok' },
    },
    {
      name: 'createOpening',
      query: 'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
      variables: async () => ({ input: OPENING_INPUT }),
      allowed: { employerA: 'ok', employerB: 'ok', association: 'ok' },
    },
    {
      name: 'updateOpening',
      query: 'mutation($id: ID!) { updateOpening(id: $id, input: { title: "Praktik i förskola" }) { id } }',
      variables: async () => ({ id: await openingA(false) }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'publishOpening',
      query: 'mutation($id: ID!) { publishOpening(id: $id) { id } }',
      variables: async () => ({ id: await openingA(false) }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'fillOpening',
      query: 'mutation($id: ID!) { fillOpening(id: $id) { id } }',
      variables: async () => ({ id: await openingA(true) }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'closeOpening',
      query: 'mutation($id: ID!) { closeOpening(id: $id) { id } }',
      variables: async () => ({ id: await openingA(true) }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'tracks',
      query: 'query { tracks(first: 5) { nodes { id } } }',
      variables: async () => ({}),
      allowed: SIGNED_IN,
    },
    {
      name: 'track',
      query: 'query($id: ID!) { track(id: $id) { id } }',
      variables: async () => ({ id: (await trackA()).trackId }),
      allowed: SIGNED_IN,
    },
    {
      name: 'createTrack',
      query: 'mutation($input: CreateTrackInput!) { createTrack(input: $input) { id } }',
      variables: async () => {
        trackSerial += 1;
        return {
          input: {
            name: `Nytt spår ${trackSerial}`,
            municipalityConceptId: CONCEPTS.varmdo,
            occupationConceptIds: [CONCEPTS.stadare],
            praktikWeeks: 8,
            sfiHoursPerWeek: 4,
          },
        };
      },
      allowed: { admin: 'ok' },
    },
    {
      name: 'updateTrack',
      query: 'mutation($id: ID!) { updateTrack(id: $id, input: { course: "Hygienkurs" }) { id } }',
      variables: async () => ({ id: (await trackA()).trackId }),
      allowed: { admin: 'ok' },
    },
    {
      name: 'addTrackIntake',
      query:
        'mutation($id: ID!, $date: String!) { addTrackIntake(trackId: $id, input: { startDate: $date, places: 5 }) { id } }',
      variables: async () => {
        intakeDay += 1;
        return { id: (await trackA()).trackId, date: `2027-09-${String(intakeDay).padStart(2, '0')}` };
      },
      allowed: { admin: 'ok' },
    },
    {
      name: 'enrolInTrackIntake',
      query:
        'mutation($intake: ID!, $p: ID!) { enrolInTrackIntake(intakeId: $intake, participantId: $p) { id } }',
      variables: async () => ({ intake: (await trackA()).intakeId, p: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'withdrawTrackEnrolment',
      query: 'mutation($id: ID!) { withdrawTrackEnrolment(enrolmentId: $id) { id } }',
      variables: async () => {
        const { enrolInTrackIntake } = await ok<{ enrolInTrackIntake: { id: string } }>(
          client.coachA,
          'mutation($intake: ID!, $p: ID!) { enrolInTrackIntake(intakeId: $intake, participantId: $p) { id } }',
          { intake: (await trackA()).intakeId, p: await participantA() },
        );
        return { id: enrolInTrackIntake.id };
      },
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'trackEnrolments',
      query: 'query($intake: ID!) { trackEnrolments(intakeId: $intake) { nodes { id } } }',
      variables: async () => {
        const { intakeId } = await trackA();
        await ok(
          client.coachA,
          'mutation($intake: ID!, $p: ID!) { enrolInTrackIntake(intakeId: $intake, participantId: $p) { id } }',
          {
            intake: intakeId,
            p: await participantA(),
          },
        );
        return { intake: intakeId };
      },
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'confirmProposal',
      query: 'mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { id } }',
      variables: async () => ({ id: await proposalA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'placements',
      query: 'query { placements(first: 5) { nodes { id } } }',
      variables: async () => {
        await placementA();
        return {};
      },
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'startPlacement',
      query: 'mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }',
      variables: async () => ({ id: await placementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'completePlacement',
      query: 'mutation($id: ID!) { completePlacement(input: { placementId: $id }) { id } }',
      variables: async () => ({ id: await activePlacementA({ startDate: inDays(-30), endDate: inDays(0) }) }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'endPlacementEarly',
      query: `mutation($id: ID!, $lastDay: String!) { endPlacementEarly(input: {
        placementId: $id, reason: GOT_JOB, note: "Fick jobb", lastDay: $lastDay }) { id } }`,
      variables: async () => ({ id: await activePlacementA(), lastDay: inDays(0) }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'reschedulePlacement',
      query: `mutation($id: ID!) { reschedulePlacement(input: {
        placementId: $id, startDate: "2027-02-08", endDate: "2027-04-30" }) { id } }`,
      variables: async () => ({ id: await placementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'followUps',
      query: 'query { followUps(first: 5) { nodes { id } } }',
      variables: async () => {
        await placementA();
        return {};
      },
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'recordFollowUp',
      query: `mutation($id: ID!) { recordFollowUp(input: { placementId: $id, attendance: ALWAYS,
        swedishProgress: SOME, satisfaction: 4, dropoutRisk: LOW }) { id } }`,
      variables: async () => ({ id: await activePlacementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'recordEmployerFeedback',
      query: `mutation($id: ID!) { recordEmployerFeedback(input: { placementId: $id, attendance: ALWAYS,
        swedishProgress: SOME, satisfaction: 4, dropoutRisk: LOW }) { id } }`,
      variables: async () => ({ id: await activePlacementA() }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'recordOutcome',
      query: 'mutation($id: ID!) { recordOutcome(input: { placementId: $id, outcome: STUDIES }) { id } }',
      // A placement that ended more than 90 days ago.
      variables: async () => ({
        id: await placementA({ startDate: inDays(-200), endDate: inDays(-100) }, true),
      }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'issueCompetenceCertificate',
      query: `mutation($id: ID!, $skills: [String!]!) {
        issueCompetenceCertificate(input: { placementId: $id, skillConceptIds: $skills }) { placementId } }`,
      variables: async () => ({
        id: await placementA({ startDate: inDays(-60), endDate: inDays(-1) }, true),
        skills: [CONCEPTS.hygienstadning],
      }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'competenceCertificate',
      query: 'query($id: ID!) { competenceCertificate(placementId: $id) { placementId } }',
      variables: async () => ({ id: await certifiedPlacementA() }),
      allowed: { admin: 'ok', coachA: 'ok', employerA: 'ok' },
    },
    {
      name: 'competenceCertificateDocument',
      query: 'query($id: ID!) { competenceCertificateDocument(placementId: $id) { fileName } }',
      variables: async () => ({ id: await certifiedPlacementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'followUpEntries',
      query: 'query($id: ID!) { followUpEntries(placementId: $id) { id } }',
      variables: async () => ({ id: await activePlacementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'employerFollowUpEntries',
      query: 'query($id: ID!) { employerFollowUpEntries(placementId: $id) { id } }',
      variables: async () => ({ id: await activePlacementA() }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'cancelPlacement',
      query: 'mutation($id: ID!) { cancelPlacement(input: { placementId: $id, note: "Avbokad" }) { id } }',
      variables: async () => ({ id: await placementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'placement',
      query: 'query($id: ID!) { placement(id: $id) { id } }',
      variables: async () => ({ id: await placementA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'proposals',
      query: 'query { proposals(first: 5) { nodes { id } } }',
      variables: async () => {
        await proposalA();
        return {};
      },
      allowed: { admin: 'ok', coachA: 'ok', coachB: 'none' },
    },
    {
      name: 'bestOpeningsForParticipant',
      query: 'query($id: ID!) { bestOpeningsForParticipant(participantId: $id) { score } }',
      variables: async () => ({ id: await participantA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'rejectProposal',
      query: 'mutation($id: ID!) { rejectProposal(input: { proposalId: $id, reason: TIMING }) { id } }',
      variables: async () => ({ id: await proposalA() }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'requestIntroduction',
      query:
        'mutation($o: ID!, $p: String!) { requestIntroduction(input: { openingId: $o, publicId: $p, message: "Hej" }) { publicId } }',
      variables: async () => {
        const shown = async () =>
          (
            await ok<{ anonymisedProfiles: { nodes: { publicId: string }[] } }>(
              client.employerA,
              'query { anonymisedProfiles(first: 1) { nodes { publicId } } }',
            )
          ).anonymisedProfiles.nodes;
        if ((await shown()).length === 0) {
          const concepts = await conceptIds(stack.environment);
          for (let i = 0; i < 5; i++) {
            await publishProfile(
              client.coachA,
              (await createParticipant(client.coachA, { personnummer: uniquePersonnummer(1980) })).id,
              {
                swedishLevel: 'SFI_D',
                educationLevelConceptId: await concepts.educationLevel('3'),
                homeMunicipalityConceptId: await concepts.municipality('0120'),
              },
            );
          }
        }
        return { o: await openingA(true), p: (await shown())[0]!.publicId };
      },
      allowed: { employerA: 'ok' },
    },
    {
      name: 'employerPlacements',
      query: 'query { employerPlacements(first: 5) { nodes { id introduction { firstName } } } }',
      variables: async () => {
        await placementA();
        return {};
      },
      allowed: { employerA: 'ok', employerB: 'none', association: 'none' },
    },
    {
      name: 'employerPlacement',
      query: 'query($id: ID!) { employerPlacement(id: $id) { id introduction { firstName } } }',
      variables: async () => ({ id: await placementA() }),
      allowed: { employerA: 'ok' },
    },
    {
      name: 'keyFigures',
      query: `query($input: KeyFiguresInput!) { keyFigures(input: $input) {
        placements { confirmed { value suppressed } } } }`,
      // Organisation A's: its coaches and any admin; another municipality's coach and employers are refused.
      variables: async () => ({
        input: { organisationId: await organisationOf(client.coachA), from: '2026-01-01', to: '2026-12-31' },
      }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
    {
      name: 'keyFiguresCsv',
      query: 'query($input: KeyFiguresInput!) { keyFiguresCsv(input: $input) { fileName content } }',
      variables: async () => ({
        input: { organisationId: await organisationOf(client.coachA), from: '2026-01-01', to: '2026-12-31' },
      }),
      allowed: { admin: 'ok', coachA: 'ok' },
    },
  ];

  it("covers every query and mutation but the caller's own session and inbox", async () => {
    const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
    const names = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ].filter((name) => !OWN_SESSION.has(name));
    expect(OPERATIONS.map((operation) => operation.name).sort()).toEqual(names.sort());
  });

  it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
    '%s',
    async (_name, operation) => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        const response = await client[caller].request<Record<string, unknown>>(
          operation.query,
          await operation.variables(),
        );
        const allowed = operation.allowed[caller];
        expected[caller] = allowed ?? (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        if (response.errors?.length) {
          outcomes[caller] = errorCode(response) ?? 'ERROR';
          if (allowed) outcomes[caller] += `: ${response.errors[0]!.message}`;
          continue;
        }
        const data = Object.values(response.data ?? {})[0];
        const nodes = (data as { nodes?: unknown[] } | null)?.nodes;
        const empty = data === null || (Array.isArray(nodes) && nodes.length === 0);
        outcomes[caller] = allowed === 'none' ? (empty ? 'none' : 'DATA OF ANOTHER ORGANISATION') : 'ok';
      }
      expect(outcomes).toEqual(expected);
    },
  );
});
