import { SetMetadata } from '@nestjs/common';
import type { Settings } from 'meilisearch';

/** Every Meilisearch index. Its uid is the name behind MEILI_INDEX_PREFIX. */
export enum SearchIndex {
  Organisations = 'organisations',
}

export interface SearchDocument {
  id: string;
}

/**
 * How one index is filled from PostgreSQL. The worker keeps the index equal to what `load` returns:
 * an id that `load` leaves out (deleted, unpublished, erased) is removed from the index.
 */
export interface SearchProjection<D extends SearchDocument = SearchDocument> {
  readonly index: SearchIndex;
  /** Applied by the worker before the first write to the index. */
  readonly settings: Settings;
  /** The documents for those of `ids` that belong in the index now. */
  load(ids: string[]): Promise<D[]>;
}

export const SEARCH_PROJECTION = 'matchbron:search-projection';

/** Marks a provider as the projection of an index; the worker finds it at start. */
export const AsSearchProjection = () => SetMetadata(SEARCH_PROJECTION, true);
