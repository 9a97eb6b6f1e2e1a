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
      const predicateOf = async (index: string, runner = dataSource.manager) =>
        (
          (await runner.query(
            `SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate
               FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`,
            [index],
          )) as Array<{ predicate: string | null }>
        )[0]?.predicate;
      const partial = dataSource.entityMetadatas.flatMap((metadata) =>
        metadata.indices.map((index) => ({ metadata, index })),
      );
      expect(partial.filter(({ index }) => index.where).length).toBeGreaterThanOrEqual(3);
      for (const { metadata, index } of partial) {
        const migrated = await predicateOf(index.name!);
        expect([index.name, migrated === undefined ? 'missing' : 'present']).toEqual([index.name, 'present']);
        if (!index.where) {
          expect([index.name, migrated]).toEqual([index.name, null]);
          continue;
        }
        // The entity's WHERE as PostgreSQL writes it: an index made with it, in a transaction rolled back.
        const runner = dataSource.createQueryRunner();
        await runner.startTransaction();
        try {
          await runner.query(
            `CREATE INDEX "where_check" ON "${metadata.tableName}" ("${index.columns[0]!.databaseName}") WHERE ${index.where}`,
          );
          const declared = await predicateOf('where_check', runner.manager);
          expect([index.name, migrated]).toEqual([index.name, declared]);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
