import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { loadDemoData } from './demo-data-context.js';

// `npm run demo-data`: loads the demo data into DATABASE_URL with the environment's configuration.
const config = loadConfigOrExit();
const report = await loadDemoData(config, new NestPinoLogger(createLogger('demo-data', config.log.level)));
console.log(
  `Demo data: ${report.organisationsCreated} organisations and ${report.usersCreated} users created.`,
);
