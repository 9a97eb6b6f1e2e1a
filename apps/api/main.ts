import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { createApiApp } from './create-api-app.js';

const config = loadConfigOrExit();
const logger = createLogger('api', config.log.level);
const app = await createApiApp(config, new NestPinoLogger(logger));
await app.listen(config.http.port);
logger.info({ port: config.http.port, graphql: '/graphql' }, 'API listening');
