import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { TypeOrmLogger } from './typeorm-logger.js';

/**
 * The one place PostgreSQL connection options are defined. The schema changes only through `migrations/`:
 * `synchronize` stays off everywhere (a test asserts it), and migrations run as a separate step, never at boot.
 *
 * `parallelWorkers` is PostgreSQL's `max_parallel_workers_per_gather` for these connections (the server's own setting
 * when not given or negative: no startup option is sent then, for a pooler such as PgBouncer that refuses one). The
 * API's and the worker's queries are small or read a few thousand rows by id; a parallel plan for them costs about
 * twice the CPU for little or no gain in time, on the cores Meilisearch and the processes share (README,
 * Configuration).
 */
export function postgresOptions(url: string, poolSize = 10, parallelWorkers?: number): DataSourceOptions {
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
    extra: {
      max: poolSize,
      application_name: 'matchbron',
      ...(parallelWorkers !== undefined &&
        parallelWorkers >= 0 && { options: sessionOptions(parallelWorkers) }),
    },
    logger: new TypeOrmLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1_000,
  };
}

/** The startup `options`: PGOPTIONS (which node-postgres reads only when none are given) and the parallel workers. */
function sessionOptions(parallelWorkers: number): string {
  return [process.env.PGOPTIONS, `-c max_parallel_workers_per_gather=${parallelWorkers}`]
    .filter(Boolean)
    .join(' ');
}
