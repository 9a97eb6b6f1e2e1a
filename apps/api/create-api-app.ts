import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '#libs/config';
import { ApiModule } from './api.module.js';
import { bodyErrors } from './http/body-errors.middleware.js';
import { correlationId } from './http/correlation-id.middleware.js';

/** The API application, configured but not listening. Used by `main.ts` and by the end-to-end tests. */
export async function createApiApp(
  config: AppConfig,
  logger: LoggerService | false,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(correlationId);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.use(bodyErrors);
  app.enableShutdownHooks();
  return app;
}
