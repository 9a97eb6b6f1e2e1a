import { Injectable } from '@nestjs/common';
import { Meilisearch, type Index } from 'meilisearch';
import { AppConfig } from '#libs/config';
import type { SearchDocument, SearchIndex } from './search-index.js';

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
    return `${this.config.search.indexPrefix}${index}`;
  }

  index<D extends SearchDocument>(index: SearchIndex): Index<D> {
    return this.meilisearch.index<D>(this.uid(index));
  }
}
