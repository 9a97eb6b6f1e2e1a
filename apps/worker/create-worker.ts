import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { WorkerModule } from './worker.module.js';

/** The worker as a Nest application context (no HTTP). Used by `main.ts` and by the end-to-end tests. */
export async function createWorker(
  config: AppConfig,
  logger: LoggerService | false,
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  worker.enableShutdownHooks();
  return worker;
}
