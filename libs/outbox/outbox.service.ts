import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Job } from '#libs/queue';
import type { SearchIndex } from '#libs/search';
import { OutboxMessage, OutboxMessageKind, type OutboxPayload } from './outbox-message.entity.js';

export interface OutboxEntry {
  kind: OutboxMessageKind;
  payload: OutboxPayload;
}

/**
 * The job, enqueued once the transaction commits; with `notBefore`, as a delayed job that runs at that time (at once
 * when the time has passed by then).
 */
export function enqueueJob(job: Job, notBefore?: Date): OutboxEntry {
  return {
    kind: OutboxMessageKind.Job,
    payload: notBefore ? { job, notBefore: notBefore.toISOString() } : { job },
  };
}

/** The document of `id` in `index` made equal to PostgreSQL once the transaction commits (added, updated or removed). */
export function syncSearch(index: SearchIndex, id: string): OutboxEntry {
  return { kind: OutboxMessageKind.SearchSync, payload: { index, id } };
}

export const OUTBOX_CHANNEL = 'outbox';

/**
 * Records side effects in the transaction of the write that causes them: both commit, or neither does.
 * The worker's relay delivers them afterwards, retrying until the target is reachable.
 */
@Injectable()
export class Outbox {
  async record(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.record must be called inside the transaction of the write');
    }
    if (entries.length === 0) return;
    await manager.insert(OutboxMessage, entries);
    // Delivered at commit only; wakes the relay at once instead of at its next poll.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  }

  /**
   * The ids whose sync to `index` is committed but not yet delivered: the index may not show their current state.
   * A sync is marked delivered only after Meilisearch applied it, so an id is always either here or current in the
   * index; ask this before searching the index to miss nothing.
   */
  async pendingSearchSyncs(manager: EntityManager, index: SearchIndex): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT payload->>'id' AS id FROM outbox_messages
        WHERE delivered_at IS NULL AND kind = $1 AND payload->>'index' = $2`,
      [OutboxMessageKind.SearchSync, index],
    );
    return rows.map((row) => row.id);
  }
}
