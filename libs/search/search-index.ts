import { SetMetadata } from '@nestjs/common';
import type { FilterableAttributes, Settings } from 'meilisearch';

/** Every Meilisearch index. Its uid is the name behind MEILI_INDEX_PREFIX. */
export enum SearchIndex {
  Organisations = 'organisations',
  /** The employer view of published competence profiles (libs/participants/search). */
  Profiles = 'profiles',
  /** Matching's retrieval index: the hard-constraint attributes of published profiles; worker only. */
  Candidates = 'candidates',
}

/**
 * Indexes only the worker may read: their uids start with WORKER_ONLY_UID_PREFIX ahead of MEILI_INDEX_PREFIX, outside
 * the pattern of the API's key, so that not even a bug in the API can search, filter or retrieve them.
 */
export const WORKER_ONLY_INDEXES: ReadonlySet<SearchIndex> = new Set([SearchIndex.Candidates]);
export { WORKER_ONLY_UID_PREFIX } from './index-uids.js';

export interface SearchDocument {
  id: string;
}

/** A document as JSON text, as PostgreSQL built it, with its id. */
export interface DocumentJson {
  id: string;
  document: string;
}

/**
 * How one index is filled from PostgreSQL. The worker keeps the index equal to what the projection says:
 * `SearchIndexer.sync(index, ids)` upserts every document `load` returns and removes the ids it asked for that
 * `load` left out (deleted, unpublished, erased).
 */
export interface SearchProjection<D extends SearchDocument = SearchDocument, S = unknown> {
  readonly index: SearchIndex;
  /** Applied by the worker before the first write to the index. */
  readonly settings: Settings;
  /**
   * The documents for those of `ids` that belong in the index now. It may also return documents of other ids whose
   * content changed because of these (they are upserted too); callers that want exactly `ids` filter the result.
   */
  load(ids: string[], snapshot?: S): Promise<D[]>;
  /**
   * What one sync reads once and hands to `affected` and to each of its `load`s (the anonymised population, whose
   * freshness check is a query of its own), instead of each of them reading it again. Read after the sync's messages
   * were claimed, so it is as new as the changes they announce. Without it, each call reads what it needs itself.
   */
  snapshot?(): Promise<S>;
  /**
   * `load`'s documents as JSON text, for a projection whose documents PostgreSQL builds whole: the indexer then
   * sends them to Meilisearch as they are, without parsing and serialising them again. `load` must return the same
   * documents, parsed.
   */
  loadJson?(ids: string[]): Promise<DocumentJson[]>;
  /**
   * Up to `limit` ids that belong in the index now, in ascending order, after `afterId` (null: from the start).
   * Reindexing and the reconciliation check walk the whole index with it, page by page.
   */
  idsAfter(afterId: string | null, limit: number): Promise<string[]>;
  /** Settings that depend on data (synonyms from the taxonomy), merged over `settings` when they are applied. */
  dataSettings?(): Promise<Settings>;
  /**
   * Ids besides `ids` whose documents changed because of the same change (a profile generalised differently after
   * another one was published). They are synced with `ids`: written when `load` returns them, else removed.
   */
  affected?(ids: string[], snapshot?: S): Promise<string[]>;
  /** Called once a sync's documents were handed to Meilisearch (not yet applied): the ids written and removed. */
  sent?(written: string[], removed: string[], snapshot?: S): void;
  /**
   * Called once Meilisearch confirmed a sync: the ids of the documents written and of those removed, and the snapshot
   * they were loaded from.
   */
  indexed?(written: string[], removed: string[], snapshot?: S): Promise<void>;
  /** Called when a sync of these ids failed (not sent, or not applied): what `load` expected of them may not hold. */
  failed?(ids: string[]): void;
}

export const SEARCH_PROJECTION = 'matchbron:search-projection';

/** Marks a provider as the projection of an index; the worker finds it at start. */
export const AsSearchProjection = () => SetMetadata(SEARCH_PROJECTION, true);

/**
 * Filterable attributes with only the filter features they are used with: `equality` (=, IN, IS NULL, facet counts)
 * or also `comparison` (<, >=, …); facet search (the /facet-search route) for none. Meilisearch then builds fewer
 * structures per document, which makes every write cheaper.
 */
export function filterableAttributes(attributes: {
  equality: readonly string[];
  comparison: readonly string[];
}): FilterableAttributes {
  const features = (comparison: boolean) => ({ facetSearch: false, filter: { equality: true, comparison } });
  return [
    { attributePatterns: [...attributes.equality], features: features(false) },
    { attributePatterns: [...attributes.comparison], features: features(true) },
  ];
}
