import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { createWorker } from './create-worker.js';

const config = loadConfigOrExit();
const logger = createLogger('worker', config.log.level);
await createWorker(config, new NestPinoLogger(logger));
logger.info('Worker running; SIGTERM stops it after the running jobs finish');
