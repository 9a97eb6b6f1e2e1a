import { provisionScopedKeys } from './dev-services/index.js';

// `node dist/scripts/create-search-keys.js`: creates (or finds) the scoped Meilisearch keys for the API and the
// worker with the master key, and prints them for your secrets store. The processes never get the master key.
const { MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX = '' } = process.env;
if (!MEILI_URL || !MEILI_MASTER_KEY) {
  console.error('MEILI_URL and MEILI_MASTER_KEY are required');
  process.exit(1);
}
const keys = await provisionScopedKeys(MEILI_URL, MEILI_MASTER_KEY, `${MEILI_INDEX_PREFIX}*`);
console.log(`MEILI_API_KEY for the API (search only):       ${keys.api}`);
console.log(`MEILI_API_KEY for the worker (documents, settings): ${keys.worker}`);
