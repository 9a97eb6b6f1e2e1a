import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource, getMetadataArgsStorage, type DataSourceOptions } from 'typeorm';
import { postgresOptions } from '#libs/database';
import { migrations } from '../../migrations/index.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** Every entity of the system: every `*.entity.ts` under libs/. */
async function allEntities(): Promise<NonNullable<DataSourceOptions['entities']> & unknown[]> {
  const files = (await readdir('libs', { recursive: true })).filter((file) => file.endsWith('.entity.ts'));
  for (const file of files) await import(resolve('libs', file));
  return getMetadataArgsStorage().tables.map((table) => table.target);
}

/** A partial index's predicate as PostgreSQL and an entity may both write it: without casts, parentheses or case. */
function predicate(sql: string): string {
  return sql
    .replace(/::[a-z_]+/gi, '')
    .replace(/[()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

describe('database schema', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await createTestEnvironment();
  });

  afterAll(() => environment?.destroy());

  it('never synchronises the schema from the entities, nor migrates at boot', () => {
    const options = postgresOptions('postgres://localhost/x');
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
  });

  it("runs the processes' queries with the configured number of parallel workers, the server default elsewhere", async () => {
    const setting = async (parallelWorkers?: number) => {
      const dataSource = new DataSource(postgresOptions(environment.databaseUrl, 1, parallelWorkers));
      await dataSource.initialize();
      try {
        const [row] = (await dataSource.query('SHOW max_parallel_workers_per_gather')) as Array<
          Record<string, string>
        >;
        return row!.max_parallel_workers_per_gather;
      } finally {
        await dataSource.destroy();
      }
    };
    const serverDefault = await setting();
    expect(await setting(0)).toBe('0');
    expect(await setting(3)).toBe('3');
    expect(serverDefault).not.toBe('3');
    expect(await setting(-1)).toBe(serverDefault);
    // PGOPTIONS (which node-postgres drops when options are given) is kept beside the setting.
    const before = process.env.PGOPTIONS;
    process.env.PGOPTIONS = '-c statement_timeout=12345';
    try {
      const dataSource = new DataSource(postgresOptions(environment.databaseUrl, 1, 3));
      await dataSource.initialize();
      try {
        expect(await dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '12345ms' }]);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      if (before === undefined) delete process.env.PGOPTIONS;
      else process.env.PGOPTIONS = before;
    }
  });

  it('lists every migration file in migrations/index.ts, in order', async () => {
    const files = (await readdir('migrations')).filter((file) => /^\d+-.+\.ts$/.test(file)).sort();
    const listed = migrations.map((migration) => {
      const name = new migration().name ?? migration.name;
      return name.replace(/^(\D+)(\d+)$/, '$2-$1');
    });
    expect(listed).toEqual(files.map((file) => file.replace(/\.ts$/, '')));
  });

  it('matches the entities exactly after the migrations (nothing left for migration:generate)', async () => {
    const entities = await allEntities();
    expect(entities.length).toBeGreaterThanOrEqual(4);
    const dataSource = new DataSource({ ...postgresOptions(environment.databaseUrl, 1), entities });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  // TypeORM's comparison above looks at an index's columns and uniqueness, not at the WHERE of a partial index.
  it("gives every entity index the entity's WHERE after the migrations, and none to an index without one", async () => {
    const entities = await allEntities();
    const dataSource = new DataSource({ ...postgresOptions(environment.databaseUrl, 1), entities });
    await dataSource.initialize();
    try {
      const declared = dataSource.entityMetadatas.flatMap((metadata) =>
        metadata.indices.map((index) => ({
          table: metadata.tableName,
          index: index.name,
          where: index.where ? predicate(index.where) : null,
        })),
      );
      expect(declared.filter((index) => index.where !== null).length).toBeGreaterThanOrEqual(3);
      const rows = await environment.sql(
        `SELECT t.relname AS table, c.relname AS index, pg_get_expr(i.indpred, i.indrelid) AS where
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
          WHERE c.relname = ANY($1::text[])`,
        [declared.map((index) => index.index)],
      );
      const migrated = rows.map((row) => ({
        table: row.table as string,
        index: row.index as string,
        where: row.where ? predicate(row.where as string) : null,
      }));
      const byName = (a: { index: string }, b: { index: string }) => a.index.localeCompare(b.index);
      expect(migrated.sort(byName)).toEqual(declared.sort(byName));
    } finally {
      await dataSource.destroy();
    }
  });
});
