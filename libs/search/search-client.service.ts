import { Injectable, Logger } from '@nestjs/common';
import { Meilisearch, MeilisearchApiError, type Index, type SearchParams } from 'meilisearch';
import { AppConfig } from '#libs/config';
import {
  WORKER_ONLY_INDEXES,
  WORKER_ONLY_UID_PREFIX,
  type SearchDocument,
  type SearchIndex,
} from './search-index.js';

/**
 * Meilisearch's answers to a read that mean the index is not ready for it yet, not that the read is wrong: the worker
 * has not created the index, or has created it and not yet applied its settings. Meilisearch makes an index visible
 * as soon as the settings task that creates it starts, before the settings are in (seen in about a third of the
 * searches sent during that task), and a release's new settings are applied when its worker starts. Filters, facets
 * and sorts are written by our code from checked input, so these pass within seconds.
 */
const INDEX_NOT_READY = new Set([
  'index_not_found',
  'invalid_search_filter',
  'invalid_search_facets',
  'invalid_search_sort',
]);

/**
 * The Meilisearch error code when `error` says the index is not ready for the read yet (INDEX_NOT_READY): nothing to
 * find in it yet. Undefined for any other error.
 */
export function indexNotReady(error: unknown): string | undefined {
  const code = error instanceof MeilisearchApiError ? error.cause?.code : undefined;
  return code !== undefined && INDEX_NOT_READY.has(code) ? code : undefined;
}

/**
 * A Meilisearch client as the API and the worker use it (the benchmark's baselines too, to compare like with like).
 * Answers come uncompressed: Meilisearch runs beside the processes, where gzip only costs both sides CPU (it made an
 * employer search's answer take about three times as long, and the worker polls task states many times a second).
 */
export function meilisearchClient(host: string, apiKey: string): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: 5_000,
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
  });
}

/** Meilisearch with the process's scoped API key (never the master key) and the configured index prefix. */
@Injectable()
export class SearchClient {
  readonly meilisearch: Meilisearch;
  private readonly logger = new Logger(SearchClient.name);

  constructor(private readonly config: AppConfig) {
    this.meilisearch = meilisearchClient(config.search.url, config.search.apiKey);
  }

  uid(index: SearchIndex): string {
    const uid = `${this.config.search.indexPrefix}${index}`;
    return WORKER_ONLY_INDEXES.has(index) ? `${WORKER_ONLY_UID_PREFIX}${uid}` : uid;
  }

  index<D extends SearchDocument>(index: SearchIndex): Index<D> {
    return this.meilisearch.index<D>(this.uid(index));
  }

  /** The ids of the best hits, best first. An index the worker has not made ready yet has no hits. */
  async searchIds(index: SearchIndex, query: string, params: SearchParams): Promise<string[]> {
    try {
      const result = await this.index(index).search(query, { ...params, attributesToRetrieve: ['id'] });
      return result.hits.map((hit) => hit.id);
    } catch (error) {
      const code = indexNotReady(error);
      if (!code) throw error;
      // Not created yet is expected before the worker's first start; settings not applied should pass in seconds.
      if (code !== 'index_not_found')
        this.logger.warn({ message: 'Search index not ready yet', index, code });
      return [];
    }
  }
}
