import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '#libs/config';
import { hasBeenMigrated, runMigrations } from '#libs/database';
import { DEMO_PASSWORD, DEMO_USERS, describeDemoDataReport } from '#libs/demo-data';
import { SearchIndexer } from '#libs/search';
import { consoleProgress, describeSource, importTaxonomy } from '#libs/taxonomy';
import { loadDemoData } from './demo-data-context.js';
import {
  canConnect,
  ensureDatabase,
  findOrStartMeilisearch,
  findOrStartPostgres,
  findRedis,
  freePort,
  provisionScopedKeys,
  type RunningService,
} from './dev-services/index.js';
import { searchContext } from './search-context.js';

// `npm start`: finds or starts PostgreSQL, Redis and Meilisearch, migrates, imports the taxonomy, loads the demo
// data, runs the API and the worker, and prints where they are. Ctrl-C stops everything this command started, in
// order.

const DATA_DIR = join(process.cwd(), '.data');
const started: RunningService[] = [];
const children: ChildProcess[] = [];

function say(line: string): void {
  process.stdout.write(`\x1b[36m[matchbron]\x1b[0m ${line}\n`);
}

let stopped: Promise<never> | undefined;

/** Stops what this command started, children first, then exits. A second Ctrl-C (npm forwards one) waits too. */
function stop(code: number): Promise<never> {
  stopped ??= (async () => {
    say('Stopping…');
    for (const child of [...children].reverse()) await terminate(child);
    for (const service of [...started].reverse()) await service.stop?.().catch(() => undefined);
    say('Stopped.');
    process.exit(code);
  })();
  return stopped;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A random secret made on first start and kept in `.data/<name>`, so that tokens and encrypted data survive restarts. */
async function devSecret(name: string, bytes: number, encoding: 'base64' | 'base64url'): Promise<string> {
  const file = join(DATA_DIR, name);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(bytes).toString(encoding);
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function run(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group: Ctrl-C reaches this script only, which then stops the children in order.
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  child.once('exit', (code, signal) => {
    if (!stopped) {
      say(`The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForApi(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The API did not become ready within a minute.');
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const postgres = await findOrStartPostgres(DATA_DIR, say);
  started.push(postgres);
  say(`PostgreSQL: ${postgres.origin}`);
  const redis = await findRedis();
  say(`Redis: ${redis.origin}`);
  const meilisearch = await findOrStartMeilisearch(join(DATA_DIR, 'meilisearch'));
  started.push(meilisearch);
  say(`Meilisearch: ${meilisearch.origin} at ${meilisearch.url}`);

  const configured = process.env.DATABASE_URL;
  const databaseUrl =
    configured && (await canConnect(configured))
      ? configured
      : await ensureDatabase(postgres.url, configured ? new URL(configured).pathname.slice(1) : 'matchbron');
  const newDatabase = !(await hasBeenMigrated(databaseUrl));
  const applied = await runMigrations(databaseUrl);
  say(applied.length > 0 ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');
  // Skipped when these exact files were imported before (a fingerprint stored in taxonomy_imports): a restart
  // then costs reading and hashing the CSV files (~1.5 MB) instead of comparing ~19,000 rows.
  const taxonomy = await importTaxonomy({
    databaseUrl,
    ifChanged: true,
    progress: consoleProgress(process.stdout),
  });
  const rows = taxonomy.tables.reduce((sum, table) => sum + table.rows - table.skipped, 0);
  say(
    taxonomy.unchanged
      ? `Taxonomy: up to date (${describeSource(taxonomy.source)}).`
      : `Taxonomy: ${rows} rows loaded from ${describeSource(taxonomy.source)} in ${taxonomy.durationMs} ms.`,
  );

  const indexPrefix = process.env.MEILI_INDEX_PREFIX ?? '';
  const keys = await provisionScopedKeys(meilisearch.url, meilisearch.masterKey, `${indexPrefix}*`);
  const port = Number(process.env.PORT ?? 3000);
  if ((await freePort(port)) !== port)
    throw new Error(`Port ${port} is in use (an earlier npm start?). Stop it or set PORT.`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    MEILI_URL: meilisearch.url,
    JWT_SECRET: process.env.JWT_SECRET ?? (await devSecret('jwt-secret', 48, 'base64url')),
    PERSONAL_DATA_KEY: process.env.PERSONAL_DATA_KEY ?? (await devSecret('personal-data-key', 32, 'base64')),
  };
  delete env.MEILI_MASTER_KEY;
  const workerEnv = { ...env, MEILI_API_KEY: keys.worker };
  const apiEnv = { ...env, MEILI_API_KEY: keys.api };

  const report = await loadDemoData(AppConfig.fromEnvironment(workerEnv));
  say(`Demo data: ${describeDemoDataReport(report)}.`);
  // The search indexes outlive a database dropped and made again: rebuilt from the new one, they lose the documents
  // of the old (the outbox only syncs what changes).
  if (newDatabase) say(`New database: ${await rebuildSearchIndexes(AppConfig.fromEnvironment(workerEnv))}.`);

  run('worker', 'dist/apps/worker/main.js', workerEnv);
  run('API', 'dist/apps/api/main.js', apiEnv);
  await waitForApi(`http://127.0.0.1:${port}/health/ready`);

  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  say('');
  say(`GraphQL API:  http://localhost:${port}/graphql   (GraphiQL in the browser)`);
  say(`Health:       http://localhost:${port}/health/ready`);
  say(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS)
    say(`  ${user.email.padEnd(width)}  ${user.role.padEnd(8)}  ${user.fullName}`);
  say('Press Ctrl-C to stop everything this command started.');
}

/** Every search index rebuilt from PostgreSQL, as `npm run reindex` does; what it did, in words. */
async function rebuildSearchIndexes(config: AppConfig): Promise<string> {
  const context = await searchContext(config);
  try {
    const indexer = context.get(SearchIndexer);
    const reports = [];
    for (const projection of indexer.all) reports.push(await indexer.rebuild(projection.index));
    const written = reports.reduce((sum, report) => sum + report.written, 0);
    const removed = reports.reduce((sum, report) => sum + report.removed, 0);
    return `search indexes rebuilt (${written} documents written, ${removed} left from an earlier database removed)`;
  } finally {
    await context.close();
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `\n${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n\n`,
  );
  await stop(1);
});
