import type { INestApplicationContext } from '@nestjs/common';
import { DemoConcepts } from '#libs/demo-data';
import { SearchClient, SearchIndex, SearchReconciliation } from '#libs/search';
import { eventually } from '../support/eventually.js';
import type { GraphqlClient } from '../support/graphql-client.js';
import { createParticipant, publishProfile } from '../support/participants.js';
import { startWorker } from '../support/running-apps.js';
import { startStack, type Stack } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import {
  environmentOf,
  pendingOutbox,
  rebuildIndexes,
  settle,
  WorkerProcess,
} from '../support/worker-process.js';

/** The indexes that follow competence profiles. */
const PROFILE_INDEXES = [SearchIndex.Profiles, SearchIndex.Candidates];

/**
 * Must show 4, second half: Meilisearch unreachable while profiles are written. The worker process reaches
 * Meilisearch through a TCP proxy that the test cuts (the run's Meilisearch itself stays up for the other test
 * files). The writes succeed and their index updates wait in the outbox; once Meilisearch is back the index catches
 * up, and the reconciliation check finds no drift between PostgreSQL and the profile indexes.
 */
describe('fault: Meilisearch unreachable while profiles are written', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let proxy: TcpProxy;
  /** TcpProxy.cut() waits for a listening server: only while it is up. */
  let proxyUp = false;
  let worker: WorkerProcess | undefined;
  let inProcess: INestApplicationContext | undefined;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_MEILI_URL!);
    proxyUp = true;
    stack = await startStack();
    // From indexes equal to PostgreSQL: the demo data's documents written as `npm run reindex` does.
    await rebuildIndexes(stack.environment.workerConfig, PROFILE_INDEXES);
    worker = await WorkerProcess.start(
      environmentOf(stack.environment.workerConfig, {
        MEILI_URL: proxy.url(),
        OUTBOX_MAX_BACKOFF_SECONDS: '1',
      }),
    );
    coach = await stack.anonymous.login('coach@varmdo.example');
  }, 120_000);

  afterAll(async () => {
    await worker?.kill();
    await inProcess?.close();
    await stack?.close();
    if (proxyUp) await proxy?.cut();
  }, 120_000);

  const indexed = async (index: SearchIndex, id: string) =>
    stack.environment.meilisearchAdmin
      .index(new SearchClient(stack.environment.workerConfig).uid(index))
      .getDocument(id)
      .then(
        () => true,
        () => false,
      );

  it('accepts the writes, keeps the index updates pending, catches up after, with no drift', async () => {
    // Everything the demo data asked for is done before the outage.
    await settle(stack.environment, worker);
    const [paused, edited] = (await stack.environment.sql(
      `SELECT p.participant_id, p.id, p.public_id FROM competence_profiles p
         JOIN participants pa ON pa.id = p.participant_id JOIN organisations o ON o.id = pa.organisation_id
        WHERE p.status = 'PUBLISHED' AND o.name = 'Värmdö kommun' ORDER BY p.id LIMIT 2`,
    )) as Array<{ participant_id: string; id: string; public_id: string }>;
    expect(await indexed(SearchIndex.Candidates, paused.id)).toBe(true);

    await proxy.cut();
    proxyUp = false;

    // Profiles written while Meilisearch is away: three published, one edited, one paused. Every write succeeds.
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await createParticipant(coach);
      await publishProfile(coach, id, {
        hoursPerWeek: 20 + i,
        swedishLevel: 'SFI_C',
        educationLevelConceptId: DemoConcepts.EDUCATION.PRIMARY.conceptId,
        homeMunicipalityConceptId: DemoConcepts.MUNICIPALITIES['0120'].conceptId,
        occupations: [
          { occupationConceptId: DemoConcepts.OCCUPATIONS.stadare.conceptId, yearsOfExperience: 2 },
        ],
      });
      created.push(id);
    }
    await coach.ok(
      'mutation($id: ID!) { updateCompetenceProfile(participantId: $id, input: { hoursPerWeek: 12 }) { status } }',
      { id: edited.participant_id },
    );
    await coach.ok('mutation($id: ID!) { setProfileStatus(participantId: $id, status: PAUSED) { status } }', {
      id: paused.participant_id,
    });
    const createdProfiles = (
      await stack.environment.sql(
        `SELECT id FROM competence_profiles WHERE participant_id = ANY($1) AND status = 'PUBLISHED'`,
        [created],
      )
    ).map((row) => row.id as string);
    expect(createdProfiles).toHaveLength(3);

    // The index updates wait in the outbox, retried with backoff, each with its error.
    const searchSyncs = (rows: Awaited<ReturnType<typeof pendingOutbox>>) =>
      rows.filter(
        (row) => row.kind === 'SEARCH_SYNC' && PROFILE_INDEXES.includes(row.payload.index as SearchIndex),
      );
    // The worker keeps running meanwhile: a failed delivery is retried, never fatal.
    const waiting = searchSyncs(
      await eventually(
        async () => {
          worker!.assertRunning();
          return pendingOutbox(stack.environment);
        },
        (rows) => searchSyncs(rows).length > 0 && searchSyncs(rows).every((row) => row.attempts >= 2),
        30_000,
      ),
    );
    expect(waiting.every((row) => row.last_error)).toBe(true);
    expect(new Set(waiting.map((row) => row.payload.index))).toEqual(new Set(PROFILE_INDEXES));
    for (const id of createdProfiles) expect(await indexed(SearchIndex.Candidates, id)).toBe(false);
    expect(await indexed(SearchIndex.Candidates, paused.id)).toBe(true);

    // Retried together, as when their backoffs line up after a longer outage: one sync per index then writes some
    // documents and removes another (the paused profile), and fails as a whole; the worker carries on.
    await stack.environment.sql(
      `UPDATE outbox_messages SET available_at = now() + interval '500 milliseconds' WHERE delivered_at IS NULL`,
    );
    const attempts = new Map(waiting.map((row) => [row.id, row.attempts]));
    await eventually(
      async () => {
        worker!.assertRunning();
        return pendingOutbox(stack.environment);
      },
      (rows) => searchSyncs(rows).every((row) => row.attempts > (attempts.get(row.id) ?? 0)),
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    worker!.assertRunning();

    await proxy.restore();
    proxyUp = true;

    // The index catches up: every message delivered, every job done …
    await settle(stack.environment, worker);
    for (const id of createdProfiles) expect(await indexed(SearchIndex.Candidates, id)).toBe(true);
    expect(await indexed(SearchIndex.Candidates, paused.id)).toBe(false);
    expect(await indexed(SearchIndex.Profiles, paused.public_id)).toBe(false);

    // … and the reconciliation check finds PostgreSQL and both profile indexes equal: counts and content hashes.
    await worker!.stop();
    inProcess = await startWorker(stack.environment.workerConfig);
    const reconciliation = inProcess.get(SearchReconciliation, { strict: false });
    for (const index of PROFILE_INDEXES) {
      const drift = await reconciliation.check(index);
      expect(drift).toMatchObject({ index, missing: 0, extra: 0, different: 0 });
      expect(drift.meilisearch).toBe(drift.postgres);
      expect(drift.meilisearchHash).toBe(drift.postgresHash);
      expect(drift.postgres).toBeGreaterThan(0);
    }
  }, 360_000);
});
