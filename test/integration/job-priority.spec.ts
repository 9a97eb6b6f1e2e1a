import { Worker, type ConnectionOptions } from 'bullmq';
import { JobName, QueueName, QueueService } from '#libs/queue';
import { eventually } from '../support/eventually.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/**
 * Against the real Redis: a MatchOpening enqueued behind a bulk of MatchProfile jobs runs first, so that a newly
 * published opening gets its proposals while profile changes are still being worked off.
 */
describe('matching job priority', () => {
  let environment: TestEnvironment;
  let queues: QueueService;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    queues = new QueueService(environment.workerConfig);
  });

  afterAll(async () => {
    await queues?.onApplicationShutdown();
    await environment?.destroy();
  });

  it('runs a waiting MatchOpening before MatchProfile jobs enqueued earlier', async () => {
    for (let i = 0; i < 5; i++) {
      await queues.enqueue({
        name: JobName.MatchProfile,
        payload: { profileId: `profile-${i}`, version: '1' },
      });
    }
    await queues.enqueue({ name: JobName.MatchOpening, payload: { openingId: 'opening-1', version: '1' } });

    const order: string[] = [];
    const { redis } = environment.workerConfig;
    const worker = new Worker(
      QueueName.Matching,
      async (job) => {
        order.push(job.name);
      },
      { connection: { url: redis.url } as ConnectionOptions, prefix: redis.prefix, concurrency: 1 },
    );
    const errors: string[] = [];
    worker.on('error', (error) => errors.push(String(error)));
    worker.on('failed', (job, error) => errors.push(`${job?.name}: ${String(error)}`));
    try {
      // Fails with what ran so far (and any worker error) instead of hanging until the test times out.
      await eventually(
        async () => ({ order: [...order], errors: [...errors] }),
        (seen) => seen.order.length === 6 || seen.errors.length > 0,
        20_000,
      );
    } finally {
      await worker.close();
    }
    expect(errors).toEqual([]);
    expect(order).toEqual([JobName.MatchOpening, ...Array(5).fill(JobName.MatchProfile)]);
  });
});
