import { SearchClient, SearchIndex } from '#libs/search';
import { eventually } from '../support/eventually.js';
import { errorCode, refusedAt, type GraphqlClient } from '../support/graphql-client.js';
import { uppsalaCandidate, uppsalaPraktik } from '../support/matching-fixtures.js';
import { ensureTestTaxonomy, organisationWithUser } from '../support/opening-track-fixtures.js';
import {
  confirmedPlacement,
  consentingParticipant,
  inDays,
  proposalAfterMatching,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';
import { settle } from '../support/worker-process.js';

const PLACEMENT_FIELDS = 'id status startDate endDate endReason endNote opening { id status placesLeft }';
const START = `mutation($id: ID!) { startPlacement(input: { placementId: $id }) { ${PLACEMENT_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!) { completePlacement(input: { placementId: $id }) { ${PLACEMENT_FIELDS} } }`;
const END_EARLY = `mutation($input: EndPlacementEarlyInput!) { endPlacementEarly(input: $input) { ${PLACEMENT_FIELDS} } }`;
const CANCEL = `mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { ${PLACEMENT_FIELDS} } }`;
const PROPOSALS = `query($openingId: ID, $participantId: ID) {
  proposals(openingId: $openingId, participantId: $participantId, first: 100) {
    nodes { id participantId status opening { id } } } }`;

interface PlacementView {
  id: string;
  status: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  endNote: string | null;
  opening: { id: string; status: string; placesLeft: number };
}

interface Proposal {
  id: string;
  participantId: string;
  status: string;
  opening: { id: string };
}

describe('placements after the confirmation: start, complete, end early, cancel', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let admin: GraphqlClient;
  let nackaCoach: GraphqlClient;
  let employer: GraphqlClient;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);

  /**
   * A PLANNED placement of a new participant in a new one-place praktik of `host` (or with `changes`), confirmed
   * through the API.
   */
  async function plannedPlacement(
    changes: Record<string, unknown> = {},
    host: GraphqlClient = employer,
  ): Promise<PlacementView> {
    const openingId = await publishedOpening(host, changes);
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const proposalId = await proposalAfterMatching(stack, openingId, participantId);
    const { confirmProposal } = await coach.ok<{ confirmProposal: PlacementView }>(
      `mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { ${PLACEMENT_FIELDS} } }`,
      { id: proposalId },
    );
    return confirmProposal;
  }

  /** Started ten days ago, ending in 60 days (or with `changes`). */
  async function activePlacement(changes: Record<string, unknown> = {}): Promise<PlacementView> {
    const placement = await plannedPlacement({ startDate: inDays(-10), endDate: inDays(60), ...changes });
    return (await coach.ok<{ startPlacement: PlacementView }>(START, { id: placement.id })).startPlacement;
  }

  /** What a refused change must leave as it was. */
  async function state(placementId: string) {
    const [row] = await sql(
      `SELECT pl.status, pl.end_date::text, pl.end_reason, pl.end_note, o.places_taken, o.status AS opening_status,
              (SELECT count(*)::int FROM outbox_messages) AS outbox
         FROM placements pl JOIN openings o ON o.id = pl.opening_id WHERE pl.id = $1`,
      [placementId],
    );
    return row;
  }

  function proposalsOf(variables: { openingId?: string; participantId?: string }): Promise<Proposal[]> {
    return coach
      .ok<{ proposals: { nodes: Proposal[] } }>(PROPOSALS, variables)
      .then(({ proposals }) => proposals.nodes);
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    await ensureTestTaxonomy(stack.environment);
    coach = await stack.anonymous.login('coach@varmdo.example');
    admin = await stack.anonymous.login('admin@varmdo.example');
    nackaCoach = await stack.anonymous.login('coach@nacka.example');
    employer = await stack.anonymous.login('employer@vard.example');
    // The demo data's own matching first: the re-matching test waits for its proposals behind it otherwise.
    await settle(stack.environment, undefined, 150_000);
  }, 180_000);

  afterAll(() => stack?.close());

  it('walks PLANNED → ACTIVE → COMPLETED, and refuses each step from the wrong status or day with CONFLICT', async () => {
    const notYet = await plannedPlacement({ startDate: inDays(1), endDate: inDays(60) });
    const early = await coach.request(START, { id: notYet.id });
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors![0]!.message).toContain(inDays(1));
    const running = await activePlacement({ endDate: inDays(1) });
    expect(errorCode(await coach.request(COMPLETE, { id: running.id }))).toBe('CONFLICT');

    const placement = await plannedPlacement({ startDate: inDays(-60), endDate: inDays(0) });
    expect(placement).toMatchObject({ status: 'PLANNED', opening: { status: 'FILLED', placesLeft: 0 } });

    const completeTooSoon = await coach.request(COMPLETE, { id: placement.id });
    expect(errorCode(completeTooSoon)).toBe('CONFLICT');
    expect(completeTooSoon.errors![0]!.extensions!.field).toBe('input.placementId');

    const started = await coach.ok<{ startPlacement: PlacementView }>(START, { id: placement.id });
    expect(started.startPlacement).toMatchObject({
      status: 'ACTIVE',
      startDate: inDays(-60),
      endDate: inDays(0),
    });
    expect(errorCode(await coach.request(START, { id: placement.id }))).toBe('CONFLICT');
    expect(
      errorCode(
        await coach.request(CANCEL, { input: { placementId: placement.id, note: 'För sent att avboka' } }),
      ),
    ).toBe('CONFLICT');

    // An admin of the participant's organisation may make the change too.
    const completed = await admin.ok<{ completePlacement: PlacementView }>(COMPLETE, { id: placement.id });
    expect(completed.completePlacement).toMatchObject({
      status: 'COMPLETED',
      endDate: inDays(0),
      endReason: null,
      // A completed placement keeps its place: the opening stays FILLED.
      opening: { status: 'FILLED', placesLeft: 0 },
    });
    const before = await state(placement.id);
    const endLate = await coach.request(END_EARLY, {
      input: { placementId: placement.id, reason: 'MOVED', note: 'Flyttade', lastDay: inDays(-1) },
    });
    expect(errorCode(endLate)).toBe('CONFLICT');
    expect(await state(placement.id)).toEqual(before);
  });

  it('completing an open-ended placement frees the person for later openings: their candidate document follows', async () => {
    const association = await stack.anonymous.login('forening@rodakorset.example');
    const participantId = await uppsalaCandidate(coach, { availableFrom: inDays(-40) });
    const openingId = await publishedOpening(association, {
      kind: 'EXTRATJANST',
      supervisorName: 'Maja Handledare',
      startDate: inDays(-30),
      endDate: null,
    });
    const placementId = await confirmedPlacement(
      coach,
      await proposalAfterMatching(stack, openingId, participantId),
    );
    const [{ id: profileId }] = await sql('SELECT id FROM competence_profiles WHERE participant_id = $1', [
      participantId,
    ]);
    const candidates = stack.environment.meilisearchAdmin.index(
      stack.worker!.get(SearchClient, { strict: false }).uid(SearchIndex.Candidates),
    );
    const occupied = () =>
      candidates
        .getDocument<{ occupiedUntil: number | null; occupiedPeriods: number }>(profileId as string)
        .then(({ occupiedUntil, occupiedPeriods }) => ({ occupiedUntil, occupiedPeriods }))
        // Not indexed yet.
        .catch(() => null);
    // Open-ended: occupied for good, as far as retrieval can tell.
    await eventually(occupied, (now) => now?.occupiedUntil === 999_999, 60_000);

    await coach.ok(START, { id: placementId });
    const { completePlacement } = await coach.ok<{ completePlacement: PlacementView }>(COMPLETE, {
      id: placementId,
    });
    expect(completePlacement).toMatchObject({ status: 'COMPLETED', endDate: inDays(0) });
    expect(await eventually(occupied, (now) => now?.occupiedPeriods === 0, 60_000)).toEqual({
      occupiedUntil: null,
      occupiedPeriods: 0,
    });
  }, 180_000);

  it('ending early gives the place back and makes new proposals for the participant and for the opening', async () => {
    // Two people who meet every requirement of the one-place opening A; B overlaps A, so whoever is placed in A
    // cannot be proposed for B until A ends.
    const openingA = await uppsalaPraktik(employer, { places: 1, startDate: inDays(0), endDate: inDays(80) });
    const openingB = await uppsalaPraktik(employer, { startDate: inDays(20), endDate: inDays(100) });
    const placed = await uppsalaCandidate(coach, { availableFrom: inDays(0) });
    const waiting = await uppsalaCandidate(coach, { availableFrom: inDays(0) });
    const initial = await eventually(
      () => proposalsOf({ openingId: openingA }),
      (nodes) =>
        [placed, waiting].every((id) => nodes.some((p) => p.participantId === id && p.status === 'PROPOSED')),
      60_000,
    );
    const proposal = initial.find((p) => p.participantId === placed && p.status === 'PROPOSED')!;
    const { confirmProposal } = await coach.ok<{ confirmProposal: PlacementView }>(
      `mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { ${PLACEMENT_FIELDS} } }`,
      { id: proposal.id },
    );
    expect(confirmProposal.opening).toMatchObject({ status: 'FILLED', placesLeft: 0 });
    // A filled: the other person's proposal expired. B: the placed person is no longer proposed (overlap).
    await eventually(
      async () =>
        [await proposalsOf({ openingId: openingA }), await proposalsOf({ openingId: openingB })] as const,
      ([a, b]) =>
        !a.some((p) => p.participantId === waiting && p.status === 'PROPOSED') &&
        !b.some((p) => p.participantId === placed && p.status === 'PROPOSED'),
      60_000,
    );
    await coach.ok(START, { id: confirmProposal.id });

    const ended = await coach.ok<{ endPlacementEarly: PlacementView }>(END_EARLY, {
      input: {
        placementId: confirmProposal.id,
        reason: 'EMPLOYER_NEEDS_CHANGED',
        note: '  Arbetsgivaren behöver inte längre någon på eftermiddagarna.  ',
        lastDay: inDays(0),
      },
    });
    expect(ended.endPlacementEarly).toMatchObject({
      status: 'ENDED_EARLY',
      endDate: inDays(0),
      endReason: 'EMPLOYER_NEEDS_CHANGED',
      endNote: 'Arbetsgivaren behöver inte längre någon på eftermiddagarna.',
      opening: { id: openingA, status: 'PUBLISHED', placesLeft: 1 },
    });
    // What would work instead: the waiting person for A, and B (which starts after the last day) for the person.
    await eventually(
      async () =>
        [await proposalsOf({ openingId: openingA }), await proposalsOf({ participantId: placed })] as const,
      ([a, forPlaced]) =>
        a.some((p) => p.participantId === waiting && p.status === 'PROPOSED') &&
        forPlaced.some((p) => p.opening.id === openingB && p.status === 'PROPOSED'),
      60_000,
    );
  }, 240_000);

  it('cancelling a planned placement gives the place back; the note is kept for coaches', async () => {
    const placement = await plannedPlacement({ places: 2 });
    const before = await state(placement.id);
    for (const note of ['   ', 'x'.repeat(2_001)]) {
      const refused = await coach.request(CANCEL, { input: { placementId: placement.id, note } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      const extensions = refused.errors![0]!.extensions!;
      expect(extensions.field ?? extensions.fields?.[0]?.field).toBe('input.note');
    }
    expect(await state(placement.id)).toEqual(before);
    const { cancelPlacement } = await coach.ok<{ cancelPlacement: PlacementView }>(CANCEL, {
      input: { placementId: placement.id, note: 'Deltagaren fick förhinder innan start' },
    });
    expect(cancelPlacement).toMatchObject({
      status: 'CANCELLED',
      endReason: null,
      endNote: 'Deltagaren fick förhinder innan start',
      opening: { status: 'PUBLISHED', placesLeft: 2 },
    });
    expect(errorCode(await coach.request(START, { id: placement.id }))).toBe('CONFLICT');
  });

  it('a FILLED extratjänst whose association became a company meanwhile is not published again when its place comes back', async () => {
    const { organisationId, client: association } = await organisationWithUser(
      admin,
      'ASSOCIATION',
      'EMPLOYER',
    );
    const placement = await plannedPlacement(
      { kind: 'EXTRATJANST', supervisorName: 'Maja Handledare', hoursPerWeek: 30, endDate: null },
      association,
    );
    expect(placement.opening).toMatchObject({ status: 'FILLED', placesLeft: 0 });
    // Allowed: only draft and published extratjänster tie an organisation to the kinds that may offer them.
    await admin.ok('mutation($id: ID!) { updateOrganisation(id: $id, input: { kind: COMPANY }) { kind } }', {
      id: organisationId,
    });
    const { cancelPlacement } = await coach.ok<{ cancelPlacement: PlacementView }>(CANCEL, {
      input: { placementId: placement.id, note: 'Fel person bekräftad' },
    });
    expect(cancelPlacement.opening).toMatchObject({ status: 'FILLED', placesLeft: 1 });
  });

  it("confirms a cancelled placement's proposal anew, once, and not while its placement is live", async () => {
    const CONFIRM = `mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { ${PLACEMENT_FIELDS} } }`;
    const placement = await plannedPlacement({ places: 2 });
    const [{ proposal_id: proposalId }] = await sql('SELECT proposal_id FROM placements WHERE id = $1', [
      placement.id,
    ]);
    const decision = async () =>
      (
        await sql('SELECT status, decided_by, decided_at FROM match_proposals WHERE id = $1', [proposalId])
      )[0];
    const decided = await decision();
    const placementsOf = async () =>
      sql('SELECT id, status FROM placements WHERE proposal_id = $1 ORDER BY confirmed_at', [proposalId]);

    // While its placement is planned: decided, nothing written.
    const before = await state(placement.id);
    expect(refusedAt(await coach.request(CONFIRM, { id: proposalId }))).toEqual([
      'CONFLICT',
      'input.proposalId',
    ]);
    expect(await state(placement.id)).toEqual(before);

    await coach.ok(CANCEL, {
      input: { placementId: placement.id, note: 'Starten flyttas: SFI-schemat ändrades' },
    });
    // Two coaches at once: one new placement, one CONFLICT.
    const [first, second] = await Promise.all([
      coach.request<{ confirmProposal: PlacementView }>(CONFIRM, { id: proposalId }),
      coach.request<{ confirmProposal: PlacementView }>(CONFIRM, { id: proposalId }),
    ]);
    const confirmed = [first, second].filter((response) => !response.errors);
    expect(confirmed).toHaveLength(1);
    expect(refusedAt([first, second].find((response) => response.errors)!)).toEqual([
      'CONFLICT',
      'input.proposalId',
    ]);
    const anew = confirmed[0]!.data!.confirmProposal;
    expect(anew).toMatchObject({ status: 'PLANNED', opening: { status: 'PUBLISHED', placesLeft: 1 } });
    expect(anew.id).not.toBe(placement.id);
    expect(await placementsOf()).toEqual([
      { id: placement.id, status: 'CANCELLED' },
      { id: anew.id, status: 'PLANNED' },
    ]);
    // The coach's decision on the proposal stands as it was made.
    expect(await decision()).toEqual(decided);

    // A proposal that was never confirmed, or was rejected, is not confirmed this way.
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const rejectedId = await proposalAfterMatching(stack, anew.opening.id, participantId);
    await coach.ok(
      'mutation($id: ID!) { rejectProposal(input: { proposalId: $id, reason: OTHER, note: "Passar inte" }) { id } }',
      { id: rejectedId },
    );
    expect(refusedAt(await coach.request(CONFIRM, { id: rejectedId }))).toEqual([
      'CONFLICT',
      'input.proposalId',
    ]);
  });

  it('keeps the follow-up plan with the placement: confirmed, moved, ended early', async () => {
    const planOf = async (placementId: string) =>
      Object.fromEntries(
        (
          await sql('SELECT kind, due_on::text, status FROM follow_ups WHERE placement_id = $1', [
            placementId,
          ])
        ).map((row) => [row.kind, `${row.due_on} ${row.status}`]),
      );
    // An extratjänst, which may be open-ended (a praktik must end within six months).
    const association = (await organisationWithUser(admin, 'ASSOCIATION', 'EMPLOYER')).client;
    const placement = await plannedPlacement(
      {
        kind: 'EXTRATJANST',
        supervisorName: 'Maja Handledare',
        hoursPerWeek: 30,
        startDate: inDays(30),
        endDate: inDays(110),
      },
      association,
    );
    expect(await planOf(placement.id)).toEqual({
      WEEK_ONE: `${inDays(37)} SCHEDULED`,
      MIDPOINT: `${inDays(70)} SCHEDULED`,
      END: `${inDays(110)} SCHEDULED`,
      OUTCOME: `${inDays(200)} SCHEDULED`,
    });
    // Only the start moved (the last day left out): the last day stays.
    const { reschedulePlacement: moved } = await coach.ok<{
      reschedulePlacement: { endDate: string | null };
    }>('mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { endDate } }', {
      input: { placementId: placement.id, startDate: inDays(20) },
    });
    expect(moved.endDate).toBe(inDays(110));
    expect(await planOf(placement.id)).toMatchObject({ END: `${inDays(110)} SCHEDULED` });
    // Moved past the last day it keeps: the start is at fault, the field the caller sent.
    const pastTheEnd = await coach.request(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: placement.id, startDate: inDays(120) } },
    );
    expect(errorCode(pastTheEnd)).toBe('BAD_USER_INPUT');
    expect(pastTheEnd.errors![0]!.extensions!.field).toBe('input.startDate');
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: placement.id, startDate: inDays(30) } },
    );
    expect(await planOf(placement.id)).toMatchObject({
      MIDPOINT: `${inDays(70)} SCHEDULED`,
      END: `${inDays(110)} SCHEDULED`,
    });
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: placement.id, startDate: inDays(0), endDate: null } },
    );
    // Open-ended: only the first week has a day.
    expect(await planOf(placement.id)).toEqual({
      WEEK_ONE: `${inDays(7)} SCHEDULED`,
      MIDPOINT: `${inDays(70)} CANCELLED`,
      END: `${inDays(110)} CANCELLED`,
      OUTCOME: `${inDays(200)} CANCELLED`,
    });
    await coach.ok(START, { id: placement.id });
    await coach.ok(END_EARLY, {
      input: {
        placementId: placement.id,
        reason: 'GOT_JOB',
        note: 'Anställd hos en annan arbetsgivare',
        lastDay: inDays(0),
      },
    });
    // Ended before the first week was over: the last day's check-in (due today: the worker may have made it DUE
    // already) and the outcome 90 days after; the first week's is cancelled, the cancelled midpoint stays so.
    const ended = await planOf(placement.id);
    expect(ended).toEqual({
      WEEK_ONE: `${inDays(7)} CANCELLED`,
      MIDPOINT: `${inDays(70)} CANCELLED`,
      END: expect.stringMatching(new RegExp(`^${inDays(0)} (SCHEDULED|DUE)$`)),
      OUTCOME: `${inDays(90)} SCHEDULED`,
    });
  });

  it('refuses bad input with the field at fault, and other people, writing nothing', async () => {
    const placement = await activePlacement();
    const before = await state(placement.id);
    const endEarly = (input: Record<string, unknown>, client = coach) =>
      client.request(END_EARLY, {
        input: {
          placementId: placement.id,
          reason: 'HEALTH',
          note: 'Sjukskriven',
          lastDay: inDays(0),
          ...input,
        },
      });
    expect(refusedAt(await endEarly({ lastDay: inDays(-11) }))).toEqual(['BAD_USER_INPUT', 'input.lastDay']);
    expect(refusedAt(await endEarly({ lastDay: inDays(1) }))).toEqual(['BAD_USER_INPUT', 'input.lastDay']);
    expect(refusedAt(await endEarly({ lastDay: inDays(60) }))).toEqual(['BAD_USER_INPUT', 'input.lastDay']);
    expect(refusedAt(await endEarly({ lastDay: '2027-02-30' }))).toEqual(['BAD_USER_INPUT', 'input.lastDay']);
    expect(refusedAt(await endEarly({ lastDay: '1 mars' }))).toEqual(['BAD_USER_INPUT', 'input.lastDay']);
    expect(refusedAt(await endEarly({ note: '   ' }))).toEqual(['BAD_USER_INPUT', 'input.note']);
    expect(refusedAt(await endEarly({ note: 'x'.repeat(2_001) }))).toEqual(['BAD_USER_INPUT', 'input.note']);
    expect(refusedAt(await endEarly({ note: 'a\u0000b' }))).toEqual(['BAD_USER_INPUT', 'input.note']);
    expect(refusedAt(await endEarly({ placementId: 'nope' }))).toEqual([
      'BAD_USER_INPUT',
      'input.placementId',
    ]);
    const unknownReason = await endEarly({ reason: 'BORED' });
    expect(unknownReason.errors?.[0]?.message).toMatch(/BORED/);
    expect(unknownReason.data ?? null).toBeNull();
    expect(errorCode(await endEarly({ placementId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );

    // Only coaches and admins of the participant's organisation.
    expect(errorCode(await endEarly({}, nackaCoach))).toBe('FORBIDDEN');
    expect(errorCode(await endEarly({}, employer))).toBe('FORBIDDEN');
    expect(errorCode(await endEarly({}, stack.anonymous))).toBe('UNAUTHENTICATED');
    expect(errorCode(await nackaCoach.request(COMPLETE, { id: placement.id }))).toBe('FORBIDDEN');
    for (const change of [START, COMPLETE])
      expect(refusedAt(await coach.request(change, { id: 'nope' }))).toEqual([
        'BAD_USER_INPUT',
        'input.placementId',
      ]);

    const reschedule = (input: Record<string, unknown>) =>
      coach.request(
        'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
        {
          input: { placementId: placement.id, startDate: inDays(-10), endDate: inDays(60), ...input },
        },
      );
    expect(refusedAt(await reschedule({ endDate: inDays(-11) }))).toEqual([
      'BAD_USER_INPUT',
      'input.endDate',
    ]);
    expect(refusedAt(await reschedule({ startDate: '2027-13-01' }))).toEqual([
      'BAD_USER_INPUT',
      'input.startDate',
    ]);
    // Started: it cannot start after today, nor be cut short to a day that has passed (that is an early end).
    expect(refusedAt(await reschedule({ startDate: inDays(1) }))).toEqual([
      'BAD_USER_INPUT',
      'input.startDate',
    ]);
    for (const endDate of [inDays(-1), inDays(0)]) {
      const cutShort = await reschedule({ endDate });
      expect(refusedAt(cutShort)).toEqual(['BAD_USER_INPUT', 'input.endDate']);
      expect(cutShort.errors![0]!.message).toContain('endPlacementEarly');
    }
    // A praktik lasts at most six months, and ends.
    expect(refusedAt(await reschedule({ endDate: null }))).toEqual(['BAD_USER_INPUT', 'input.endDate']);
    const tooLong = await reschedule({ endDate: inDays(365) });
    expect(refusedAt(tooLong)).toEqual(['BAD_USER_INPUT', 'input.endDate']);
    expect(tooLong.errors![0]!.message).toMatch(/a praktik lasts at most 6 months/);
    // The last day left out (kept), the start moved back a year: the start is at fault, the field sent.
    const startedLongBefore = await coach.request(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: placement.id, startDate: inDays(-365) } },
    );
    expect(refusedAt(startedLongBefore)).toEqual(['BAD_USER_INPUT', 'input.startDate']);

    expect(await state(placement.id)).toEqual(before);

    // An extension recorded after the fact may end on a day that has passed, later than planned.
    const overran = await activePlacement({ startDate: inDays(-30), endDate: inDays(-5) });
    const { reschedulePlacement } = await coach.ok<{ reschedulePlacement: { endDate: string } }>(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { endDate } }',
      { input: { placementId: overran.id, startDate: inDays(-30), endDate: inDays(-2) } },
    );
    expect(reschedulePlacement.endDate).toBe(inDays(-2));
  });

  it('erasing the participant ends their open placements, gives the places back and empties what was written', async () => {
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const placementIn = async (period: { startDate: string; endDate: string }) => {
      const openingId = await publishedOpening(employer, period);
      const proposalId = await proposalAfterMatching(stack, openingId, participantId);
      const placementId = await confirmedPlacement(coach, proposalId);
      return { placementId, openingId };
    };
    const active = await placementIn({ startDate: inDays(-10), endDate: inDays(60) });
    const planned = await placementIn({ startDate: inDays(70), endDate: inDays(100) });
    // Ran to its last day, but nobody marked it completed.
    const ranItsCourse = await placementIn({ startDate: inDays(-40), endDate: inDays(-11) });
    await coach.ok(START, { id: active.placementId });
    await coach.ok(START, { id: ranItsCourse.placementId });
    await coach.ok(`mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
      input: {
        placementId: active.placementId,
        attendance: 'SOMETIMES',
        tasksPerformed: 'Plockade varor',
        swedishProgress: 'SOME',
        satisfaction: 3,
        dropoutRisk: 'MEDIUM',
        text: 'Testa har svårt med morgnarna',
        coachNote: 'Testa berättade om sömnproblem',
      },
    });

    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: participantId });

    const rows = await sql(
      `SELECT pl.id, pl.status, pl.end_date::text, pl.end_reason, pl.end_note, o.status AS opening_status,
              o.places_taken FROM placements pl JOIN openings o ON o.id = pl.opening_id WHERE pl.participant_id = $1`,
      [participantId],
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[active.placementId]).toMatchObject({
      status: 'ENDED_EARLY',
      end_date: inDays(0),
      end_reason: 'OTHER',
      end_note: null,
      opening_status: 'PUBLISHED',
      places_taken: 0,
    });
    expect(byId[planned.placementId]).toMatchObject({
      status: 'CANCELLED',
      opening_status: 'PUBLISHED',
      places_taken: 0,
    });
    // Not an early end: it counts as completed, and its place stays taken.
    expect(byId[ranItsCourse.placementId]).toMatchObject({
      status: 'COMPLETED',
      end_date: inDays(-11),
      end_reason: null,
      opening_status: 'FILLED',
      places_taken: 1,
    });
    const [entry] = await sql(
      'SELECT text, tasks_performed, coach_note, satisfaction FROM follow_up_entries WHERE placement_id = $1',
      [active.placementId],
    );
    expect(entry).toEqual({ text: '', tasks_performed: '', coach_note: null, satisfaction: 3 });
    // No check-in of either placement is left open: nobody is asked about the person again.
    const open = await sql(
      `SELECT count(*)::int AS n FROM follow_ups WHERE placement_id = ANY($1) AND status IN ('SCHEDULED', 'DUE')`,
      [[planned.placementId, active.placementId, ranItsCourse.placementId]],
    );
    expect(open[0]!.n).toBe(0);
    // And nothing more is written about them, by the coach or the employer.
    const entries = async () =>
      (
        await sql('SELECT count(*)::int AS n FROM follow_up_entries WHERE placement_id = $1', [
          active.placementId,
        ])
      )[0]!.n;
    const before = await entries();
    const feedback = {
      placementId: active.placementId,
      attendance: 'ALWAYS',
      tasksPerformed: 'Plockade varor',
      swedishProgress: 'SOME',
      satisfaction: 4,
      dropoutRisk: 'LOW',
      text: 'Testa gick hem tidigt',
    };
    for (const response of [
      await coach.request(`mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
        input: feedback,
      }),
      await employer.request(
        `mutation($input: FollowUpFeedbackInput!) { recordEmployerFeedback(input: $input) { id } }`,
        { input: feedback },
      ),
    ]) {
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors![0]!.message).toBe('The person was erased: nothing more is recorded about them');
    }
    expect(await entries()).toBe(before);
  });

  it('refuses to move a placement onto another of the participant’s placements', async () => {
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const confirmed: string[] = [];
    for (const period of [
      { startDate: '2027-02-01', endDate: '2027-02-28' },
      { startDate: '2027-04-01', endDate: '2027-04-30' },
    ]) {
      const openingId = await publishedOpening(employer, period);
      const proposalId = await proposalAfterMatching(stack, openingId, participantId);
      const placementId = await confirmedPlacement(coach, proposalId);
      confirmed.push(placementId);
    }
    const before = await state(confirmed[1]!);
    const overlapping = await coach.request(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: confirmed[1], startDate: '2027-02-15', endDate: '2027-03-15' } },
    );
    expect(errorCode(overlapping)).toBe('CONFLICT');
    expect(overlapping.errors![0]!.extensions!.field).toBe('input.startDate');
    expect(await state(confirmed[1]!)).toEqual(before);
  });
});
