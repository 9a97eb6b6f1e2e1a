import { Worker, type ConnectionOptions } from 'bullmq';
import { JobName, QueueName, QueueService } from '#libs/queue';
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
    try {
      await new Promise<void>((resolve) => {
        worker.on('completed', () => {
          if (order.length === 6) resolve();
        });
      });
    } finally {
      await worker.close();
    }
    expect(order).toEqual([JobName.MatchOpening, ...Array(5).fill(JobName.MatchProfile)]);
  });
});
