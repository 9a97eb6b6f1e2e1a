import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { createWorker } from '../../apps/worker/create-worker.js';

/** Log lines go to stdout, or to `capture` (one JSON line per call) for tests that read them. */
export type LogCapture = (line: string) => void;

function logger(service: string, config: AppConfig, capture?: LogCapture): NestPinoLogger | false {
  if (capture) return new NestPinoLogger(createLogger(service, 'debug', { write: capture }));
  return config.log.level === 'silent' ? false : new NestPinoLogger(createLogger(service, config.log.level));
}

export interface RunningApi {
  app: INestApplicationContext;
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

/** The real API on a free port, driven over HTTP by the tests. */
export async function startApi(config: AppConfig, capture?: LogCapture): Promise<RunningApi> {
  const app = await createApiApp(config, logger('api', config, capture));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, graphqlUrl: `${url}/graphql`, close: () => app.close() };
}

/** The real worker: outbox relay and job workers. */
export async function startWorker(config: AppConfig, capture?: LogCapture): Promise<INestApplicationContext> {
  return createWorker(config, logger('worker', config, capture));
}
