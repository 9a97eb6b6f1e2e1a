import { eventually } from '../support/eventually.js';
import type { GraphqlClient } from '../support/graphql-client.js';
import { uppsalaCandidate, uppsalaPraktik } from '../support/matching-fixtures.js';
import { CONCEPTS, ensureTestTaxonomy } from '../support/opening-track-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';
import { settle } from '../support/worker-process.js';

const TOP_N = 2;

interface Row {
  participantId: string;
  status: string;
  origin: string;
  rank: number | null;
}

/**
 * An opening keeps its best N proposed when one of them leaves the ranking other than by a coach's decision: the
 * person's own change (MatchProfile), or an employer's request for them (requests stand outside the N).
 */
describe(`matching keeps the best ${TOP_N}`, () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;
  let people: string[];

  const rowsOf = async (openingId: string): Promise<Row[]> =>
    (await stack.environment.sql(
      `SELECT participant_id AS "participantId", status, origin, rank FROM match_proposals
        WHERE opening_id = $1 ORDER BY participant_id`,
      [openingId],
    )) as unknown as Row[];
  const proposed = (rows: Row[]) => rows.filter((row) => row.status === 'PROPOSED');

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { MATCH_TOP_N: String(TOP_N) } });
    await ensureTestTaxonomy(stack.environment);
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    people = [await uppsalaCandidate(coach), await uppsalaCandidate(coach), await uppsalaCandidate(coach)];
    await settle(stack.environment, undefined, 150_000);
  }, 180_000);

  afterAll(() => stack?.close());

  it('the next best is proposed when one of the best unpublishes their profile', async () => {
    const openingId = await uppsalaPraktik(employer);
    const first = await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N,
      30_000,
    );
    const leaving = proposed(first).find((row) => row.rank === 1)!.participantId;
    const waiting = people.find((id) => !first.some((row) => row.participantId === id))!;
    await coach.ok('mutation($id: ID!) { setProfileStatus(participantId: $id, status: DRAFT) { status } }', {
      id: leaving,
    });
    const after = await eventually(
      () => rowsOf(openingId),
      (rows) =>
        rows.some((row) => row.participantId === leaving && row.status === 'EXPIRED') &&
        rows.some((row) => row.participantId === waiting && row.status === 'PROPOSED'),
      30_000,
    );
    expect(proposed(after).map((row) => row.rank)).toEqual(expect.arrayContaining([1, 2]));
    await coach.ok(
      'mutation($id: ID!) { setProfileStatus(participantId: $id, status: PUBLISHED) { status } }',
      {
        id: leaving,
      },
    );
  });

  it('the next best is proposed when one of the best is erased', async () => {
    // One more than the N after the erasure.
    await uppsalaCandidate(coach);
    await settle(stack.environment, undefined, 60_000);
    const openingId = await uppsalaPraktik(employer);
    const first = await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N,
      30_000,
    );
    const erased = proposed(first).find((row) => row.rank === 1)!.participantId;
    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: erased });
    await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N && !rows.some((row) => row.participantId === erased),
      30_000,
    );
  });

  it("an employer's request for one of the best leaves the N to the others", async () => {
    const openingId = await uppsalaPraktik(employer);
    const first = await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N,
      30_000,
    );
    const requested = proposed(first).find((row) => row.rank === TOP_N)!.participantId;
    const [{ public_id: publicId }] = (await stack.environment.sql(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [requested],
    )) as [{ public_id: string }];
    await employer.ok(
      `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { requestedAt } }`,
      { input: { openingId, publicId, message: 'Vi vill gärna träffa er.' } },
    );
    const after = await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N + 1,
      30_000,
    );
    expect(after.find((row) => row.participantId === requested)).toMatchObject({
      origin: 'EMPLOYER_REQUEST',
      status: 'PROPOSED',
    });
    expect(proposed(after).filter((row) => row.origin === 'MATCHING')).toHaveLength(TOP_N);
    expect(
      proposed(after)
        .map((row) => row.rank)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it("an employer's request that expired while the opening was filled comes back with the place", async () => {
    const openingId = await uppsalaPraktik(employer, { places: 1 });
    const first = await eventually(
      () => rowsOf(openingId),
      (rows) => proposed(rows).length === TOP_N,
      30_000,
    );
    // Lives in Nacka and travels only there: retrieval never finds them for Uppsala.
    const distant = await uppsalaCandidate(coach, { homeMunicipalityConceptId: CONCEPTS.nacka });
    const [{ public_id: publicId }] = (await stack.environment.sql(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [distant],
    )) as [{ public_id: string }];
    await employer.ok(
      `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { requestedAt } }`,
      { input: { openingId, publicId, message: 'Vi vill gärna träffa er.' } },
    );
    const [{ id: proposalId }] = (await stack.environment.sql(
      `SELECT id FROM match_proposals WHERE opening_id = $1 AND participant_id = $2`,
      [openingId, proposed(first)[0]!.participantId],
    )) as [{ id: string }];
    const { confirmProposal } = await coach.ok<{ confirmProposal: { id: string } }>(
      'mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { id } }',
      { id: proposalId },
    );
    const statusOf = async () =>
      (await rowsOf(openingId)).find((row) => row.participantId === distant)?.status;
    await eventually(statusOf, (status) => status === 'EXPIRED', 30_000);
    await coach.ok('mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { id } }', {
      input: { placementId: confirmProposal.id, note: 'Fel person bekräftad' },
    });
    await eventually(statusOf, (status) => status === 'PROPOSED', 30_000);
  });
});
