import { addDays, addMonths, isoDate, parseIsoDate, todayInSweden } from '#libs/calendar';
import { JobStatus } from '#libs/queue';
import { EstablishmentPeriodReminders } from '#libs/placements';
import type { GraphqlClient } from '../support/graphql-client.js';
import {
  confirmedPlacement,
  inDays,
  proposalAfterMatching,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { CONCEPTS } from '../support/opening-track-fixtures.js';
import { conceptIds, createParticipant, publishProfile } from '../support/participants.js';
import { startStack, type Stack } from '../support/stack.js';

const LIST = `query($after: String) {
  participants(first: 100, after: $after, establishmentPeriodEnding: true) {
    nodes { id } pageInfo { endCursor hasNextPage } } }`;

/**
 * The coach should act at the latest 7 months before a participant's etableringsperiod ends: those in that window
 * without a planned or active placement are listed by the participants filter and reminded of every morning.
 */
describe('participants who need a placement before their etableringsperiod ends', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let colleague: GraphqlClient;
  let otherMunicipality: GraphqlClient;
  let employer: GraphqlClient;
  let reminders: EstablishmentPeriodReminders;
  /** Participants by what their end date and placements make them. */
  const people: Record<string, string> = {};
  const sevenMonthsAhead = () => isoDate(addMonths(parseIsoDate(todayInSweden()), 7));

  let profile: Record<string, unknown>;
  const withEndDate = async (name: string, endsOn: string | null) => {
    const { id } = await createParticipant(coach, { firstName: name });
    await publishProfile(coach, id, { ...profile, establishmentPeriodEndsOn: endsOn });
    people[name] = id;
    return id;
  };
  const setEndDate = (id: string, endsOn: string) =>
    coach.ok(
      'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
      { id, input: { establishmentPeriodEndsOn: endsOn } },
    );
  const listed = async (client: GraphqlClient): Promise<Set<string>> => {
    const ids = new Set<string>();
    for (let after: string | null = null; ;) {
      type Page = {
        participants: {
          nodes: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const { participants }: Page = await client.ok<Page>(LIST, { after });
      for (const node of participants.nodes) ids.add(node.id);
      if (!participants.pageInfo.hasNextPage) return ids;
      after = participants.pageInfo.endCursor;
    }
  };
  /** The reminders of ours written so far, as `participant:endsOn` by recipient email. */
  const remindersOf = async (): Promise<string[]> => {
    const ours = new Set(Object.values(people));
    const rows = (await stack.environment.sql(
      `SELECT n.dedupe_key, u.email FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 'ESTABLISHMENT_PERIOD_ENDING'`,
    )) as { dedupe_key: string; email: string }[];
    return rows
      .map((row) => {
        const [, participantId, endsOn] = row.dedupe_key.split(':');
        return { participantId: participantId!, text: `${row.email} ${participantId}:${endsOn}` };
      })
      .filter((row) => ours.has(row.participantId))
      .map((row) => row.text)
      .sort();
  };

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    coach = await stack.anonymous.login('coach@varmdo.example');
    colleague = await stack.anonymous.login('coach2@varmdo.example');
    otherMunicipality = await stack.anonymous.login('coach@nacka.example');
    employer = await stack.anonymous.login('employer@vard.example');
    reminders = stack.worker!.get(EstablishmentPeriodReminders, { strict: false });
    const concepts = await conceptIds(stack.environment);
    profile = {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: CONCEPTS.varmdo,
    };

    await withEndDate('soon', inDays(90));
    await withEndDate('lastDay', sevenMonthsAhead());
    await withEndDate('endsToday', inDays(0));
    await withEndDate('later', isoDate(addDays(parseIsoDate(sevenMonthsAhead()), 1)));
    await withEndDate('ended', inDays(-1));
    await withEndDate('noEndDate', null);
    const placed = await withEndDate('placed', inDays(60));
    const openingId = await publishedOpening(employer);
    await confirmedPlacement(coach, await proposalAfterMatching(stack, openingId, placed));
  }, 120_000);

  afterAll(() => stack?.close());

  it('lists those whose period ends within 7 months, today included, and who have no planned or active placement', async () => {
    const ids = await listed(coach);
    const ours = Object.entries(people).filter(([, id]) => ids.has(id));
    expect(ours.map(([name]) => name).sort()).toEqual(['endsToday', 'lastDay', 'soon']);
    // The colleague sees the organisation's participants too; another municipality none of them.
    expect([...(await listed(colleague))].filter((id) => Object.values(people).includes(id)).sort()).toEqual(
      [people.endsToday, people.lastDay, people.soon].sort(),
    );
    expect([...(await listed(otherMunicipality))].filter((id) => Object.values(people).includes(id))).toEqual(
      [],
    );
  });

  it('audit-logs the filter as a read of the coach-only end date, and only the filter', async () => {
    const endDateReads = async () =>
      Number(
        (
          (await stack.environment.sql(
            `SELECT count(*)::int AS n FROM personal_data_access_log
              WHERE 'establishmentPeriodEndsOn' = ANY(fields) AND participant_id = ANY($1)`,
            [Object.values(people)],
          )) as [{ n: number }]
        )[0].n,
      );
    const before = await endDateReads();
    await coach.ok('query { participants(first: 100) { nodes { id } } }');
    expect(await endDateReads()).toBe(before);
    await coach.ok(LIST);
    expect(await endDateReads()).toBe(before + 3);
    const logged = (await stack.environment.sql(
      `SELECT DISTINCT participant_id FROM personal_data_access_log
        WHERE purpose = 'query participants' AND 'establishmentPeriodEndsOn' = ANY(fields)
          AND participant_id = ANY($1)`,
      [Object.values(people)],
    )) as { participant_id: string }[];
    expect(logged.map((row) => row.participant_id).sort()).toEqual(
      [people.endsToday, people.lastDay, people.soon].sort(),
    );
  });

  it('reminds their coach once per participant and end date, and again when the end date moves', async () => {
    expect(await reminders.remind()).toBe(JobStatus.Success);
    await reminders.remind();
    const endsOn = { soon: inDays(90), lastDay: sevenMonthsAhead(), endsToday: inDays(0) };
    const first = Object.entries(endsOn).map(([name, day]) => `coach@varmdo.example ${people[name]}:${day}`);
    expect(await remindersOf()).toEqual(first.sort());
    const kinds = await coach.ok<{
      notifications: { nodes: { kind: string; title: string; participantId: string | null }[] };
    }>('query { notifications(first: 100) { nodes { kind title participantId } } }');
    const reminded = kinds.notifications.nodes.filter((n) => n.kind === 'ESTABLISHMENT_PERIOD_ENDING');
    expect(reminded[0]?.title).toBe('Etableringsperioden slutar snart');
    // Each leads the coach to the participant it is about (the demo data's participants are reminded too).
    const ours = new Set(Object.values(people));
    expect(
      reminded
        .map((n) => n.participantId)
        .filter((id) => ours.has(id!))
        .sort(),
    ).toEqual([people.soon, people.lastDay, people.endsToday].sort());

    // Moved: reminded of the new date. Moved out of the window: no reminder, and no longer listed.
    await setEndDate(people.soon!, inDays(100));
    await setEndDate(people.lastDay!, inDays(400));
    await reminders.remind();
    expect(await remindersOf()).toEqual(
      [...first, `coach@varmdo.example ${people.soon}:${inDays(100)}`].sort(),
    );
    expect((await listed(coach)).has(people.lastDay!)).toBe(false);
  });

  it('leaves out someone once a placement is planned for them', async () => {
    const openingId = await publishedOpening(employer);
    await confirmedPlacement(coach, await proposalAfterMatching(stack, openingId, people.soon!));
    expect((await listed(coach)).has(people.soon!)).toBe(false);
    const before = await remindersOf();
    await setEndDate(people.soon!, inDays(110));
    await reminders.remind();
    expect(await remindersOf()).toEqual(before);
  });

  it('forgets the reminders, which hold the end date, when the participant is erased', async () => {
    await reminders.remind();
    expect((await remindersOf()).some((reminder) => reminder.includes(people.endsToday!))).toBe(true);
    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: people.endsToday });
    expect((await remindersOf()).some((reminder) => reminder.includes(people.endsToday!))).toBe(false);
  });
});
