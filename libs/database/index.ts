export { DatabaseModule } from './database.module.js';
export { postgresOptions } from './postgres-options.js';
export { runMigrations } from './migrate.js';
