export { DatabaseModule } from './database.module.js';
export { postgresOptions } from './postgres-options.js';
export { hasBeenMigrated, runMigrations } from './migrate.js';
export { advisoryXactLock } from './advisory-lock.js';
export { rowVersionSql } from './row-version.js';
