import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { JobName, JobStatus, OnJob } from '#libs/queue';
import { SearchClient } from './search-client.service.js';
import { documentPages } from './search-documents.js';
import { SEARCH_PROJECTION, SearchIndex, type SearchProjection } from './search-index.js';

const TASK_TIMEOUT_MS = 60_000;
/**
 * How often Meilisearch is asked whether a write is done: soon for a few documents (someone waits to see them), less
 * often for a bulk write, which takes seconds anyway and whose asking (several writes in flight, each asked every
 * 50 ms) took about a second of the worker's CPU per 200,000 documents, on the cores Meilisearch indexes on.
 */
const POLL_MS = 50;
const BULK_POLL_MS = 250;
const BULK_DOCUMENTS = 1_000;
/** Documents per Meilisearch request: a sync may write a whole population at once. */
const WRITE_CHUNK = 10_000;
/** Ids loaded from PostgreSQL at a time when rebuilding. */
const REBUILD_BATCH = 1_000;

/** What `npm run reindex` shows while it rebuilds. */
export interface RebuildProgress {
  begin(index: SearchIndex, documents: number): void;
  advance(documents: number): void;
  end(): void;
}

export interface RebuildReport {
  index: SearchIndex;
  written: number;
  removed: number;
}

/** What one write handed to Meilisearch: its tasks, the ids written and the ids removed, and what they were read from. */
interface Sent {
  tasks: EnqueuedTaskPromise[];
  written: string[];
  gone: string[];
  snapshot: unknown;
}

/** Settles every promise (none fails unobserved) and throws the first failure. */
async function allOrFirstError(promises: Promise<unknown>[]): Promise<void> {
  const failure = (await Promise.allSettled(promises)).find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Runs `step` once the previous step chained on `chains` for `index` has run, whether it succeeded or not. */
function afterPrevious<T>(
  chains: Map<SearchIndex, Promise<unknown>>,
  index: SearchIndex,
  step: () => Promise<T>,
): Promise<T> {
  const next = (chains.get(index) ?? Promise.resolve()).then(step, step);
  chains.set(
    index,
    next.catch(() => undefined),
  );
  return next;
}

/** Every id the projection has, walking `idsAfter` page by page. */
export async function allProjectedIds(projection: SearchProjection): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const page = await projection.idsAfter(after, REBUILD_BATCH);
    if (page.length === 0) return ids;
    ids.push(...page);
    after = page.at(-1)!;
  }
}

/**
 * Keeps Meilisearch equal to PostgreSQL, one index at a time (worker only). Called by the outbox relay with the ids
 * whose rows changed; every call is idempotent, so a retried delivery changes nothing twice.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchIndexer.name);
  private readonly projections = new Map<SearchIndex, SearchProjection>();
  private readonly settingsApplied = new Map<SearchIndex, Promise<void>>();
  /** The last send of each index, which the next one waits for. */
  private readonly sending = new Map<SearchIndex, Promise<unknown>>();
  /** The last confirmation of each index, which the next one waits for. */
  private readonly confirming = new Map<SearchIndex, Promise<unknown>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly search: SearchClient,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as SearchProjection | undefined;
      if (!instance?.constructor || !this.reflector.get(SEARCH_PROJECTION, instance.constructor)) continue;
      if (this.projections.has(instance.index))
        throw new Error(`Two search projections for index "${instance.index}"`);
      this.projections.set(instance.index, instance);
    }
    const missing = Object.values(SearchIndex).filter((index) => !this.projections.has(index));
    if (missing.length > 0) throw new Error(`No search projection for index(es): ${missing.join(', ')}`);
    // Create the indexes now, so that searches find an empty index rather than none; retried at the first sync.
    for (const projection of this.projections.values()) {
      this.ensureSettings(projection).catch((error: unknown) =>
        this.logger.warn({
          message: 'Search index not ready yet',
          index: projection.index,
          reason: String(error),
        }),
      );
    }
  }

  /**
   * Writes the current documents of `ids` (and of the ids the projection says changed with them) to `index` and
   * removes those that no longer belong there.
   */
  async sync(index: SearchIndex, ids: string[]): Promise<void> {
    const projection = this.projectionOf(index);
    await this.ensureSettings(projection);
    // Sending (read from PostgreSQL, hand to Meilisearch) runs after the previous send of the same index:
    // Meilisearch applies tasks in the order it received them, so a document read later is never overwritten by
    // one read earlier. Waiting for Meilisearch is not in that chain, so the outbox relay can keep several batches
    // in flight and Meilisearch indexes them together; but the projection is told in the order sent, so that an
    // earlier write confirmed late cannot overwrite what a later one recorded. The confirmation is returned inside
    // an object, so that the send chain (which awaits what the step returns) does not wait for it.
    let synced = ids;
    try {
      const { confirmed } = await afterPrevious(this.sending, index, async () => {
        const snapshot = await projection.snapshot?.();
        const affected = (await projection.affected?.(ids, snapshot)) ?? [];
        synced = [...new Set([...ids, ...affected])];
        const sent = await this.send(projection, synced, { snapshot });
        return { confirmed: afterPrevious(this.confirming, index, () => this.confirm(projection, sent)) };
      });
      await confirmed;
    } catch (error) {
      projection.failed?.(synced);
      throw error;
    }
  }

  /**
   * Makes the whole index equal to PostgreSQL (npm run reindex): applies the settings again, writes every document
   * the projection has and removes every other document. Idempotent.
   */
  async rebuild(index: SearchIndex, progress?: RebuildProgress): Promise<RebuildReport> {
    const projection = this.projectionOf(index);
    await this.applySettings(projection);
    const ids = await allProjectedIds(projection);
    progress?.begin(index, ids.length);
    let written = 0;
    for (let start = 0; start < ids.length; start += REBUILD_BATCH) {
      written += await this.write(projection, ids.slice(start, start + REBUILD_BATCH), true);
      progress?.advance(Math.min(REBUILD_BATCH, ids.length - start));
    }
    // What belongs there now: a profile published while this ran was written by the worker and stays.
    const wanted = new Set(await allProjectedIds(projection));
    const extra = (await this.indexedIds(index)).filter((id) => !wanted.has(id));
    for (let start = 0; start < extra.length; start += REBUILD_BATCH) {
      const removed = extra.slice(start, start + REBUILD_BATCH);
      await this.succeeded(this.search.index(index).deleteDocuments(removed));
      await projection.indexed?.([], removed);
    }
    progress?.end();
    return { index, written, removed: extra.length };
  }

  /**
   * Every night: documents whose content changed with the day (the employer view's age bands move at New Year) or
   * with a taxonomy import (labels) although no row of theirs did are written again; a sync of no ids compares them
   * all (SearchProjection.affected), and writes nothing on a day that changed none.
   */
  @OnJob(JobName.RefreshSearchIndexes)
  async refresh(): Promise<JobStatus> {
    for (const projection of this.projections.values()) {
      if (projection.affected) await this.sync(projection.index, []);
    }
    return JobStatus.Success;
  }

  /** Every projection, for the reconciliation check and reindexing. */
  get all(): SearchProjection[] {
    return [...this.projections.values()];
  }

  projectionOf(index: SearchIndex): SearchProjection {
    const projection = this.projections.get(index);
    if (!projection) throw new Error(`No search projection for index "${index}"`);
    return projection;
  }

  /** The ids of every document in `index` (none when the index does not exist yet). */
  async indexedIds(index: SearchIndex): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of documentPages(this.search, index, ['id'])) ids.push(...page.map((d) => d.id));
    return ids;
  }

  /**
   * Upserts the documents `load` returns for `ids` (with `exactly`: only those of `ids`) and removes the ids it left
   * out; tells the projection once Meilisearch confirmed. Returns how many documents were written.
   */
  private async write(projection: SearchProjection, ids: string[], exactly = false): Promise<number> {
    try {
      const snapshot = await projection.snapshot?.();
      return await this.confirm(projection, await this.send(projection, ids, { exactly, snapshot }));
    } catch (error) {
      projection.failed?.(ids);
      throw error;
    }
  }

  /**
   * Reads the documents of `ids` and hands them to Meilisearch (enqueued, not yet indexed), WRITE_CHUNK ids at a
   * time: each chunk is enqueued as soon as it is read, so Meilisearch starts on the first while the next is read,
   * and chunks that wait in its queue are indexed together in one batch.
   */
  private async send(
    projection: SearchProjection,
    ids: string[],
    { exactly = false, snapshot }: { exactly?: boolean; snapshot?: unknown } = {},
  ): Promise<Sent> {
    const sent: Sent = { tasks: [], written: [], gone: [], snapshot };
    const target = this.search.index(projection.index);
    const enqueue = (task: EnqueuedTaskPromise) => {
      // A request that fails while the next chunk is read is reported below, not as an unhandled rejection.
      task.catch(() => undefined);
      sent.tasks.push(task);
    };
    try {
      for (let start = 0; start < ids.length; start += WRITE_CHUNK) {
        const chunk = ids.slice(start, start + WRITE_CHUNK);
        const asked = new Set(chunk);
        const { ids: loaded, add } = await this.read(projection, chunk, snapshot);
        const present = new Set(exactly ? loaded.filter((id) => asked.has(id)) : loaded);
        const gone = chunk.filter((id) => !present.has(id));
        if (present.size > 0) enqueue(add((id) => present.has(id)));
        if (gone.length > 0) enqueue(target.deleteDocuments(gone));
        sent.written.push(...present);
        sent.gone.push(...gone);
      }
      projection.sent?.(sent.written, sent.gone, snapshot);
    } finally {
      // Every request settled before this send counts as done, so the next one cannot overtake it.
      await allOrFirstError(sent.tasks);
    }
    return sent;
  }

  /**
   * The documents of `ids` as the projection reads them, and how to add those of them that `keep` takes: as JSON
   * text unread when the projection builds its documents in PostgreSQL (NDJSON, one per line), else as objects.
   */
  private async read(
    projection: SearchProjection,
    ids: string[],
    snapshot: unknown,
  ): Promise<{ ids: string[]; add: (keep: (id: string) => boolean) => EnqueuedTaskPromise }> {
    const target = this.search.index(projection.index);
    if (projection.loadJson) {
      const rows = await projection.loadJson(ids);
      return {
        ids: rows.map((row) => row.id),
        add: (keep) =>
          target.addDocumentsFromString(
            rows
              .filter((row) => keep(row.id))
              .map((row) => row.document)
              .join('\n'),
            'application/x-ndjson',
            { primaryKey: 'id' },
          ),
      };
    }
    const documents = await projection.load(ids, snapshot);
    return {
      ids: documents.map((document) => document.id),
      add: (keep) =>
        target.addDocuments(
          documents.filter((document) => keep(document.id)),
          { primaryKey: 'id' },
        ),
    };
  }

  /** Waits until Meilisearch applied what `send` handed it, then tells the projection. */
  private async confirm(
    projection: SearchProjection,
    { tasks, written, gone, snapshot }: Sent,
  ): Promise<number> {
    const interval = written.length + gone.length < BULK_DOCUMENTS ? POLL_MS : BULK_POLL_MS;
    // Every task awaited (in the order sent, as Meilisearch applies them), so that none fails unobserved.
    await allOrFirstError(tasks.map((task) => this.succeeded(task, interval)));
    if (written.length > 0 || gone.length > 0) await projection.indexed?.(written, gone, snapshot);
    return written.length;
  }

  /** Creates the index and applies its settings once per process; retried on the next sync if it failed. */
  private ensureSettings(projection: SearchProjection): Promise<void> {
    let applied = this.settingsApplied.get(projection.index);
    if (!applied) {
      applied = this.applySettings(projection).catch((error: unknown) => {
        this.settingsApplied.delete(projection.index);
        throw error;
      });
      this.settingsApplied.set(projection.index, applied);
    }
    return applied;
  }

  /**
   * One settings update, which also creates a missing index. Meilisearch shows the new index while that task still
   * runs, before its settings are in: readers take the errors that gives for "not ready yet" (`indexNotReady`).
   */
  private async applySettings(projection: SearchProjection): Promise<void> {
    const uid = this.search.uid(projection.index);
    const settings = { ...projection.settings, ...(await projection.dataSettings?.()) };
    await this.succeeded(this.search.index(projection.index).updateSettings(settings));
    this.logger.log({ message: 'Search index settings applied', index: uid });
  }

  private async succeeded(task: EnqueuedTaskPromise, interval = POLL_MS): Promise<void> {
    const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS, interval });
    if (done.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`,
      );
    }
  }
}
