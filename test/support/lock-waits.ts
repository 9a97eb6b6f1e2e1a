import pg from 'pg';
import { eventually } from './eventually.js';

/**
 * Waits until at least `sessions` database sessions wait for a lock `holder`'s session holds (pg_blocking_pids): the
 * requests a test started have reached the lock it holds, whatever other tests do on the same server.
 */
export async function blockedBy(holder: pg.Client, sessions = 1): Promise<void> {
  await eventually(
    () =>
      holder
        .query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))',
        )
        .then((result) => result.rows[0].n as number),
    (waiting) => waiting >= sessions,
    15_000,
  );
}

/**
 * A session of its own in a transaction holding the matching lock of `openingId` (as MatchOpening and confirmations
 * take it, `match-opening:<id>`): what waits for it can be watched with `blockedBy`; COMMIT and `end` it after.
 */
export async function holdingMatchingLock(databaseUrl: string, openingId: string): Promise<pg.Client> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`match-opening:${openingId}`]);
  return holder;
}
