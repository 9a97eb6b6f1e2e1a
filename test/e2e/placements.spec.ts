import pg from 'pg';
import { eventually } from '../support/eventually.js';
import { errorCode, type GraphqlClient, type GraphqlResponse } from '../support/graphql-client.js';
import { CONCEPTS, ensureTestTaxonomy, trackWithIntakes } from '../support/opening-track-fixtures.js';
import { consentingParticipant, insertProposal, publishedOpening } from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const CONFIRM = `mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) {
  id status kind startDate endDate participantId proposalId confirmedBy confirmedAt opening { id status placesLeft } } }`;

const EMPLOYER_PLACEMENT_FIELDS = `id status kind startDate endDate confirmedAt opening { id title }
  introduction { firstName contact { name email } }`;
const EMPLOYER_PLACEMENTS = `query($openingId: ID) { employerPlacements(first: 50, openingId: $openingId) {
  totalCount nodes { ${EMPLOYER_PLACEMENT_FIELDS} } } }`;
const EMPLOYER_PLACEMENT = `query($id: ID!) { employerPlacement(id: $id) { ${EMPLOYER_PLACEMENT_FIELDS} } }`;

interface ConfirmedPlacement {
  id: string;
  status: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  participantId: string;
  proposalId: string;
  confirmedBy: string;
  opening: { id: string; status: string; placesLeft: number };
}

interface EmployerPlacement {
  id: string;
  introduction: { firstName: string | null; contact: { name: string; email: string } };
}

describe('coach decisions: confirming proposals into placements', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let coach: GraphqlClient;
  let coach2: GraphqlClient;
  let nackaCoach: GraphqlClient;
  let employerA: GraphqlClient;
  let employerB: GraphqlClient;
  let coachUserId: string;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);
  const confirm = (client: GraphqlClient, id: string) =>
    client.request<{ confirmProposal: ConfirmedPlacement }>(CONFIRM, { id });

  /** The opening's places and status, and the placements it holds. */
  async function openingState(openingId: string) {
    const [opening] = await sql('SELECT places, places_taken, status FROM openings WHERE id = $1', [
      openingId,
    ]);
    const [placements] = await sql('SELECT count(*)::int AS n FROM placements WHERE opening_id = $1', [
      openingId,
    ]);
    return { ...opening, placements: placements!.n };
  }

  /** MatchOpening jobs recorded in the outbox for the opening as it is now (its version). */
  async function matchJobsOfCurrentVersion(openingId: string): Promise<number> {
    const [jobs] = await sql(
      `SELECT count(*)::int AS n FROM outbox_messages message JOIN openings opening ON opening.id = $1
        WHERE message.payload->'job'->>'name' = 'match-opening'
          AND message.payload->'job'->'payload'->>'openingId' = $1::text
          AND message.payload->'job'->'payload'->>'version' =
              floor(extract(epoch FROM opening.updated_at) * 1000)::bigint::text`,
      [openingId],
    );
    return jobs!.n as number;
  }

  async function proposalState(proposalId: string) {
    const [row] = await sql(
      'SELECT status, decided_by, decided_at, expiry_reason, rank FROM match_proposals WHERE id = $1',
      [proposalId],
    );
    return row;
  }

  async function counts() {
    const [row] = await sql(`SELECT
      (SELECT count(*)::int FROM placements) AS placements,
      (SELECT sum(places_taken)::int FROM openings) AS places_taken,
      (SELECT count(*)::int FROM match_proposals WHERE status = 'PROPOSED') AS proposed,
      (SELECT count(*)::int FROM outbox_messages) AS outbox`);
    return row;
  }

  beforeAll(async () => {
    stack = await startStack();
    await ensureTestTaxonomy(stack.environment);
    admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
    coach2 = await stack.anonymous.login('coach2@varmdo.example');
    nackaCoach = await stack.anonymous.login('coach@nacka.example');
    employerA = await stack.anonymous.login('employer@vard.example');
    employerB = await stack.anonymous.login('employer@forskolor.example');
    const [user] = await sql(`SELECT id FROM users WHERE email = 'coach@varmdo.example'`);
    coachUserId = user!.id as string;
  });

  afterAll(() => stack?.close());

  it('makes a planned placement for the opening’s period, taking one place, and confirms the proposal', async () => {
    const openingId = await publishedOpening(employerA, { places: 3 });
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE', 'INTRODUCTION']);
    const proposalId = await insertProposal(stack.environment, openingId, participantId);
    const other = await insertProposal(
      stack.environment,
      openingId,
      await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
    );

    const response = await confirm(coach, proposalId);
    expect(response.errors).toBeUndefined();
    expect(response.data!.confirmProposal).toMatchObject({
      status: 'PLANNED',
      kind: 'PRAKTIK',
      startDate: '2027-02-01',
      endDate: '2027-04-30',
      participantId,
      proposalId,
      confirmedBy: coachUserId,
      opening: { id: openingId, status: 'PUBLISHED', placesLeft: 2 },
    });
    const [placement] = await sql(
      `SELECT status, employer_organisation_id = (SELECT organisation_id FROM openings WHERE id = $1) AS employer_ok,
              coach_organisation_id = (SELECT organisation_id FROM participants WHERE id = $2) AS coach_ok
         FROM placements WHERE proposal_id = $3`,
      [openingId, participantId, proposalId],
    );
    expect(placement).toEqual({ status: 'PLANNED', employer_ok: true, coach_ok: true });
    expect(await openingState(openingId)).toEqual({
      places: 3,
      places_taken: 1,
      status: 'PUBLISHED',
      placements: 1,
    });
    expect(await proposalState(proposalId)).toMatchObject({ status: 'CONFIRMED', decided_by: coachUserId });
    // Places are left: the other proposals stay open.
    expect(await proposalState(other)).toMatchObject({ status: 'PROPOSED' });
  });

  it('an opening whose places are brought down to those taken is FILLED, and ranked again (its proposals expire)', async () => {
    const openingId = await publishedOpening(employerA, { places: 3 });
    const proposalId = await insertProposal(
      stack.environment,
      openingId,
      await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
    );
    expect((await confirm(coach, proposalId)).errors).toBeUndefined();
    const updated = await employerA.request<{ updateOpening: { status: string; placesLeft: number } }>(
      'mutation($id: ID!) { updateOpening(id: $id, input: { places: 1 }) { status placesLeft } }',
      { id: openingId },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOpening).toEqual({ status: 'FILLED', placesLeft: 0 });
    expect(await openingState(openingId)).toMatchObject({ places: 1, places_taken: 1, status: 'FILLED' });
    expect(await matchJobsOfCurrentVersion(openingId)).toBe(1);
  });

  it('with one place left, two simultaneous confirmations give one success and one CONFLICT', async () => {
    for (let round = 0; round < 5; round++) {
      const openingId = await publishedOpening(employerA, { places: 2 });
      const first = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
      expect(
        (await confirm(coach, await insertProposal(stack.environment, openingId, first))).errors,
      ).toBeUndefined();
      // Not filled: matching is asked to rank it again, the next best taking the confirmed one's place.
      expect(await matchJobsOfCurrentVersion(openingId)).toBe(1);
      const [one, two, bystander] = await Promise.all([
        consentingParticipant(coach, ['ANONYMISED_PROFILE']),
        consentingParticipant(coach2, ['ANONYMISED_PROFILE']),
        consentingParticipant(coach, ['ANONYMISED_PROFILE']),
      ]);
      const proposals = [
        await insertProposal(stack.environment, openingId, one),
        await insertProposal(stack.environment, openingId, two),
      ];
      const waiting = await insertProposal(stack.environment, openingId, bystander);
      // Ranked, as matching leaves them.
      await sql(`UPDATE match_proposals SET rank = 1 WHERE id = $1`, [waiting]);

      const responses = await Promise.all([confirm(coach, proposals[0]!), confirm(coach2, proposals[1]!)]);
      const codes = responses.map((response) => errorCode(response) ?? 'ok').sort();
      expect(codes).toEqual(['CONFLICT', 'ok']);
      const loser = responses.find((response) => response.errors)!;
      expect(loser.errors![0]!.message).toMatch(/no places left|EXPIRED/);

      expect(await openingState(openingId)).toEqual({
        places: 2,
        places_taken: 2,
        status: 'FILLED',
        placements: 2,
      });
      // The opening filled: its other proposals, the loser's among them, expired with the reason.
      const winnerIndex = responses.findIndex((response) => !response.errors);
      expect(await proposalState(proposals[winnerIndex]!)).toMatchObject({ status: 'CONFIRMED' });
      for (const id of [proposals[1 - winnerIndex]!, waiting]) {
        expect(await proposalState(id)).toMatchObject({
          status: 'EXPIRED',
          decided_by: null,
          expiry_reason: 'The opening is filled',
          // Only PROPOSED ones are ranked.
          rank: null,
        });
      }
      // Matching of the filled opening (this version of it) is asked for through the outbox, in the same transaction.
      expect(await matchJobsOfCurrentVersion(openingId)).toBe(1);
    }
  });

  it('with both confirmations held by a matching job of the opening until they overlap, the second finds no place left', async () => {
    const openingId = await publishedOpening(employerA, { places: 1 });
    const proposals = [
      await insertProposal(
        stack.environment,
        openingId,
        await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
      ),
      await insertProposal(
        stack.environment,
        openingId,
        await consentingParticipant(coach2, ['ANONYMISED_PROFILE']),
      ),
    ];
    // Hold the opening's matching lock, as a MatchOpening job re-ranking its proposals does: both transactions are
    // inside confirm, waiting for it.
    const holder = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-opening:' || $1, 0))`, [
        openingId,
      ]);
      const pending = Promise.all([confirm(coach, proposals[0]!), confirm(coach2, proposals[1]!)]);
      await eventually(
        async () =>
          (
            await sql(`SELECT count(*)::int AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                          AND query LIKE '%pg_advisory_xact_lock%'`)
          )[0]!.n,
        (waiting) => waiting === 2,
      );
      await holder.query('COMMIT');
      const responses = await pending;
      expect(responses.map((response) => errorCode(response) ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
      expect(responses.find((response) => response.errors)!.errors![0]!.message).toBe(
        'The opening has no places left',
      );
    } finally {
      await holder.end();
    }
    expect(await openingState(openingId)).toEqual({
      places: 1,
      places_taken: 1,
      status: 'FILLED',
      placements: 1,
    });
  });

  it('refuses a second placement of one participant in an overlapping period, allows a later one', async () => {
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const first = await publishedOpening(employerA, { startDate: '2027-02-01', endDate: '2027-04-30' });
    expect(
      (await confirm(coach, await insertProposal(stack.environment, first, participantId))).errors,
    ).toBeUndefined();

    // Overlapping by one day (the periods include their last day), and one inside the first.
    for (const period of [
      { startDate: '2027-04-30', endDate: '2027-06-30' },
      { startDate: '2027-03-01', endDate: '2027-03-31' },
    ]) {
      const overlapping = await publishedOpening(employerB, period);
      const proposalId = await insertProposal(stack.environment, overlapping, participantId);
      const before = await counts();
      const response = await confirm(coach, proposalId);
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors![0]!.message).toBe('The participant is already placed in an overlapping period');
      expect(response.errors![0]!.extensions!.field).toBe('input.proposalId');
      // Nothing written: the place is not taken, the proposal is still open, no outbox entry.
      expect(await counts()).toEqual(before);
      expect(await openingState(overlapping)).toMatchObject({
        places_taken: 0,
        status: 'PUBLISHED',
        placements: 0,
      });
      expect(await proposalState(proposalId)).toEqual({
        status: 'PROPOSED',
        decided_by: null,
        decided_at: null,
        expiry_reason: null,
        rank: null,
      });
    }

    const later = await publishedOpening(employerB, { startDate: '2027-05-01', endDate: '2027-07-31' });
    const response = await confirm(coach, await insertProposal(stack.environment, later, participantId));
    expect(response.errors).toBeUndefined();
    expect(response.data!.confirmProposal).toMatchObject({ startDate: '2027-05-01', endDate: '2027-07-31' });
    const [placements] = await sql('SELECT count(*)::int AS n FROM placements WHERE participant_id = $1', [
      participantId,
    ]);
    expect(placements!.n).toBe(2);
  });

  it('of two simultaneous confirmations of one participant into overlapping openings, one succeeds', async () => {
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const openings = [
      await publishedOpening(employerA, { startDate: '2027-08-02', endDate: '2027-10-29' }),
      await publishedOpening(employerB, { startDate: '2027-09-01', endDate: '2027-11-30' }),
    ];
    const proposals = [
      await insertProposal(stack.environment, openings[0]!, participantId),
      await insertProposal(stack.environment, openings[1]!, participantId),
    ];
    const responses = await Promise.all([confirm(coach, proposals[0]!), confirm(coach2, proposals[1]!)]);
    expect(responses.map((response) => errorCode(response) ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    const [placements] = await sql('SELECT count(*)::int AS n FROM placements WHERE participant_id = $1', [
      participantId,
    ]);
    expect(placements!.n).toBe(1);
    const [taken] = await sql('SELECT sum(places_taken)::int AS n FROM openings WHERE id = ANY($1)', [
      openings,
    ]);
    expect(taken!.n).toBe(1);
  });

  it.each(['REJECTED', 'EXPIRED', 'CONFIRMED'] as const)(
    'refuses to confirm a %s proposal',
    async (status) => {
      const openingId = await publishedOpening(employerA);
      const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
      const proposalId = await insertProposal(stack.environment, openingId, participantId, status);
      const before = await counts();
      const response = await confirm(coach, proposalId);
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors![0]!.message).toBe(`The proposal is ${status}, not PROPOSED`);
      expect(await counts()).toEqual(before);
      expect(await proposalState(proposalId)).toMatchObject({ status });
    },
  );

  it('refuses to confirm the same proposal twice, and into an opening that is not published', async () => {
    const openingId = await publishedOpening(employerA, { places: 2 });
    const proposalId = await insertProposal(
      stack.environment,
      openingId,
      await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
    );
    expect((await confirm(coach, proposalId)).errors).toBeUndefined();
    const again = await confirm(coach, proposalId);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toMatch(/^The proposal is CONFIRMED and its placement PLANNED/);
    expect(await openingState(openingId)).toMatchObject({ places_taken: 1, placements: 1 });

    const closed = await publishedOpening(employerA);
    const onClosed = await insertProposal(
      stack.environment,
      closed,
      await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
    );
    await employerA.ok('mutation($id: ID!) { closeOpening(id: $id) { id } }', { id: closed });
    const before = await counts();
    const response = await confirm(coach, onClosed);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors![0]!.message).toBe('The opening is CLOSED, not PUBLISHED');
    expect(await counts()).toEqual(before);
  });

  it('refuses to confirm once the participant withdrew consent', async () => {
    const openingId = await publishedOpening(employerA, { places: 2 });
    const withdrawing = await consentingParticipant(coach, ['ANONYMISED_PROFILE', 'INTRODUCTION']);
    const proposalId = await insertProposal(stack.environment, openingId, withdrawing);
    await coach.ok('mutation($id: ID!) { withdrawConsent(participantId: $id) { id } }', { id: withdrawing });
    const before = await counts();
    const withdrawn = await confirm(coach, proposalId);
    expect(errorCode(withdrawn)).toBe('CONFLICT');
    expect(withdrawn.errors![0]!.message).toBe(
      'The participant does not consent to an anonymised profile (ANONYMISED_PROFILE) any more',
    );
    expect(withdrawn.errors![0]!.extensions!.field).toBe('input.proposalId');
    expect(await counts()).toEqual(before);
    expect(await proposalState(proposalId)).toMatchObject({ status: 'PROPOSED', decided_by: null });
  });

  it("confirms a Jobbspår place only for a participant holding a place in the opening's track intake", async () => {
    const [{ organisation_id: partnerId }] = (await sql(
      `SELECT organisation_id FROM users WHERE email = 'employer@vard.example'`,
    )) as [{ organisation_id: string }];
    const {
      intakeIds: [intakeId],
    } = await trackWithIntakes(admin, {
      partnerOrganisationId: partnerId,
      startDates: ['2027-02-01'],
      track: { occupationConceptIds: [CONCEPTS.barnskotare] },
    });
    const openingId = await publishedOpening(employerA, {
      kind: 'JOBBSPAR',
      trackIntakeId: intakeId,
      places: 2,
      endDate: null,
    });
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const proposalId = await insertProposal(stack.environment, openingId, participantId);
    // As enrolInTrackIntake leaves it (its prerequisites are not what this test is about): a place taken unless
    // withdrawn.
    const enrol = async (withdrawn: boolean) =>
      (
        await sql(
          `WITH place AS (UPDATE track_intakes SET places_taken = places_taken + 1 WHERE id = $1 AND NOT $4)
           INSERT INTO track_enrolments (intake_id, participant_id, enrolled_by, withdrawn_at)
           VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END) RETURNING id`,
          [intakeId, participantId, coachUserId, withdrawn],
        )
      )[0]!.id as string;

    // Not enrolled, then enrolled and withdrawn: no place in the intake, nothing written.
    for (const step of ['not enrolled', 'withdrawn']) {
      if (step === 'withdrawn') await enrol(true);
      const before = await counts();
      const refused = await confirm(coach, proposalId);
      expect([step, errorCode(refused)]).toEqual([step, 'CONFLICT']);
      expect(refused.errors![0]!.message).toBe(
        "A Jobbspår place is for a participant enrolled in the opening's track intake: enrol them first",
      );
      expect(refused.errors![0]!.extensions!.field).toBe('input.proposalId');
      expect(await counts()).toEqual(before);
      expect(await proposalState(proposalId)).toMatchObject({ status: 'PROPOSED', decided_by: null });
    }

    const enrolmentId = await enrol(false);
    const confirmed = await confirm(coach, proposalId);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmProposal).toMatchObject({
      kind: 'JOBBSPAR',
      status: 'PLANNED',
      participantId,
    });

    // The placement holds the intake's place: the enrolment stays until the placement is cancelled or over.
    const withdraw = () =>
      coach.request('mutation($id: ID!) { withdrawTrackEnrolment(enrolmentId: $id) { id withdrawnAt } }', {
        id: enrolmentId,
      });
    const refused = await withdraw();
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toBe(
      'The participant has a PLANNED Jobbspår placement in this intake: cancel it or end it first',
    );
    expect(refused.errors![0]!.extensions!.field).toBe('enrolmentId');
    const [{ withdrawn_at: stillEnrolled }] = (await sql(
      'SELECT withdrawn_at FROM track_enrolments WHERE id = $1',
      [enrolmentId],
    )) as [{ withdrawn_at: Date | null }];
    expect(stillEnrolled).toBeNull();
    await coach.ok('mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { id } }', {
      input: { placementId: confirmed.data!.confirmProposal.id, note: 'Personen valde ett annat spår.' },
    });
    expect((await withdraw()).errors).toBeUndefined();
  });

  it('checks the input and who asks before anything is written', async () => {
    const openingId = await publishedOpening(employerA);
    const proposalId = await insertProposal(
      stack.environment,
      openingId,
      await consentingParticipant(coach, ['ANONYMISED_PROFILE']),
    );
    const before = await counts();

    const bad = await coach.request(CONFIRM, { id: 'not-an-id' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('input.proposalId');
    expect(errorCode(await confirm(coach, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    // Another municipality's coach: the participant is not theirs.
    expect(errorCode(await confirm(nackaCoach, proposalId))).toBe('FORBIDDEN');
    expect(errorCode(await confirm(employerA, proposalId))).toBe('FORBIDDEN');
    expect(errorCode(await confirm(stack.anonymous, proposalId))).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
    expect(await proposalState(proposalId)).toMatchObject({ status: 'PROPOSED' });

    // An admin of the participant's organisation may confirm.
    expect((await confirm(admin, proposalId)).errors).toBeUndefined();
  });

  describe('what the employer learns', () => {
    /** Every employer-reachable read that could say something about a person, with what it answered. */
    async function employerResponses(employer: GraphqlClient, openingId: string): Promise<string> {
      const queries: Array<[string, Record<string, unknown>]> = [
        [EMPLOYER_PLACEMENTS, {}],
        [EMPLOYER_PLACEMENTS, { openingId }],
        [
          'query($id: ID!) { opening(id: $id) { id title places placesTaken placesLeft status } }',
          { id: openingId },
        ],
        ['query { openings(first: 100) { nodes { id title placesTaken status } } }', {}],
        [
          `query { anonymisedProfiles(first: 100) { nodes { publicId summary ageBand
             experience { occupation { label } } languages { label } } } }`,
          {},
        ],
        ['query { notifications(first: 100) { nodes { title body } } }', {}],
      ];
      const answers: GraphqlResponse[] = [];
      for (const [query, variables] of queries) {
        const answer = await employer.request(query, variables);
        expect(answer.errors).toBeUndefined();
        answers.push(answer);
      }
      return JSON.stringify(answers);
    }

    async function revealRows(participantId: string) {
      return sql(
        `SELECT action, fields, purpose, actor_user_id FROM personal_data_access_log
          WHERE participant_id = $1 AND action = 'REVEAL' ORDER BY accessed_at`,
        [participantId],
      );
    }

    it('nothing before the confirmation; after it, with INTRODUCTION consent, the first name and the coach', async () => {
      const openingId = await publishedOpening(employerA);
      const participantId = await consentingParticipant(
        coach,
        ['ANONYMISED_PROFILE', 'INTRODUCTION'],
        'Zainabquist',
      );
      await coach.ok(
        'mutation($id: ID!) { updateParticipant(id: $id, input: { phone: "070-555 12 34" }) { id } }',
        {
          id: participantId,
        },
      );
      const [person] = await sql('SELECT last_name FROM participants WHERE id = $1', [participantId]);
      const proposalId = await insertProposal(stack.environment, openingId, participantId);

      const before = await employerResponses(employerA, openingId);
      expect(before).not.toContain('Zainabquist');
      expect(before).not.toContain(participantId);
      const { employerPlacements: none } = await employerA.ok<{
        employerPlacements: { totalCount: number; nodes: EmployerPlacement[] };
      }>(EMPLOYER_PLACEMENTS, { openingId });
      expect(none).toEqual({ totalCount: 0, nodes: [] });
      expect(await revealRows(participantId)).toEqual([]);

      const { confirmProposal } = await coach.ok<{ confirmProposal: ConfirmedPlacement }>(CONFIRM, {
        id: proposalId,
      });

      const { employerPlacements } = await employerA.ok<{
        employerPlacements: { totalCount: number; nodes: EmployerPlacement[] };
      }>(EMPLOYER_PLACEMENTS, { openingId });
      expect(employerPlacements.nodes).toEqual([
        {
          id: confirmProposal.id,
          status: 'PLANNED',
          kind: 'PRAKTIK',
          startDate: '2027-02-01',
          endDate: '2027-04-30',
          confirmedAt: expect.any(String),
          opening: { id: openingId, title: 'Praktik som barnskötare' },
          introduction: {
            firstName: 'Zainabquist',
            contact: { name: expect.any(String), email: 'coach@varmdo.example' },
          },
        },
      ]);
      const [coachUser] = await sql('SELECT full_name FROM users WHERE id = $1', [coachUserId]);
      expect(employerPlacements.nodes[0]!.introduction.contact.name).toBe(coachUser!.full_name);
      // The first name and nothing else about the person: no id, last name, personnummer or contact.
      const after = await employerResponses(employerA, openingId);
      expect(after).toContain('Zainabquist');
      for (const secret of [participantId, person!.last_name as string, '070-555 12 34']) {
        expect(after).not.toContain(secret);
      }
      // No personnummer (YYYYMMDD-NNNN) either; not inside a uuid, whose first groups can be all digits.
      expect(after).not.toMatch(/(?<![\w-])(?:19|20)\d{6}-?\d{4}(?![\w-])/);

      const [employerUser] = await sql(`SELECT id FROM users WHERE email = 'employer@vard.example'`);
      const reveals = await revealRows(participantId);
      // One per read of the list with the name: the read above and the two in employerResponses.
      expect(reveals).toHaveLength(3);
      for (const row of reveals) {
        expect(row).toEqual({
          action: 'REVEAL',
          fields: ['firstName'],
          purpose: 'query employerPlacements',
          actor_user_id: employerUser!.id,
        });
      }

      // Only a read that selects the name is a reveal.
      const count = reveals.length;
      await employerA.ok(
        'query { employerPlacements(first: 100) { nodes { id introduction { contact { email } } } } }',
      );
      expect(await revealRows(participantId)).toHaveLength(count);
      const { employerPlacement } = await employerA.ok<{ employerPlacement: EmployerPlacement }>(
        EMPLOYER_PLACEMENT,
        { id: confirmProposal.id },
      );
      expect(employerPlacement.introduction.firstName).toBe('Zainabquist');
      const latest = await revealRows(participantId);
      expect(latest).toHaveLength(count + 1);
      expect(latest.at(-1)).toMatchObject({ purpose: 'query employerPlacement', fields: ['firstName'] });

      // The municipality's admin sees the reveal in its organisation's log.
      const { personalDataAccessLog } = await admin.ok<{
        personalDataAccessLog: { nodes: { action: string; fields: string[] }[] };
      }>(
        'query($id: ID!) { personalDataAccessLog(first: 100, participantId: $id) { nodes { action fields } } }',
        { id: participantId },
      );
      expect(personalDataAccessLog.nodes).toContainEqual({ action: 'REVEAL', fields: ['firstName'] });

      // Withdrawn consent takes effect at once: the name is no longer shown, nor logged.
      await coach.ok('mutation($id: ID!) { withdrawConsent(participantId: $id) { id } }', {
        id: participantId,
      });
      const { employerPlacement: withdrawn } = await employerA.ok<{ employerPlacement: EmployerPlacement }>(
        EMPLOYER_PLACEMENT,
        { id: confirmProposal.id },
      );
      expect(withdrawn.introduction).toEqual({
        firstName: null,
        contact: { name: coachUser!.full_name, email: 'coach@varmdo.example' },
      });
      expect(await revealRows(participantId)).toHaveLength(count + 1);
    });

    it('without INTRODUCTION consent: the coach as contact and no name', async () => {
      const openingId = await publishedOpening(employerA);
      const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE'], 'Hamidoquist');
      const proposalId = await insertProposal(stack.environment, openingId, participantId);
      await confirm(coach2, proposalId);

      const { employerPlacements } = await employerA.ok<{
        employerPlacements: { nodes: EmployerPlacement[] };
      }>(EMPLOYER_PLACEMENTS, { openingId });
      expect(employerPlacements.nodes.map((node) => node.introduction)).toEqual([
        { firstName: null, contact: { name: expect.any(String), email: 'coach2@varmdo.example' } },
      ]);
      expect(await employerResponses(employerA, openingId)).not.toContain('Hamidoquist');
      expect(await revealRows(participantId)).toEqual([]);
    });

    it('a cancelled placement no longer shows the first name, nor logs a reveal', async () => {
      const openingId = await publishedOpening(employerA);
      const participantId = await consentingParticipant(
        coach,
        ['ANONYMISED_PROFILE', 'INTRODUCTION'],
        'Farrokhquist',
      );
      const { confirmProposal } = await coach.ok<{ confirmProposal: ConfirmedPlacement }>(CONFIRM, {
        id: await insertProposal(stack.environment, openingId, participantId),
      });
      await coach.ok('mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { id } }', {
        input: { placementId: confirmProposal.id, note: 'Fel person bekräftad' },
      });
      const { employerPlacement } = await employerA.ok<{ employerPlacement: EmployerPlacement }>(
        EMPLOYER_PLACEMENT,
        { id: confirmProposal.id },
      );
      expect(employerPlacement).toMatchObject({ status: 'CANCELLED', introduction: { firstName: null } });
      expect(await employerResponses(employerA, openingId)).not.toContain('Farrokhquist');
      expect(await revealRows(participantId)).toEqual([]);
    });

    it('another employer sees nothing of it', async () => {
      const openingId = await publishedOpening(employerA);
      const participantId = await consentingParticipant(
        coach,
        ['ANONYMISED_PROFILE', 'INTRODUCTION'],
        'Ardalanquist',
      );
      const { confirmProposal } = await coach.ok<{ confirmProposal: ConfirmedPlacement }>(CONFIRM, {
        id: await insertProposal(stack.environment, openingId, participantId),
      });

      const { employerPlacements } = await employerB.ok<{
        employerPlacements: { nodes: EmployerPlacement[] };
      }>(EMPLOYER_PLACEMENTS, {});
      expect(employerPlacements.nodes.map((node) => node.id)).not.toContain(confirmProposal.id);
      expect(errorCode(await employerB.request(EMPLOYER_PLACEMENT, { id: confirmProposal.id }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await employerB.request(EMPLOYER_PLACEMENTS, { openingId }))).toBe('FORBIDDEN');
      const everything = JSON.stringify(
        await Promise.all([
          employerB.request(EMPLOYER_PLACEMENTS, {}),
          employerB.request('query { openings(first: 100) { nodes { id title } } }'),
        ]),
      );
      expect(everything).not.toContain('Ardalanquist');
      expect(await revealRows(participantId)).toEqual([]);
    });
  });

  describe("coaches' view", () => {
    it('lists their organisation’s placements by opening and participant, and nobody else’s', async () => {
      const openingId = await publishedOpening(employerA, { places: 2 });
      const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
      const { confirmProposal } = await coach.ok<{ confirmProposal: ConfirmedPlacement }>(CONFIRM, {
        id: await insertProposal(stack.environment, openingId, participantId),
      });
      const PLACEMENTS = `query($openingId: ID, $participantId: ID) {
        placements(first: 100, openingId: $openingId, participantId: $participantId) {
          totalCount nodes { id participantId opening { id } } } }`;

      for (const client of [coach, coach2, admin]) {
        const byOpening = await client.ok<{ placements: { nodes: { id: string; participantId: string }[] } }>(
          PLACEMENTS,
          { openingId },
        );
        expect(byOpening.placements.nodes).toEqual([
          { id: confirmProposal.id, participantId, opening: { id: openingId } },
        ]);
        const byParticipant = await client.ok<{ placements: { totalCount: number } }>(PLACEMENTS, {
          participantId,
        });
        expect(byParticipant.placements.totalCount).toBe(1);
        const one = await client.ok<{ placement: { id: string; participantId: string } }>(
          'query($id: ID!) { placement(id: $id) { id participantId } }',
          { id: confirmProposal.id },
        );
        expect(one.placement).toEqual({ id: confirmProposal.id, participantId });
      }

      const nacka = await nackaCoach.ok<{ placements: { totalCount: number } }>(PLACEMENTS, { openingId });
      expect(nacka.placements.totalCount).toBe(0);
      expect(errorCode(await nackaCoach.request(PLACEMENTS, { participantId }))).toBe('FORBIDDEN');
      expect(
        errorCode(
          await nackaCoach.request('query($id: ID!) { placement(id: $id) { id } }', {
            id: confirmProposal.id,
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await coach.request('query($id: ID!) { placement(id: $id) { id } }', {
            id: '00000000-0000-4000-8000-000000000000',
          }),
        ),
      ).toBe('NOT_FOUND');
      const badId = await coach.request(PLACEMENTS, { openingId: 'nope' });
      expect(errorCode(badId)).toBe('BAD_USER_INPUT');
      expect(badId.errors![0]!.extensions!.field).toBe('openingId');
      expect(errorCode(await employerA.request(PLACEMENTS, {}))).toBe('FORBIDDEN');
      expect(errorCode(await coach.request(EMPLOYER_PLACEMENTS, {}))).toBe('FORBIDDEN');
    });

    it("narrows the list to statuses and to the coach's own participants", async () => {
      const LIST = `query($status: [PlacementStatus!], $mine: Boolean) {
        placements(first: 100, status: $status, mine: $mine) { totalCount nodes { id status participantId } } }`;
      type Listed = {
        placements: {
          totalCount: number;
          nodes: Array<{ id: string; status: string; participantId: string }>;
        };
      };
      const openingId = await publishedOpening(employerA, { places: 3 });
      // coach2 registers (and is responsible for) the second participant.
      const own = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
      const colleagues = await consentingParticipant(coach2, ['ANONYMISED_PROFILE']);
      const ownPlacement = (await confirm(coach, await insertProposal(stack.environment, openingId, own)))
        .data!.confirmProposal.id;
      const colleaguesPlacement = (
        await confirm(coach2, await insertProposal(stack.environment, openingId, colleagues))
      ).data!.confirmProposal.id;
      await coach.ok('mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { id } }', {
        input: { placementId: colleaguesPlacement, note: 'Började inte' },
      });

      const mine = (await coach.ok<Listed>(LIST, { mine: true })).placements.nodes;
      expect(mine.map((node) => node.id)).toContain(ownPlacement);
      expect(mine.map((node) => node.id)).not.toContain(colleaguesPlacement);
      const [{ ids }] = await sql(
        `SELECT array_agg(pl.id) AS ids FROM placements pl JOIN participants pt ON pt.id = pl.participant_id
          WHERE pt.coach_id = $1`,
        [coachUserId],
      );
      expect(mine.map((node) => node.id).sort()).toEqual((ids as string[]).sort());

      const cancelled = (await coach.ok<Listed>(LIST, { status: ['CANCELLED'] })).placements.nodes;
      expect(cancelled.map((node) => node.id)).toContain(colleaguesPlacement);
      expect(cancelled.every((node) => node.status === 'CANCELLED')).toBe(true);
      const open = (await coach.ok<Listed>(LIST, { status: ['PLANNED', 'ACTIVE'], mine: true })).placements;
      expect(open.nodes.map((node) => node.id)).toContain(ownPlacement);
      expect(open.nodes.every((node) => ['PLANNED', 'ACTIVE'].includes(node.status))).toBe(true);
      expect(errorCode(await coach.request(LIST, { status: ['GONE'] }))).toBe('BAD_USER_INPUT');
    });
  });
});
