import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SearchClient } from './search-client.service.js';
import { documentHash, documentPages } from './search-documents.js';
import type { SearchIndex } from './search-index.js';
import { allProjectedIds, SearchIndexer } from './search-indexer.service.js';

/** Ids loaded from PostgreSQL at a time. */
const LOAD_BATCH = 500;
const SETTLE_TIMEOUT_MS = 60_000;

/** How one index differs from what PostgreSQL says it should hold. */
export interface IndexDrift {
  index: SearchIndex;
  /** Documents the projection builds from PostgreSQL now. */
  postgres: number;
  /** Documents in Meilisearch. */
  meilisearch: number;
  /** In PostgreSQL, not in Meilisearch. */
  missing: number;
  /** In Meilisearch, not in PostgreSQL. */
  extra: number;
  /** On both sides with other content. */
  different: number;
  /** A hash over every (id, content hash) pair of each side: equal when the sides hold the same documents. */
  postgresHash: string;
  meilisearchHash: string;
}

export function hasDrift(drift: IndexDrift): boolean {
  return drift.missing + drift.extra + drift.different > 0;
}

/**
 * The reconciliation check (`npm run search:check`, and tests): compares every index with the documents its
 * projection builds from PostgreSQL, by count and by content hash. Needs the worker's key (it reads documents).
 * Writes nothing; Meilisearch tasks still running are waited for first, so that only real drift is reported.
 */
@Injectable()
export class SearchReconciliation {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly search: SearchClient,
  ) {}

  async checkAll(): Promise<IndexDrift[]> {
    const drifts: IndexDrift[] = [];
    for (const projection of this.indexer.all) drifts.push(await this.check(projection.index));
    return drifts;
  }

  async check(index: SearchIndex): Promise<IndexDrift> {
    const projection = this.indexer.projectionOf(index);
    await this.settled(index);
    const expected = new Map<string, string>();
    const ids = await allProjectedIds(projection);
    for (let start = 0; start < ids.length; start += LOAD_BATCH) {
      const asked = new Set(ids.slice(start, start + LOAD_BATCH));
      for (const document of await projection.load([...asked]))
        if (asked.has(document.id)) expected.set(document.id, documentHash(document));
    }
    const actual = new Map<string, string>();
    for await (const page of documentPages(this.search, index))
      for (const document of page) actual.set(document.id, documentHash(document));
    let missing = 0;
    let different = 0;
    for (const [id, hash] of expected) {
      const indexed = actual.get(id);
      if (indexed === undefined) missing += 1;
      else if (indexed !== hash) different += 1;
    }
    const extra = [...actual.keys()].filter((id) => !expected.has(id)).length;
    return {
      index,
      postgres: expected.size,
      meilisearch: actual.size,
      missing,
      extra,
      different,
      postgresHash: hashOfAll(expected),
      meilisearchHash: hashOfAll(actual),
    };
  }

  /** Waits until Meilisearch has no task of `index` enqueued or processing. */
  private async settled(index: SearchIndex): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const { results } = await this.search.meilisearch.tasks.getTasks({
        indexUids: [this.search.uid(index)],
        statuses: ['enqueued', 'processing'],
        limit: 1,
      });
      if (results.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function hashOfAll(documents: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const id of [...documents.keys()].sort()) hash.update(`${id}\t${documents.get(id)}\n`);
  return hash.digest('hex').slice(0, 16);
}
