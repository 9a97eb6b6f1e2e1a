export { SearchModule, SearchIndexingModule } from './search.module.js';
export { SearchClient, indexNotReady, meilisearchClient } from './search-client.service.js';
export {
  SearchIndexer,
  allProjectedIds,
  type RebuildProgress,
  type RebuildReport,
} from './search-indexer.service.js';
export { SearchReconciliation, hasDrift, type IndexDrift } from './search-reconciliation.service.js';
export { canonicalJson, documentHash, documentPages } from './search-documents.js';
export {
  SearchIndex,
  WORKER_ONLY_INDEXES,
  WORKER_ONLY_UID_PREFIX,
  AsSearchProjection,
  filterableAttributes,
  type SearchProjection,
  type SearchDocument,
  type DocumentJson,
} from './search-index.js';
