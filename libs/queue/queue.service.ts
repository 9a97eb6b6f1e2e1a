import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { AppConfig } from '#libs/config';
import { redisOptions } from '#libs/redis';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { JOB_DEFINITIONS, QueueName, jobIdOf, type Job } from './jobs.js';

/**
 * Puts jobs on their BullMQ queues. Domain code does not call this directly: it records jobs in the outbox,
 * in the transaction of its write, and the outbox relay enqueues them here.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        // Fail fast while Redis is down, so that the relay retries later instead of hanging.
        connection: redisOptions(this.config.redis.url, { enableOfflineQueue: false }) as ConnectionOptions,
        prefix: this.config.redis.prefix,
      });
      // Connection errors are logged by the connection itself; enqueue() fails and its caller retries.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Enqueues `job` under its deterministic id; a job with that id already present is left as it is. */
  async enqueue(job: Job, options: { delayMs?: number } = {}): Promise<void> {
    const { queue, priority } = JOB_DEFINITIONS[job.name];
    await this.queue(queue).add(job.name, job.payload, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: jobIdOf(job),
      priority,
      delay: options.delayMs,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
