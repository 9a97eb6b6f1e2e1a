import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import {
  findOrStartMeilisearch,
  findOrStartPostgres,
  findRedis,
  provisionScopedKeys,
  type RunningService,
} from '../../scripts/dev-services/index.js';

/** Index names of every test run start with this; the scoped test keys reach nothing else. */
export const TEST_INDEX_PATTERN = 'test_';
const STALE_AFTER_SECONDS = 6 * 3600;

declare global {
  var matchbronTestServices: RunningService[] | undefined;
}

/**
 * Once per `npm test`: the same service discovery as `npm start` (PostgreSQL, Redis, Meilisearch, started when
 * missing), scoped Meilisearch keys, and the addresses for the test files in the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (onlyUnitTests(process.argv)) return;
  const runId = `${Math.floor(Date.now() / 1000).toString(36)}${randomBytes(2).toString('hex')}`;
  const dataDir = join(process.cwd(), '.data', 'test');
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const postgres = await findOrStartPostgres(dataDir, log);
  const redis = await findRedis();
  const meilisearch = await findOrStartMeilisearch(join(dataDir, 'meilisearch', runId));
  globalThis.matchbronTestServices = [postgres, meilisearch];
  const keys = await provisionScopedKeys(meilisearch.url, meilisearch.masterKey, `${TEST_INDEX_PATTERN}*`);
  await dropStaleTestDatabases(postgres.url);

  Object.assign(process.env, {
    TEST_RUN_ID: runId,
    TEST_POSTGRES_URL: postgres.url,
    TEST_REDIS_URL: redis.url,
    TEST_MEILI_URL: meilisearch.url,
    TEST_MEILI_MASTER_KEY: meilisearch.masterKey,
    TEST_MEILI_API_KEY: keys.api,
    TEST_MEILI_WORKER_KEY: keys.worker,
  });
}

/** `--selectProjects unit` alone needs no services. */
function onlyUnitTests(argv: string[]): boolean {
  const at = argv.indexOf('--selectProjects');
  if (at < 0) return false;
  const selected = argv
    .slice(at + 1)
    .filter((_, i, rest) => !rest.slice(0, i + 1).some((arg) => arg.startsWith('-')));
  return selected.length === 1 && selected[0] === 'unit';
}

/** Databases of test runs that ended without cleaning up (killed), recognised by the time in their name. */
async function dropStaleTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'mbt\\_%'`,
    );
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const started = parseInt(datname.split('_')[1], 36);
      if (Number.isFinite(started) && now - started > STALE_AFTER_SECONDS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
