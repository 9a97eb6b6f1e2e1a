import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { SearchClient } from './search-client.service.js';
import { SEARCH_PROJECTION, SearchIndex, type SearchProjection } from './search-index.js';

const TASK_TIMEOUT_MS = 60_000;

/**
 * Keeps Meilisearch equal to PostgreSQL, one index at a time (worker only). Called by the outbox relay with the ids
 * whose rows changed; every call is idempotent, so a retried delivery changes nothing twice.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchIndexer.name);
  private readonly projections = new Map<SearchIndex, SearchProjection>();
  private readonly settingsApplied = new Map<SearchIndex, Promise<void>>();

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

  /** Writes the current documents of `ids` to `index` and removes those that no longer belong there. */
  async sync(index: SearchIndex, ids: string[]): Promise<void> {
    const projection = this.projectionOf(index);
    await this.ensureSettings(projection);
    const documents = await projection.load(ids);
    const present = new Set(documents.map((document) => document.id));
    const gone = ids.filter((id) => !present.has(id));
    const target = this.search.index(index);
    const tasks: EnqueuedTaskPromise[] = [];
    if (documents.length > 0) tasks.push(target.addDocuments(documents, { primaryKey: 'id' }));
    if (gone.length > 0) tasks.push(target.deleteDocuments(gone));
    for (const task of tasks) await this.succeeded(task);
  }

  private projectionOf(index: SearchIndex): SearchProjection {
    const projection = this.projections.get(index);
    if (!projection) throw new Error(`No search projection for index "${index}"`);
    return projection;
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
   * One settings update, which also creates a missing index: the index never exists without its settings, so a
   * search cannot meet it half made (filtering on an attribute that is not filterable yet).
   */
  private async applySettings(projection: SearchProjection): Promise<void> {
    const uid = this.search.uid(projection.index);
    await this.succeeded(this.search.index(projection.index).updateSettings(projection.settings));
    this.logger.log({ message: 'Search index settings applied', index: uid });
  }

  private async succeeded(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS });
    if (done.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`,
      );
    }
  }
}
