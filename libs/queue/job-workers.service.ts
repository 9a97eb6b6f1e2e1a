import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Worker, type ConnectionOptions, type Job as BullJob } from 'bullmq';
import { AppConfig } from '#libs/config';
import { runWithLogContext } from '#libs/logging';
import { redisOptions } from '#libs/redis';
import { indexJobHandlers, type FoundHandler, type JobHandler } from './job-handlers.js';
import { JOB_DEFINITIONS, JobName, QueueName, type Job } from './jobs.js';
import { ON_JOB } from './on-job.decorator.js';
import { QueueService } from './queue.service.js';

/**
 * The worker side of the queues: finds the `@OnJob` handlers, refuses to start unless every job has exactly one,
 * runs one BullMQ worker per queue, registers scheduled jobs, and on SIGTERM lets running jobs finish.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = indexJobHandlers(this.findHandlers());
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job: BullJob) => this.process(handlers, job), {
        // BullMQ requires both on a worker's connection.
        connection: redisOptions(this.config.redis.url, {
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
        }) as ConnectionOptions,
        prefix: this.config.redis.prefix,
        concurrency: this.config.queue.concurrency,
        lockDuration: this.config.queue.lockDurationMs,
        stalledInterval: this.config.queue.stalledIntervalMs,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({
          message: 'Job failed',
          job: job?.name,
          jobId: job?.id,
          attempt: job?.attemptsMade,
          reason: error.message,
        }),
      );
      worker.on('error', (error) =>
        this.logger.warn({ message: 'Queue worker error', queue, reason: error.message }),
      );
      this.workers.push(worker);
    }
    await this.registerSchedules();
    this.logger.log({ message: 'Job workers started', queues: Object.values(QueueName) });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(handlers: Map<JobName, JobHandler>, job: BullJob): Promise<string> {
    return runWithLogContext({ jobId: job.id }, async () => {
      const handler = handlers.get(job.name as JobName);
      if (!handler) throw new Error(`No handler for job "${job.name}"`);
      const started = performance.now();
      const status = await handler(job.data);
      this.logger.log({
        message: 'Job done',
        job: job.name,
        status,
        durationMs: Math.round(performance.now() - started),
      });
      return status;
    });
  }

  /** Registers the scheduled jobs and enqueues the jobs run at every start. */
  private async registerSchedules(): Promise<void> {
    const startedAt = new Date().toISOString();
    for (const name of Object.values(JobName)) {
      const definition = JOB_DEFINITIONS[name];
      if (definition.atStart) {
        await this.queues.enqueue({ name, payload: definition.atStart(startedAt) } as Job);
      }
      if (!definition.schedule) continue;
      await this.queues
        .queue(definition.queue)
        .upsertJobScheduler(name, { pattern: definition.schedule, tz: 'UTC' }, { name, data: {} });
    }
  }

  private findHandlers(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const job = this.reflector.get<JobName | undefined>(ON_JOB, instance[method] as never);
        if (!job) continue;
        const fn = instance[method] as JobHandler;
        found.push({
          job,
          location: `${instance.constructor.name}.${method}`,
          handler: (payload) => fn.call(instance, payload),
        });
      }
    }
    return found;
  }
}
