import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { TypeOrmLogger } from './typeorm-logger.js';

/**
 * The one place PostgreSQL connection options are defined. The schema changes only through `migrations/`:
 * `synchronize` stays off everywhere (a test asserts it), and migrations run as a separate step, never at boot.
 */
export function postgresOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'matchbron' },
    logger: new TypeOrmLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1_000,
  };
}
