import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SearchClient } from './search-client.service.js';
import { SearchIndexer } from './search-indexer.service.js';

/** Reading from Meilisearch; imported by every process. */
@Global()
@Module({ providers: [SearchClient], exports: [SearchClient] })
export class SearchModule {}

/** Writing to Meilisearch; imported by the worker only. */
@Module({ imports: [DiscoveryModule], providers: [SearchIndexer], exports: [SearchIndexer] })
export class SearchIndexingModule {}
