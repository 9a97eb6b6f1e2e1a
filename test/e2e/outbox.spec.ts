import { Queue } from 'bullmq';
import { JOB_DEFINITIONS, JobName } from '#libs/queue';
import { SearchIndex } from '#libs/search';
import { eventually } from '../support/eventually.js';
import type { GraphqlClient } from '../support/graphql-client.js';
import { startWorker } from '../support/running-apps.js';
import { startStack, type Stack } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * The outbox at work, against the real services: the worker reaches Redis and Meilisearch through proxies that the
 * test cuts and restores. Writes made while a target is away are delivered once it is back, and exactly once.
 */
describe('transactional outbox', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let redisProxy: TcpProxy;
  let meilisearchProxy: TcpProxy;

  beforeAll(async () => {
    redisProxy = await TcpProxy.start(process.env.TEST_REDIS_URL!);
    meilisearchProxy = await TcpProxy.start(process.env.TEST_MEILI_URL!);
    stack = await startStack({
      worker: true,
      workerEnv: {
        REDIS_URL: redisProxy.url(),
        MEILI_URL: meilisearchProxy.url(),
        OUTBOX_MAX_BACKOFF_SECONDS: '1',
      },
    });
    admin = await stack.anonymous.login('admin@varmdo.example');
  });

  afterAll(async () => {
    await stack?.close();
    await redisProxy?.cut();
    await meilisearchProxy?.cut();
  });

  const pending = async () =>
    (await stack.environment.sql(
      `SELECT id, attempts, last_error FROM outbox_messages WHERE delivered_at IS NULL`,
    )) as {
      id: string;
      attempts: number;
      last_error: string | null;
    }[];

  const indexedOrganisation = async (id: string) => {
    const index = stack.environment.meilisearchAdmin.index(
      stack.environment.workerConfig.search.indexPrefix + SearchIndex.Organisations,
    );
    return index.getDocument(id).then(
      (document) => document,
      () => null,
    );
  };

  const welcomeNotifications = async (userId: string) =>
    (
      await stack.environment.sql(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [userId])
    )[0].n as number;

  it('delivers to Meilisearch and BullMQ after an outage, once', async () => {
    // Everything from the demo data has been delivered before the outage. That backlog shares the run's Meilisearch
    // with every other test file, so on a busy machine it can take a while.
    await eventually(pending, (rows) => rows.length === 0, 120_000);
    await Promise.all([redisProxy.cut(), meilisearchProxy.cut()]);

    const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          kind: 'ASSOCIATION',
          name: 'Gustavsbergs Schackklubb',
          organisationNumber: '802600-1233',
          municipalityCode: '0120',
        },
      },
    );
    const { createUser } = await admin.ok<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: 'ny.kollega@varmdo.example',
          fullName: 'Ny Kollega',
          role: 'EMPLOYER',
          organisationId: createOrganisation.id,
          password: 'a-long-enough-password',
        },
      },
    );

    // The writes succeeded; their side effects wait, and the relay keeps trying.
    const waiting = await eventually(
      pending,
      (rows) => rows.length === 2 && rows.every((row) => row.attempts >= 2),
    );
    expect(waiting.every((row) => row.last_error)).toBe(true);
    expect(await indexedOrganisation(createOrganisation.id)).toBeNull();
    expect(await welcomeNotifications(createUser.id)).toBe(0);

    await Promise.all([redisProxy.restore(), meilisearchProxy.restore()]);
    await eventually(pending, (rows) => rows.length === 0, 60_000);
    expect(
      await eventually(
        () => indexedOrganisation(createOrganisation.id),
        (document) => document !== null,
      ),
    ).toMatchObject({
      name: 'Gustavsbergs Schackklubb',
      kind: 'ASSOCIATION',
    });
    expect(
      await eventually(
        () => welcomeNotifications(createUser.id),
        (n) => n > 0,
      ),
    ).toBe(1);

    // A repeated delivery (as after a crash between delivering and committing) changes nothing.
    await stack.environment.sql(`UPDATE outbox_messages SET delivered_at = NULL, available_at = now()`);
    await eventually(pending, (rows) => rows.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await welcomeNotifications(createUser.id)).toBe(1);
    const queue = new Queue(JOB_DEFINITIONS[JobName.WelcomeUser].queue, {
      connection: { url: process.env.TEST_REDIS_URL },
      prefix: stack.environment.workerConfig.redis.prefix,
    });
    const jobs = await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
    await queue.close();
    expect(jobs.filter((job) => job.data.userId === createUser.id)).toHaveLength(1);
  }, 300_000);

  it('shares the work between two relays without delivering anything twice', async () => {
    const second = await startWorker(stack.environment.workerConfig);
    try {
      const numbers = ['5595678904', '5596789015', '5597890127', '5598901238', '5599012340', '5590123450'];
      const [{ last }] = await stack.environment.sql(
        'SELECT coalesce(max(id), 0) AS last FROM outbox_messages',
      );
      for (const [i, organisationNumber] of numbers.entries()) {
        await admin.ok(
          'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
          {
            input: {
              kind: 'COMPANY',
              name: `Parallell ${i} AB`,
              organisationNumber,
              municipalityCode: '0120',
            },
          },
        );
      }
      await eventually(pending, (rows) => rows.length === 0);
      const rows = await stack.environment.sql(`SELECT attempts FROM outbox_messages WHERE id > $1`, [last]);
      expect(rows).toHaveLength(numbers.length);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
