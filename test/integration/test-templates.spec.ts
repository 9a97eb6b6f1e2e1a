import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from '../../scripts/dev-services/index.js';
import { dropUnusedTemplates, TEMPLATE_LOCK } from '../support/test-environment.js';

/** The clean-up of test template databases that test-environment.ts runs after it made a new template. */
describe('test template clean-up', () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  const id = randomBytes(3).toString('hex');
  const name = (what: string) => `mbtpl_zz${id}_${what}`;
  const fourHoursAgo = Date.now() - 4 * 3_600_000;
  let session: pg.Client | undefined;

  const exists = async (database: string) =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;

  beforeAll(async () => {
    await admin.connect();
    for (const what of ['template', 'halfBuilt', 'building', 'busy'])
      await admin.query(`CREATE DATABASE "${name(what)}"`);
    for (const what of ['template', 'halfBuilt', 'busy'])
      await admin.query(
        `COMMENT ON DATABASE "${name(what)}" IS 'matchbron test template, used ${fourHoursAgo}'`,
      );
    await admin.query(`ALTER DATABASE "${name('template')}" WITH IS_TEMPLATE true`);
    // A run of another version of this code building it right now.
    session = new pg.Client({ connectionString: databaseUrl(process.env.TEST_POSTGRES_URL!, name('busy')) });
    await session.connect();
  });

  afterAll(async () => {
    await session?.end();
    for (const what of ['template', 'halfBuilt', 'building', 'busy']) {
      await admin.query(`ALTER DATABASE "${name(what)}" WITH IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name(what)}" WITH (FORCE)`);
    }
    await admin.end();
  });

  it('drops old templates and old half-built ones, and keeps one being built', async () => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const dropped = await dropUnusedTemplates(admin, 'mbtpl_current');
      expect(dropped).toEqual(expect.arrayContaining([name('template'), name('halfBuilt')]));
      expect(dropped).not.toContain(name('building'));
      expect(dropped).not.toContain(name('busy'));
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
    expect(await exists(name('template'))).toBe(false);
    expect(await exists(name('halfBuilt'))).toBe(false);
    // Its files changed just now: a build in progress, or one killed less than three hours ago.
    expect(await exists(name('building'))).toBe(true);
    // Old by its comment, but a session is open on it.
    expect(await exists(name('busy'))).toBe(true);
  });
});
