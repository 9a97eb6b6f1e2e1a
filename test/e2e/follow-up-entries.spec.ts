import pg from 'pg';
import { blockedBy } from '../support/lock-waits.js';
import { errorCode, refusedAt, type GraphqlClient } from '../support/graphql-client.js';
import { ensureTestTaxonomy } from '../support/opening-track-fixtures.js';
import {
  confirmedPlacement,
  consentingParticipant,
  inDays,
  insertProposal,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const ENTRY_FIELDS =
  'id placementId followUpId attendance tasksPerformed swedishProgress satisfaction dropoutRisk text';
const RECORD = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) {
  ${ENTRY_FIELDS} side authorId coachNote } }`;
const FEEDBACK = `mutation($input: FollowUpFeedbackInput!) { recordEmployerFeedback(input: $input) { ${ENTRY_FIELDS} } }`;
const ENTRIES = `query($id: ID!) { followUpEntries(placementId: $id) { ${ENTRY_FIELDS} side coachNote } }`;
const EMPLOYER_ENTRIES = `query($id: ID!) { employerFollowUpEntries(placementId: $id) { ${ENTRY_FIELDS} } }`;
const OUTCOME = `mutation($input: RecordOutcomeInput!) { recordOutcome(input: $input) {
  id kind status outcome outcomeNote dueOn } }`;

const FEEDBACK_INPUT = {
  attendance: 'MOSTLY',
  tasksPerformed: 'Dukade, lekte med barnen ute',
  swedishProgress: 'SOME',
  satisfaction: 4,
  dropoutRisk: 'LOW',
  text: 'Kommer i tid och frågar när något är oklart.',
};

describe('follow-up entries from both sides, and the 90-day outcome', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let nackaCoach: GraphqlClient;
  let employer: GraphqlClient;
  let otherEmployer: GraphqlClient;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);

  /**
   * A placement of employer@vard's opening (by default from 200 to 100 days ago), confirmed (PLANNED) and with
   * `start`, started (ACTIVE).
   */
  async function placement(
    start: boolean,
    period = { startDate: inDays(-200), endDate: inDays(-100) },
  ): Promise<string> {
    const openingId = await publishedOpening(employer, period);
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const proposalId = await insertProposal(stack.environment, openingId, participantId);
    const placementId = await confirmedPlacement(coach, proposalId);
    if (start)
      await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { id } }', {
        id: placementId,
      });
    return placementId;
  }

  async function followUpIds(placementId: string): Promise<Record<string, string>> {
    const rows = await sql('SELECT kind, id FROM follow_ups WHERE placement_id = $1', [placementId]);
    return Object.fromEntries(rows.map((row) => [row.kind, row.id]));
  }

  async function written() {
    const [row] = await sql(`SELECT (SELECT count(*)::int FROM follow_up_entries) AS entries,
      (SELECT count(*)::int FROM follow_ups WHERE status = 'DONE') AS done,
      (SELECT count(*)::int FROM follow_ups WHERE outcome IS NOT NULL) AS outcomes`);
    return row;
  }

  beforeAll(async () => {
    stack = await startStack();
    await ensureTestTaxonomy(stack.environment);
    coach = await stack.anonymous.login('coach@varmdo.example');
    nackaCoach = await stack.anonymous.login('coach@nacka.example');
    employer = await stack.anonymous.login('employer@vard.example');
    otherEmployer = await stack.anonymous.login('employer@forskolor.example');
  });

  afterAll(() => stack?.close());

  it('coach and employer write entries; the employer reads only its own side and never the coach’s note', async () => {
    const placementId = await placement(true);
    const { WEEK_ONE: weekOne } = await followUpIds(placementId);

    const fromCoach = await coach.ok<{ recordFollowUp: Record<string, unknown> }>(RECORD, {
      input: {
        placementId,
        followUpId: weekOne,
        ...FEEDBACK_INPUT,
        satisfaction: 5,
        coachNote: 'Behöver stöd med SFI-schemat, ta upp med SFI-läraren',
      },
    });
    expect(fromCoach.recordFollowUp).toMatchObject({
      placementId,
      followUpId: weekOne,
      side: 'COACH',
      satisfaction: 5,
      coachNote: 'Behöver stöd med SFI-schemat, ta upp med SFI-läraren',
    });
    const [answered] = await sql('SELECT status, done_by IS NOT NULL AS by FROM follow_ups WHERE id = $1', [
      weekOne,
    ]);
    expect(answered).toEqual({ status: 'DONE', by: true });

    const fromEmployer = await employer.ok<{ recordEmployerFeedback: Record<string, unknown> }>(FEEDBACK, {
      input: { placementId, followUpId: weekOne, ...FEEDBACK_INPUT },
    });
    expect(fromEmployer.recordEmployerFeedback).toMatchObject({ placementId, ...FEEDBACK_INPUT });

    const forEmployer = await employer.ok<{ employerFollowUpEntries: Array<Record<string, unknown>> }>(
      EMPLOYER_ENTRIES,
      { id: placementId },
    );
    expect(forEmployer.employerFollowUpEntries).toEqual([fromEmployer.recordEmployerFeedback]);
    // The employer's type has no note to ask for.
    const askingForNote = await employer.request(
      `query($id: ID!) { employerFollowUpEntries(placementId: $id) { coachNote } }`,
      { id: placementId },
    );
    expect(askingForNote.errors?.[0]?.message).toMatch(/coachNote/);

    const forCoach = await coach.ok<{ followUpEntries: Array<{ side: string; coachNote: string | null }> }>(
      ENTRIES,
      {
        id: placementId,
      },
    );
    expect(forCoach.followUpEntries.map((entry) => [entry.side, entry.coachNote])).toEqual([
      ['COACH', 'Behöver stöd med SFI-schemat, ta upp med SFI-läraren'],
      ['EMPLOYER', null],
    ]);
  });

  it('an entry waits for a placement change holding the placement, without holding the check-in (no deadlock)', async () => {
    const placementId = await placement(true);
    const { WEEK_ONE: weekOne } = await followUpIds(placementId);
    const change = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await change.connect();
    try {
      // A placement change (start, end, reschedule) holds the placement, then takes its check-ins.
      await change.query('BEGIN');
      await change.query('SELECT 1 FROM placements WHERE id = $1 FOR UPDATE', [placementId]);
      const entry = coach.request(RECORD, { input: { placementId, followUpId: weekOne, ...FEEDBACK_INPUT } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The entry queues on the placement and holds nothing the change needs next.
      await change.query('SELECT 1 FROM follow_ups WHERE id = $1 FOR UPDATE NOWAIT', [weekOne]);
      await change.query('COMMIT');
      expect((await entry).errors).toBeUndefined();
    } finally {
      await change.end();
    }
  });

  it('an entry or outcome that waited for an erasure is refused: nothing is recorded about the person', async () => {
    const placementId = await placement(true);
    const { WEEK_ONE: weekOne } = await followUpIds(placementId);
    const [{ participant_id: participantId }] = await sql(
      'SELECT participant_id FROM placements WHERE id = $1',
      [placementId],
    );
    const before = await written();
    const erasure = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await erasure.connect();
    try {
      // An erasure under way: it holds the participant, then their placements, and commits them erased.
      await erasure.query('BEGIN');
      await erasure.query('SELECT 1 FROM participants WHERE id = $1 FOR UPDATE', [participantId]);
      const feedback = employer.request(FEEDBACK, {
        input: { placementId, followUpId: weekOne, ...FEEDBACK_INPUT },
      });
      const outcome = coach.request(OUTCOME, { input: { placementId, outcome: 'WORK', note: 'Fick jobb' } });
      // Both wait for the erasure.
      await blockedBy(erasure, 2);
      await erasure.query(
        `UPDATE participants SET erased_at = now(), first_name = NULL, last_name = NULL, personnummer_encrypted = NULL,
                personnummer_hash = NULL, phone_encrypted = NULL, email_encrypted = NULL, birth_year = NULL
          WHERE id = $1`,
        [participantId],
      );
      await erasure.query('COMMIT');
      for (const refused of [await feedback, await outcome]) {
        expect(refusedAt(refused)).toEqual(['CONFLICT', 'input.placementId']);
        expect(refused.errors?.[0].message).toBe(
          'The person was erased: nothing more is recorded about them',
        );
      }
    } finally {
      await erasure.end();
    }
    expect(await written()).toEqual(before);
  });

  it('keeps each organisation to its own placements', async () => {
    const placementId = await placement(true);
    const before = await written();
    expect(
      errorCode(await otherEmployer.request(FEEDBACK, { input: { placementId, ...FEEDBACK_INPUT } })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await otherEmployer.request(EMPLOYER_ENTRIES, { id: placementId }))).toBe('FORBIDDEN');
    expect(errorCode(await nackaCoach.request(RECORD, { input: { placementId, ...FEEDBACK_INPUT } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await nackaCoach.request(ENTRIES, { id: placementId }))).toBe('FORBIDDEN');
    expect(errorCode(await nackaCoach.request(OUTCOME, { input: { placementId, outcome: 'WORK' } }))).toBe(
      'FORBIDDEN',
    );
    // Roles: employers use their own mutation, coaches theirs.
    expect(errorCode(await employer.request(RECORD, { input: { placementId, ...FEEDBACK_INPUT } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await coach.request(FEEDBACK, { input: { placementId, ...FEEDBACK_INPUT } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await employer.request(OUTCOME, { input: { placementId, outcome: 'WORK' } }))).toBe(
      'FORBIDDEN',
    );
    expect(await written()).toEqual(before);
  });

  it('refuses bad entries with the field at fault, writing nothing', async () => {
    const placementId = await placement(true);
    const planned = await placement(false);
    const other = await placement(true);
    const { OUTCOME: outcomeId } = await followUpIds(placementId);
    const { WEEK_ONE: otherWeekOne } = await followUpIds(other);
    const before = await written();
    const record = (input: Record<string, unknown>, client = coach) =>
      client.request(RECORD, { input: { placementId, ...FEEDBACK_INPUT, ...input } });

    for (const satisfaction of [0, 6, -1]) {
      expect(refusedAt(await record({ satisfaction }))).toEqual(['BAD_USER_INPUT', 'input.satisfaction']);
    }
    const fractional = await record({ satisfaction: 2.5 });
    expect(fractional.errors?.[0]?.message).toMatch(/Int/);
    expect(refusedAt(await record({ followUpId: otherWeekOne }))).toEqual([
      'BAD_USER_INPUT',
      'input.followUpId',
    ]);
    expect(refusedAt(await record({ followUpId: outcomeId }))).toEqual([
      'BAD_USER_INPUT',
      'input.followUpId',
    ]);
    expect(refusedAt(await record({ text: 'x'.repeat(4_001) }))).toEqual(['BAD_USER_INPUT', 'input.text']);
    expect(refusedAt(await record({ coachNote: 'a\u0000b' }))).toEqual(['BAD_USER_INPUT', 'input.coachNote']);
    expect(refusedAt(await record({ placementId: planned }))).toEqual(['CONFLICT', 'input.placementId']);
    expect(errorCode(await record({ placementId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
    // An employer cannot slip in a coach's note: the field is not in its input.
    const employerNote = await employer.request(FEEDBACK, {
      input: { placementId, ...FEEDBACK_INPUT, coachNote: 'från arbetsgivaren' },
    });
    expect(employerNote.errors?.[0]?.message).toMatch(/coachNote/);
    expect(
      refusedAt(
        await employer.request(FEEDBACK, { input: { placementId, ...FEEDBACK_INPUT, satisfaction: 9 } }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'input.satisfaction']);
    expect(await written()).toEqual(before);
  });

  it('records the 90-day outcome once the placement ended, and not before', async () => {
    const placementId = await placement(true);
    const before = await written();
    const early = await coach.request(OUTCOME, { input: { placementId, outcome: 'WORK' } });
    expect(refusedAt(early)).toEqual(['CONFLICT', 'input.placementId']);
    const unknownOutcome = await coach.request(OUTCOME, { input: { placementId, outcome: 'ABROAD' } });
    expect(unknownOutcome.errors?.[0]?.message).toMatch(/ABROAD/);
    expect(await written()).toEqual(before);

    await coach.ok('mutation($input: EndPlacementEarlyInput!) { endPlacementEarly(input: $input) { id } }', {
      input: { placementId, reason: 'GOT_JOB', note: 'Fick anställning', lastDay: inDays(-150) },
    });
    const recorded = await coach.ok<{ recordOutcome: Record<string, unknown> }>(OUTCOME, {
      input: { placementId, outcome: 'PROGRAMME', note: 'Anvisad till arbetsmarknadsutbildning' },
    });
    expect(recorded.recordOutcome).toMatchObject({
      kind: 'OUTCOME',
      status: 'DONE',
      outcome: 'PROGRAMME',
      outcomeNote: 'Anvisad till arbetsmarknadsutbildning',
      dueOn: inDays(-60),
    });
    // Corrected later: still one outcome.
    const corrected = await coach.ok<{ recordOutcome: { id: string; outcome: string } }>(OUTCOME, {
      input: { placementId, outcome: 'WORK' },
    });
    expect(corrected.recordOutcome).toMatchObject({ id: recorded.recordOutcome.id, outcome: 'WORK' });
    const [count] = await sql(
      `SELECT count(*)::int AS n FROM follow_ups WHERE placement_id = $1 AND kind = 'OUTCOME'`,
      [placementId],
    );
    expect(count!.n).toBe(1);
  });

  it('waits for the 90 days: an outcome is not recorded the day a placement ends', async () => {
    const placementId = await placement(true, { startDate: inDays(-30), endDate: inDays(60) });
    await coach.ok('mutation($input: EndPlacementEarlyInput!) { endPlacementEarly(input: $input) { id } }', {
      input: { placementId, reason: 'STARTED_STUDIES', note: 'Började på komvux', lastDay: inDays(0) },
    });
    const before = await written();
    const tooSoon = await coach.request(OUTCOME, { input: { placementId, outcome: 'STUDIES' } });
    expect(refusedAt(tooSoon)).toEqual(['CONFLICT', 'input.placementId']);
    expect(tooSoon.errors![0]!.message).toContain(inDays(90));
    expect(await written()).toEqual(before);
  });
});
