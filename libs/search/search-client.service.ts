import { Injectable } from '@nestjs/common';
import { Meilisearch, MeilisearchApiError, type Index, type SearchParams } from 'meilisearch';
import { AppConfig } from '#libs/config';
import {
  WORKER_ONLY_INDEXES,
  WORKER_ONLY_UID_PREFIX,
  type SearchDocument,
  type SearchIndex,
} from './search-index.js';

/** Meilisearch with the process's scoped API key (never the master key) and the configured index prefix. */
@Injectable()
export class SearchClient {
  readonly meilisearch: Meilisearch;

  constructor(private readonly config: AppConfig) {
    this.meilisearch = new Meilisearch({
      host: config.search.url,
      apiKey: config.search.apiKey,
      timeout: 5_000,
    });
  }

  uid(index: SearchIndex): string {
    const uid = `${this.config.search.indexPrefix}${index}`;
    return WORKER_ONLY_INDEXES.has(index) ? `${WORKER_ONLY_UID_PREFIX}${uid}` : uid;
  }

  index<D extends SearchDocument>(index: SearchIndex): Index<D> {
    return this.meilisearch.index<D>(this.uid(index));
  }

  /** The ids of the best hits, best first. An index the worker has not created yet has no hits. */
  async searchIds(index: SearchIndex, query: string, params: SearchParams): Promise<string[]> {
    try {
      const result = await this.index(index).search(query, { ...params, attributesToRetrieve: ['id'] });
      return result.hits.map((hit) => hit.id);
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return [];
      throw error;
    }
  }
}
