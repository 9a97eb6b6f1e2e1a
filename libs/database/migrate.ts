import pg from 'pg';
import { DataSource } from 'typeorm';
import { postgresOptions } from './postgres-options.js';

/** Arbitrary constant: one advisory lock so that two processes never migrate the same database at once. */
const MIGRATION_LOCK = 7_204_118_331;

/** Runs pending migrations and returns their names. Safe to call from several processes at once. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...postgresOptions(databaseUrl, 1), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Whether the database has been migrated before (its migrations table exists): false for a database made just now. */
export async function hasBeenMigrated(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migrated: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS migrated',
      [postgresOptions(databaseUrl, 1).migrationsTableName],
    );
    return rows[0]!.migrated;
  } finally {
    await client.end();
  }
}
