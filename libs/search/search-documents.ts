import { createHash } from 'node:crypto';
import { MeilisearchApiError } from 'meilisearch';
import type { SearchClient } from './search-client.service.js';
import type { SearchDocument, SearchIndex } from './search-index.js';

const PAGE = 1_000;

/** The documents of `index`, a page at a time (`fields`: only those); nothing when the index does not exist. */
export async function* documentPages(
  search: SearchClient,
  index: SearchIndex,
  fields?: (keyof SearchDocument)[],
): AsyncGenerator<SearchDocument[]> {
  for (let offset = 0; ; offset += PAGE) {
    let results: SearchDocument[];
    try {
      ({ results } = await search
        .index(index)
        .getDocuments({ offset, limit: PAGE, ...(fields && { fields }) }));
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return;
      throw error;
    }
    if (results.length > 0) yield results;
    if (results.length < PAGE) return;
  }
}

/** JSON with object keys sorted at every depth: the same content gives the same text wherever it was read. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short content hash of one document. */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('base64url').slice(0, 22);
}
