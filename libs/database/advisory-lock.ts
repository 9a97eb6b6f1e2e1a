import type { EntityManager } from 'typeorm';

/**
 * A transaction-level advisory lock on `key` (a namespace and an id, such as `match-opening:<id>`): concurrent
 * transactions taking the same key wait for each other; released at commit or rollback.
 */
export async function advisoryXactLock(manager: EntityManager, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}
