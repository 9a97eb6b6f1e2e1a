import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Redis } from 'ioredis';
import { Meilisearch } from 'meilisearch';
import pg from 'pg';
import { AppConfig } from '#libs/config';
import { runMigrations } from '#libs/database';
import { importTaxonomy, resolveTaxonomySource, taxonomyFingerprint } from '#libs/taxonomy';
import { closeRedis } from '#libs/redis';
import { WORKER_ONLY_UID_PREFIX } from '#libs/search';
import { loadDemoData } from '../../scripts/demo-data-context.js';
import { databaseUrl } from '../../scripts/dev-services/index.js';

/** Everything one test file owns: its database, index prefix and Redis prefix, so files can run in parallel. */
export interface TestEnvironment {
  databaseUrl: string;
  /** Configuration for the API (search-only Meilisearch key). */
  apiConfig: AppConfig;
  /** Configuration for the worker (writing Meilisearch key). */
  workerConfig: AppConfig;
  /** The configuration of `role` with some variables changed, for example to go through a TcpProxy. */
  configFor(role: 'api' | 'worker', overrides: Record<string, string>): AppConfig;
  /** Meilisearch with the master key, for assertions and cleanup only. */
  meilisearchAdmin: Meilisearch;
  /** A direct connection to the file's database, for assertions. */
  sql(query: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>;
  destroy(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests with npm test (its global setup finds the services).`);
  return value;
}

export const TEST_PERSONAL_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

const MIGRATIONS_DIR = join(process.cwd(), 'migrations');
const LIBS_DIR = join(process.cwd(), 'libs');
const DEMO_DATA_CONTEXT = join(process.cwd(), 'scripts', 'demo-data-context.ts');
/** This file: it decides how the template is built. */
const TEST_ENVIRONMENT = join(process.cwd(), 'test', 'support', 'test-environment.ts');
/** The versions of every dependency (TypeORM, the drivers, Nest …), which can change what a build writes. */
const PACKAGE_LOCK = join(process.cwd(), 'package-lock.json');
/** Held while a template is checked, built or cleaned up: one run at a time. */
export const TEMPLATE_LOCK = 7_204_118_332;
/**
 * Templates no test run has used for this long, and half-built ones left by a killed run that nothing has touched
 * for this long, are dropped when a new template is made (they pile up otherwise).
 */
const TEMPLATE_UNUSED_HOURS = 3;

/** Every non-test TypeScript file under `directory` (recursively), in a stable order. */
async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries
    .filter((file) => /(?<!\.spec)\.ts$/.test(file))
    .sort()
    .map((file) => join(directory, file));
}

/**
 * A template database, migrated, with the taxonomy imported and the demo data loaded; test databases are copies of
 * it (fast). Its name is a hash of everything that decides its content: the TypeScript files (specs excepted) under
 * migrations/ and libs/ (the importer, the services and the demo data generator all live there),
 * scripts/demo-data-context.ts, this file, package-lock.json, the taxonomy source (the full shared data when present,
 * else the built-in subset; TAXONOMY_DIR wins) with its fingerprint, and the month (the demo data's dates count from
 * the day it is loaded).
 */
async function templateDatabase(serverUrl: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [
    ...(await sourceFiles(MIGRATIONS_DIR)),
    ...(await sourceFiles(LIBS_DIR)),
    DEMO_DATA_CONTEXT,
    TEST_ENVIRONMENT,
    PACKAGE_LOCK,
  ])
    hash.update(relative(process.cwd(), file)).update(await readFile(file));
  const taxonomy = resolveTaxonomySource();
  hash.update(taxonomy.directory).update(await taxonomyFingerprint(taxonomy));
  hash.update(new Date().toISOString().slice(0, 7));
  const name = `mbtpl_${hash.digest('hex').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const { rows } = await admin.query<{ datistemplate: boolean }>(
      'SELECT datistemplate FROM pg_database WHERE datname = $1',
      [name],
    );
    if (!rows[0]?.datistemplate) {
      // Absent, or left half-made by a killed run: build it again.
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = databaseUrl(serverUrl, name);
      await runMigrations(url);
      await importTaxonomy({ databaseUrl: url, source: taxonomy });
      // Loaded once here rather than in every test file: 165 participants through the services take seconds.
      await loadDemoData(templateConfig(url));
      await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
      // Best effort: reading file times needs a superuser (as the test servers here are).
      await dropUnusedTemplates(admin, name).catch(() => undefined);
    }
    await admin.query(`COMMENT ON DATABASE "${name}" IS 'matchbron test template, used ${Date.now()}'`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/** The demo data loader's configuration for the template (the worker's; nothing is sent to Redis or Meilisearch). */
function templateConfig(url: string): AppConfig {
  return AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: required('TEST_REDIS_URL'),
    MEILI_URL: required('TEST_MEILI_URL'),
    MEILI_API_KEY: required('TEST_MEILI_WORKER_KEY'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    PERSONAL_DATA_KEY: TEST_PERSONAL_DATA_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}

/**
 * Drops the other templates that no run has used for TEMPLATE_UNUSED_HOURS (every change under libs/ makes a new
 * one), and the half-built ones a killed run left (not marked as template) that old. "Used" is the time in the
 * database's comment, else when its files last changed. Call it holding TEMPLATE_LOCK: no run that takes the lock is
 * building a template meanwhile; a half-built one with a session open is skipped all the same (a run of an older
 * version of this file may be building it). Returns the names dropped.
 */
export async function dropUnusedTemplates(admin: pg.Client, current: string): Promise<string[]> {
  const { rows } = await admin.query<{
    datname: string;
    datistemplate: boolean;
    used: string | null;
    changed: Date;
    in_use: boolean;
  }>(
    `SELECT d.datname, d.datistemplate,
            substring(shobj_description(d.oid, 'pg_database') FROM 'used ([0-9]+)') AS used,
            (pg_stat_file('base/' || d.oid)).modification AS changed,
            EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid) AS in_use
     FROM pg_database d WHERE d.datname LIKE 'mbtpl\\_%' AND d.datname <> $1`,
    [current],
  );
  const cutoff = Date.now() - TEMPLATE_UNUSED_HOURS * 3_600_000;
  const dropped: string[] = [];
  for (const { datname, datistemplate, used, changed, in_use } of rows) {
    if ((used ? Number(used) : changed.getTime()) > cutoff) continue;
    if (datistemplate) await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
    else if (in_use) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    dropped.push(datname);
  }
  return dropped;
}

export async function createTestEnvironment(
  overrides: Record<string, string> = {},
): Promise<TestEnvironment> {
  const serverUrl = required('TEST_POSTGRES_URL');
  const runId = required('TEST_RUN_ID');
  const fileId = randomBytes(3).toString('hex');
  const databaseName = `mbt_${runId}_${fileId}`;
  const template = await templateDatabase(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${template}"`);
  await admin.end();

  const url = databaseUrl(serverUrl, databaseName);
  const indexPrefix = `test_${runId}_${fileId}_`;
  const redisPrefix = `test:${runId}:${fileId}`;
  const base = {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: required('TEST_REDIS_URL'),
    REDIS_PREFIX: redisPrefix,
    MEILI_URL: required('TEST_MEILI_URL'),
    MEILI_INDEX_PREFIX: indexPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // One key for every test database: they are copies of a template that holds encrypted demo data.
    PERSONAL_DATA_KEY: TEST_PERSONAL_DATA_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_INTERVAL_MS: '100',
    ...overrides,
  };
  const meilisearchAdmin = new Meilisearch({
    host: required('TEST_MEILI_URL'),
    apiKey: required('TEST_MEILI_MASTER_KEY'),
    // The run's Meilisearch serves every test file at once: on a busy machine a task may wait longer than 5 s.
    defaultWaitOptions: { timeout: 60_000 },
  });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection the server ends (its database dropped at teardown, say) is removed from the pool; without a
  // listener the pool would throw that as an unhandled error into whichever test runs then. Queries still fail.
  pool.on('error', () => undefined);

  const configFor = (role: 'api' | 'worker', changes: Record<string, string> = {}) =>
    AppConfig.fromEnvironment({
      ...base,
      MEILI_API_KEY: required(role === 'api' ? 'TEST_MEILI_API_KEY' : 'TEST_MEILI_WORKER_KEY'),
      ...changes,
    });

  return {
    databaseUrl: url,
    apiConfig: configFor('api'),
    workerConfig: configFor('worker'),
    configFor,
    meilisearchAdmin,
    sql: async (query, parameters) => (await pool.query(query, parameters)).rows,
    async destroy() {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await cleanup.end();
      const { results } = await meilisearchAdmin.getIndexes({ limit: 1000 });
      const ours = (uid: string) =>
        uid.startsWith(indexPrefix) || uid.startsWith(`${WORKER_ONLY_UID_PREFIX}${indexPrefix}`);
      for (const index of results.filter((i) => ours(i.uid)))
        await meilisearchAdmin.deleteIndex(index.uid).waitTask();
      const redis = new Redis(required('TEST_REDIS_URL'));
      try {
        const keys = await redis.keys(`${redisPrefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await closeRedis(redis);
      }
    },
  };
}
