import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { DEFAULT_DEMO_PARTICIPANTS, describeDemoDataReport } from '#libs/demo-data';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { loadDemoData } from './demo-data-context.js';

// `npm run demo-data [-- --participants=N]`: loads the demo data into DATABASE_URL with the environment's
// configuration, after the migrations and the taxonomy import. N participants of Värmdö (and N/10 of Nacka);
// default DEMO_PARTICIPANTS, else 150. Idempotent: loading again adds nothing; a larger N adds the difference.
const argument = process.argv.find((arg) => arg.startsWith('--participants='))?.split('=')[1];
const raw = argument ?? process.env.DEMO_PARTICIPANTS;
const participants = raw === undefined ? DEFAULT_DEMO_PARTICIPANTS : Number(raw);
if (!Number.isInteger(participants) || participants < 0) {
  console.error(`The number of participants must be a whole number of 0 or more, not "${raw}".`);
  process.exit(1);
}
const config = loadConfigOrExit();
const report = await loadDemoData(config, new NestPinoLogger(createLogger('demo-data', config.log.level)), {
  participants,
});
console.log(`Demo data: ${describeDemoDataReport(report)}.`);
