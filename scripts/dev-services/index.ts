export { findOrStartPostgres, ensureDatabase, databaseUrl, canConnect } from './postgres.js';
export { findRedis, canPing } from './redis.js';
export {
  DEFAULT_MAX_INDEXING_MEMORY,
  findOrStartMeilisearch,
  isHealthy,
  freePort,
  type RunningMeilisearch,
} from './meilisearch.js';
export { provisionScopedKeys, type ScopedKeys } from './meilisearch-keys.js';
export type { RunningService } from './running-service.js';
