import pg from 'pg';
import { FollowUpsService } from '#libs/follow-ups';
import { JobName, JobStatus, QueueName, QueueService } from '#libs/queue';
import { eventually } from '../support/eventually.js';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { ensureTestTaxonomy } from '../support/opening-track-fixtures.js';
import {
  confirmedPlacement,
  consentingParticipant,
  inDays,
  proposalAfterMatching,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

/** A day lasts this long here (FOLLOW_UP_DAY_MS), so that the plan runs in seconds. */
const DAY_MS = 200;

/** A coach's answer to a check-in. */
const FEEDBACK = {
  attendance: 'MOSTLY',
  tasksPerformed: 'Kassa och påfyllning',
  swedishProgress: 'SOME',
  satisfaction: 4,
  dropoutRisk: 'LOW',
  text: 'Avstämning.',
};

const FOLLOW_UPS = `query($placementId: ID, $participantId: ID, $mine: Boolean, $status: FollowUpStatus,
  $overdueOnly: Boolean) {
  followUps(placementId: $placementId, participantId: $participantId, mine: $mine, status: $status,
    overdueOnly: $overdueOnly, first: 50) {
    totalCount nodes { id placementId kind dueOn status becameDueAt overdue } } }`;

interface FollowUpRow {
  id: string;
  kind: string;
  due_on: string;
  status: string;
  became_due_at: Date | null;
}

describe('the follow-up plan of a placement', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let nackaCoach: GraphqlClient;
  let employer: GraphqlClient;
  let coachUserId: string;
  let employerUserId: string;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);

  /** A placement confirmed now for an opening from `start` to `end` days from today; and when it was confirmed. */
  async function placement(start: number, end: number): Promise<{ id: string; confirmedAt: number }> {
    const openingId = await publishedOpening(employer, { startDate: inDays(start), endDate: inDays(end) });
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const proposalId = await proposalAfterMatching(stack, openingId, participantId);
    const confirmedAt = Date.now();
    const placementId = await confirmedPlacement(coach, proposalId);
    return { id: placementId, confirmedAt };
  }

  async function followUpsOf(placementId: string): Promise<Record<string, FollowUpRow>> {
    const rows = (await sql(
      `SELECT id, kind, due_on::text, status, became_due_at FROM follow_ups WHERE placement_id = $1`,
      [placementId],
    )) as unknown as FollowUpRow[];
    return Object.fromEntries(rows.map((row) => [row.kind, row]));
  }

  /** A started placement whose midpoint check-in the coach has answered. */
  async function withAnsweredMidpoint(
    start: number,
    end: number,
  ): Promise<{ id: string; midpoint: FollowUpRow }> {
    const { id } = await placement(start, end);
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    const { MIDPOINT: midpoint } = await followUpsOf(id);
    await coach.ok('mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }', {
      input: { placementId: id, followUpId: midpoint!.id, ...FEEDBACK },
    });
    return { id, midpoint: midpoint! };
  }

  /** Notifications of `kind` for `userId` caused by these follow-ups. */
  async function notifications(userId: string, kind: string, followUpIds: string[]): Promise<number> {
    const [row] = await sql(
      `SELECT count(*)::int AS n FROM notifications
        WHERE user_id = $1 AND kind = $2 AND split_part(dedupe_key, ':', 2) = ANY($3::text[])`,
      [userId, kind, followUpIds],
    );
    return row!.n as number;
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { FOLLOW_UP_DAY_MS: String(DAY_MS) } });
    await ensureTestTaxonomy(stack.environment);
    coach = await stack.anonymous.login('coach@varmdo.example');
    nackaCoach = await stack.anonymous.login('coach@nacka.example');
    employer = await stack.anonymous.login('employer@vard.example');
    const users = await sql(
      `SELECT email, id FROM users WHERE email IN ('coach@varmdo.example', 'employer@vard.example')`,
    );
    coachUserId = users.find((u) => u.email === 'coach@varmdo.example')!.id as string;
    employerUserId = users.find((u) => u.email === 'employer@vard.example')!.id as string;
  });

  afterAll(() => stack?.close());

  it('checks in a week after the start, halfway, on the last day and 90 days after, each on its day', async () => {
    const { id, confirmedAt } = await placement(0, 20);
    // Started at once: the employer is asked for feedback only once the person is there.
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    const planned = await followUpsOf(id);
    expect(Object.fromEntries(Object.entries(planned).map(([kind, row]) => [kind, row.due_on]))).toEqual({
      WEEK_ONE: inDays(7),
      MIDPOINT: inDays(10),
      END: inDays(20),
      OUTCOME: inDays(110),
    });
    expect(Object.values(planned).map((row) => row.status)).toEqual(Array(4).fill('SCHEDULED'));

    // Each becomes due on its day (a day is DAY_MS here): not before, and in the order of the days.
    const due = await eventually(
      () => followUpsOf(id),
      (rows) => Object.values(rows).every((row) => row.status === 'DUE'),
      60_000,
    );
    const after = (kind: string) => due[kind]!.became_due_at!.getTime() - confirmedAt;
    expect(after('WEEK_ONE')).toBeGreaterThanOrEqual(7 * DAY_MS - 50);
    expect(after('MIDPOINT')).toBeGreaterThanOrEqual(10 * DAY_MS - 50);
    expect(after('END')).toBeGreaterThanOrEqual(20 * DAY_MS - 50);
    expect(after('OUTCOME')).toBeGreaterThanOrEqual(110 * DAY_MS - 50);
    expect(after('WEEK_ONE')).toBeLessThan(after('MIDPOINT'));
    expect(after('END')).toBeLessThan(after('OUTCOME'));
    // Not all at once: the first came due well before the outcome's day.
    expect(after('WEEK_ONE')).toBeLessThan(110 * DAY_MS - 5_000);

    // The coach is told of each; the employer is asked for feedback on the three check-ins, not on the outcome.
    const ids = Object.values(due).map((row) => row.id);
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', ids)).toBe(4);
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', ids)).toBe(3);
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', [due.OUTCOME!.id])).toBe(0);

    const { followUps } = await coach.ok<{ followUps: { nodes: Array<{ kind: string; status: string }> } }>(
      FOLLOW_UPS,
      { placementId: id },
    );
    expect(followUps.nodes.map((node) => [node.kind, node.status])).toEqual([
      ['WEEK_ONE', 'DUE'],
      ['MIDPOINT', 'DUE'],
      ['END', 'DUE'],
      ['OUTCOME', 'DUE'],
    ]);
  }, 90_000);

  it('moves the scheduled check-ins when the placement’s dates move', async () => {
    const { id } = await placement(1, 21);
    const movedAt = Date.now();
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: id, startDate: inDays(31), endDate: inDays(51) } },
    );
    const moved = await followUpsOf(id);
    expect(moved.WEEK_ONE).toMatchObject({ due_on: inDays(38), status: 'SCHEDULED' });
    expect(moved.OUTCOME).toMatchObject({ due_on: inDays(141), status: 'SCHEDULED' });

    // The job planned for the old day (8 days: 1.6 s) ran, found the check-in moved and did nothing.
    const queue = stack.worker!.get(QueueService, { strict: false }).queue(QueueName.Notifications);
    const oldJob = await eventually(
      async () =>
        (await queue.getJobs(['completed'])).find(
          (job) =>
            job.name === JobName.FollowUpDue &&
            job.data.followUpId === moved.WEEK_ONE!.id &&
            job.data.dueOn === inDays(8),
        ),
      (job) => job !== undefined,
      30_000,
    );
    expect(oldJob!.returnvalue).toBe(JobStatus.Skipped);
    expect((await followUpsOf(id)).WEEK_ONE).toMatchObject({ status: 'SCHEDULED', became_due_at: null });
    const due = await eventually(
      () => followUpsOf(id),
      (rows) => rows.WEEK_ONE!.status === 'DUE',
      30_000,
    );
    expect(due.WEEK_ONE!.became_due_at!.getTime() - movedAt).toBeGreaterThanOrEqual(38 * DAY_MS - 50);
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', [due.WEEK_ONE!.id])).toBe(1);
  }, 60_000);

  it('gives a due, unanswered last-day check-in its new day when a running placement is extended', async () => {
    const { id } = await placement(-20, 40);
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    // Its last day came (written straight: the test cannot wait 40 days) and nobody answered yet.
    const before = await followUpsOf(id);
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [before.END!.id]);
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: id, startDate: inDays(-20), endDate: inDays(100) } },
    );
    const extended = await followUpsOf(id);
    expect(extended.END).toMatchObject({ due_on: inDays(100), status: 'SCHEDULED' });
    expect(extended.MIDPOINT).toMatchObject({ due_on: inDays(40), status: 'SCHEDULED' });
    expect(extended.OUTCOME).toMatchObject({ due_on: inDays(190), status: 'SCHEDULED' });
    // Moved earlier again, a due check-in stays due: its day has come either way.
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [
      extended.END!.id,
    ]);
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: id, startDate: inDays(-20), endDate: inDays(60) } },
    );
    expect((await followUpsOf(id)).END).toMatchObject({ due_on: inDays(100), status: 'DUE' });
  });

  it('asks again on the new days when a running placement is extended: an answered last day, a due outcome', async () => {
    const { id } = await placement(-20, 40);
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    const before = await followUpsOf(id);
    // Its last day came (written straight), and at that meeting the coach answered it and agreed an extension.
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [before.END!.id]);
    await coach.ok('mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }', {
      input: {
        placementId: id,
        followUpId: before.END!.id,
        ...FEEDBACK,
        text: 'Vi förlänger med två månader.',
      },
    });
    expect((await followUpsOf(id)).END).toMatchObject({ status: 'DONE' });
    // The outcome had come due too (its day written straight): it cannot be recorded before 90 days after the end.
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [
      before.OUTCOME!.id,
    ]);
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: id, startDate: inDays(-20), endDate: inDays(100) } },
    );
    const extended = await followUpsOf(id);
    expect(extended.END).toMatchObject({ due_on: inDays(100), status: 'SCHEDULED', became_due_at: null });
    expect(extended.OUTCOME).toMatchObject({ due_on: inDays(190), status: 'SCHEDULED', became_due_at: null });
    // The answer stays, under the check-in it answered.
    const [{ n }] = (await sql('SELECT count(*)::int AS n FROM follow_up_entries WHERE follow_up_id = $1', [
      before.END!.id,
    ])) as [{ n: number }];
    expect(n).toBe(1);

    // An answered midpoint whose new day has passed already stands: nothing comes due for a day gone by.
    const long = await withAnsweredMidpoint(-60, 10);
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: long.id, startDate: inDays(-60), endDate: inDays(30) } },
    );
    expect((await followUpsOf(long.id)).MIDPOINT).toMatchObject({
      due_on: long.midpoint.due_on,
      status: 'DONE',
    });
  });

  it('still asks the employer on the day about a check-in the coach answered before it', async () => {
    const { id } = await placement(-3, 150);
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    const { MIDPOINT: midpoint } = await followUpsOf(id);
    expect(midpoint).toMatchObject({ status: 'SCHEDULED' });
    await coach.ok('mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }', {
      input: {
        placementId: id,
        followUpId: midpoint!.id,
        ...FEEDBACK,
        text: 'Avstämning en vecka före halvtid.',
      },
    });
    // Its day comes (the job run here rather than waited for).
    await stack.worker!.get(FollowUpsService, { strict: false }).due({
      followUpId: midpoint!.id,
      dueOn: midpoint!.due_on,
      plannedAt: new Date().toISOString(),
    });
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', [midpoint!.id])).toBe(1);
    // The coach answered already: no reminder for them, and the answer stands.
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', [midpoint!.id])).toBe(0);
    expect((await followUpsOf(id)).MIDPOINT).toMatchObject({ status: 'DONE' });

    // Not once the placement is over: an answered check-in whose day comes after an early end asks no one.
    const { id: endedId, midpoint: answered } = await withAnsweredMidpoint(-3, 150);
    await coach.ok('mutation($input: EndPlacementEarlyInput!) { endPlacementEarly(input: $input) { id } }', {
      input: { placementId: endedId, reason: 'MOVED', note: 'Flyttade', lastDay: inDays(0) },
    });
    await stack.worker!.get(FollowUpsService, { strict: false }).due({
      followUpId: answered.id,
      dueOn: answered.due_on,
      plannedAt: new Date().toISOString(),
    });
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', [answered.id])).toBe(0);
  });

  it('keeps due, unanswered check-ins on the real days: a start that slipped, an early end recorded late', async () => {
    // Planned to start 20 days ago; the week-one check-in came due, but the person never came.
    const slipped = await placement(-20, 40);
    const planned = await followUpsOf(slipped.id);
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [
      planned.WEEK_ONE!.id,
    ]);
    await coach.ok(
      'mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }',
      { input: { placementId: slipped.id, startDate: inDays(10), endDate: inDays(70) } },
    );
    expect((await followUpsOf(slipped.id)).WEEK_ONE).toMatchObject({
      due_on: inDays(17),
      status: 'SCHEDULED',
    });

    // Running; its last day came (written straight) unanswered, and then the coach learns it ended days before.
    const ran = await placement(-20, -3);
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', {
      id: ran.id,
    });
    const running = await followUpsOf(ran.id);
    await sql(`UPDATE follow_ups SET status = 'DUE', became_due_at = now() WHERE id = $1`, [running.END!.id]);
    await coach.ok('mutation($input: EndPlacementEarlyInput!) { endPlacementEarly(input: $input) { id } }', {
      input: { placementId: ran.id, reason: 'MOVED', note: 'Flyttade', lastDay: inDays(-8) },
    });
    const ended = await followUpsOf(ran.id);
    expect(ended.END).toMatchObject({ due_on: inDays(-8), status: 'DUE' });
    expect(ended.OUTCOME).toMatchObject({ due_on: inDays(82), status: 'SCHEDULED' });
  });

  it('does nothing for a cancelled placement', async () => {
    const { id } = await placement(1, 21);
    await coach.ok('mutation($input: CancelPlacementInput!) { cancelPlacement(input: $input) { id } }', {
      input: { placementId: id, note: 'Arbetsgivaren drog tillbaka platsen' },
    });
    // Past the first three days (21 days: 4.2 s): their jobs ran and found the placement cancelled.
    await new Promise((resolve) => setTimeout(resolve, 30 * DAY_MS));
    const rows = await followUpsOf(id);
    expect(Object.values(rows).map((row) => [row.kind, row.status, row.became_due_at])).toEqual(
      Object.keys(rows).map((kind) => [kind, 'CANCELLED', null]),
    );
    const ids = Object.values(rows).map((row) => row.id);
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', ids)).toBe(0);
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', ids)).toBe(0);
  }, 60_000);

  it('makes due, at the hourly sweep, a check-in whose day passed without its job running', async () => {
    const { id } = await placement(200, 260);
    const { WEEK_ONE: weekOne } = await followUpsOf(id);
    // As if its delayed job had been lost (Redis's data gone) and its day had come two days ago.
    await sql(`UPDATE follow_ups SET due_on = $2 WHERE id = $1`, [weekOne!.id, inDays(-2)]);
    const sweeper = stack.worker!.get(FollowUpsService, { strict: false });

    expect(await sweeper.sweep()).toBe(JobStatus.Success);
    expect((await followUpsOf(id)).WEEK_ONE).toMatchObject({ status: 'DUE', due_on: inDays(-2) });
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', [weekOne!.id])).toBe(1);
    // Nothing left to sweep for it; the others are not due yet.
    await sweeper.sweep();
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', [weekOne!.id])).toBe(1);
    expect((await followUpsOf(id)).MIDPOINT).toMatchObject({ status: 'SCHEDULED' });
  });

  it('asks the employer, once the person has started, about check-ins that came due while it was planned', async () => {
    const { id } = await placement(-40, -1);
    const due = await eventually(
      () => followUpsOf(id),
      (rows) => ['WEEK_ONE', 'MIDPOINT', 'END'].every((kind) => rows[kind]?.status === 'DUE'),
      30_000,
    );
    const ids = ['WEEK_ONE', 'MIDPOINT', 'END'].map((kind) => due[kind]!.id);
    expect(await notifications(coachUserId, 'FOLLOW_UP_DUE', ids)).toBe(3);
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', ids)).toBe(0);

    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', { id });
    expect(await notifications(employerUserId, 'FEEDBACK_REQUESTED', ids)).toBe(3);
  });

  it('locks a placement before its check-in when one comes due, as placement changes do (no deadlock)', async () => {
    const { id } = await placement(200, 260);
    const { WEEK_ONE: weekOne } = await followUpsOf(id);
    await sql(`UPDATE follow_ups SET due_on = $2 WHERE id = $1`, [weekOne!.id, inDays(-1)]);
    const change = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await change.connect();
    try {
      // A placement change holds the placement, as startPlacement does before it reaches the check-ins.
      await change.query('BEGIN');
      await change.query('SELECT 1 FROM placements WHERE id = $1 FOR UPDATE', [id]);
      const due = stack.worker!.get(FollowUpsService, { strict: false }).due({
        followUpId: weekOne!.id,
        dueOn: inDays(-1),
        plannedAt: new Date().toISOString(),
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The due check-in waits for the placement without holding the check-in: the change can take it. (Taking the
      // check-in first made the two wait for each other: a deadlock, seen as INTERNAL on startPlacement.)
      await change.query('SELECT 1 FROM follow_ups WHERE id = $1 FOR UPDATE NOWAIT', [weekOne!.id]);
      await change.query('COMMIT');
      expect(await due).toBe(JobStatus.Success);
    } finally {
      await change.end();
    }
    expect((await followUpsOf(id)).WEEK_ONE).toMatchObject({ status: 'DUE' });
  });

  it('lists overdue follow-ups for the coach, and only their organisation’s', async () => {
    const { id } = await placement(200, 260);
    const { WEEK_ONE: weekOne } = await followUpsOf(id);
    // As if its day had come a week ago and nobody followed up.
    await sql(`UPDATE follow_ups SET status = 'DUE', due_on = $2, became_due_at = now() WHERE id = $1`, [
      weekOne!.id,
      inDays(-7),
    ]);
    const { followUps } = await coach.ok<{ followUps: { nodes: Array<{ id: string; overdue: boolean }> } }>(
      FOLLOW_UPS,
      { overdueOnly: true },
    );
    expect(followUps.nodes).toContainEqual(expect.objectContaining({ id: weekOne!.id, overdue: true }));
    expect(followUps.nodes.every((node) => node.overdue)).toBe(true);

    const nacka = await nackaCoach.ok<{ followUps: { totalCount: number } }>(FOLLOW_UPS, {});
    expect(nacka.followUps.totalCount).toBe(0);
    expect(errorCode(await nackaCoach.request(FOLLOW_UPS, { placementId: id }))).toBe('FORBIDDEN');
    expect(errorCode(await employer.request(FOLLOW_UPS, {}))).toBe('FORBIDDEN');
    const bad = await coach.request(FOLLOW_UPS, { placementId: 'nope' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it("narrows follow-ups to one participant's placements, or to the coach's own participants", async () => {
    const { id } = await placement(200, 260);
    const [{ participant_id: participantId }] = await sql(
      'SELECT participant_id FROM placements WHERE id = $1',
      [id],
    );
    const ofParticipant = (
      await coach.ok<{ followUps: { nodes: Array<{ placementId: string }> } }>(FOLLOW_UPS, { participantId })
    ).followUps.nodes;
    expect(ofParticipant.length).toBe(4);
    expect(ofParticipant.every((node) => node.placementId === id)).toBe(true);

    const mine = (
      await coach.ok<{ followUps: { totalCount: number; nodes: Array<{ id: string }> } }>(FOLLOW_UPS, {
        mine: true,
      })
    ).followUps;
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
         JOIN participants pt ON pt.id = pl.participant_id WHERE pt.coach_id = $1`,
      [coachUserId],
    );
    expect(mine.totalCount).toBe(n);
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(errorCode(await nackaCoach.request(FOLLOW_UPS, { participantId }))).toBe('FORBIDDEN');
    expect(errorCode(await coach.request(FOLLOW_UPS, { participantId: 'nope' }))).toBe('BAD_USER_INPUT');
  });
});
