import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers } from './job-workers.service.js';
import { QueueService } from './queue.service.js';

/** Enqueueing jobs; imported by every process. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}

/** Running jobs; imported by the worker only. */
@Module({ imports: [DiscoveryModule], providers: [JobWorkers] })
export class QueueWorkersModule {}
