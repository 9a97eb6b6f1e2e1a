/**
 * Indexes only the worker may read have uids starting with this, ahead of MEILI_INDEX_PREFIX, outside the pattern of
 * the API's key. Kept free of imports: the service scripts (scripts/dev-services) read it before anything is compiled.
 */
export const WORKER_ONLY_UID_PREFIX = 'worker_';
