import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SearchClient } from './search-client.service.js';
import { SearchIndexer } from './search-indexer.service.js';
import { SearchReconciliation } from './search-reconciliation.service.js';

/** Reading from Meilisearch; imported by every process. */
@Global()
@Module({ providers: [SearchClient], exports: [SearchClient] })
export class SearchModule {}

/** Writing to Meilisearch, and the reconciliation check; imported by the worker and the search scripts only. */
@Module({
  imports: [DiscoveryModule],
  providers: [SearchIndexer, SearchReconciliation],
  exports: [SearchIndexer, SearchReconciliation],
})
export class SearchIndexingModule {}
