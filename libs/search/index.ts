export { SearchModule, SearchIndexingModule } from './search.module.js';
export { SearchClient } from './search-client.service.js';
export { SearchIndexer } from './search-indexer.service.js';
export {
  SearchIndex,
  AsSearchProjection,
  type SearchProjection,
  type SearchDocument,
} from './search-index.js';
