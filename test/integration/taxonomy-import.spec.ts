import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtInTaxonomyDirectory,
  consoleProgress,
  formatTaxonomyReport,
  importTaxonomy,
  resolveTaxonomySource,
  sharedTaxonomyDirectory,
  TAXONOMY_FILES,
  TaxonomyImportError,
  type TaxonomyImportReport,
  type TaxonomySource,
} from '#libs/taxonomy';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** Every table the import writes, in its order. */
const TABLES = [
  'taxonomy_counties',
  'taxonomy_municipalities',
  'taxonomy_occupation_groups',
  'taxonomy_occupations',
  'taxonomy_occupation_substitutions',
  'taxonomy_skills',
  'taxonomy_languages',
  'taxonomy_education_levels',
  'taxonomy_driving_licences',
];

/** The data rows of each file of the shared export, as SOURCES.md lists them. */
const SHARED_ROWS: Record<string, number> = {
  taxonomy_counties: 21,
  taxonomy_municipalities: 290,
  taxonomy_occupation_groups: 603,
  taxonomy_occupations: 2412,
  taxonomy_occupation_substitutions: 8324,
  taxonomy_skills: 6657,
  taxonomy_languages: 470,
  taxonomy_education_levels: 71,
  taxonomy_driving_licences: 15,
};

const SHARED = sharedTaxonomyDirectory();
const BUILT_IN: TaxonomySource = { directory: builtInTaxonomyDirectory(), origin: 'built-in' };
const withSharedData = existsSync(SHARED) ? it : it.skip;

describe('taxonomy import', () => {
  let environment: TestEnvironment;
  const temporary: string[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment();
  });

  afterAll(async () => {
    for (const directory of temporary) await rm(directory, { recursive: true, force: true });
    await environment?.destroy();
  });

  /** The test database starts from the template, which holds the taxonomy already: empty it. */
  async function emptyTaxonomy(): Promise<void> {
    await environment.sql(`TRUNCATE ${TABLES.join(', ')}, taxonomy_imports CASCADE`);
  }

  async function counts(): Promise<Record<string, number>> {
    const [row] = await environment.sql(
      `SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
    );
    return row as Record<string, number>;
  }

  /** A digest of every row of every taxonomy table. */
  async function contents(): Promise<string[]> {
    const digests: string[] = [];
    for (const table of TABLES) {
      const [{ digest }] = await environment.sql(
        `SELECT md5(coalesce(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text), '')) AS digest
         FROM ${table} t`,
      );
      digests.push(`${table}:${digest}`);
    }
    return digests;
  }

  function load(
    source: TaxonomySource,
    options: { ifChanged?: boolean } = {},
  ): Promise<TaxonomyImportReport> {
    return importTaxonomy({ databaseUrl: environment.databaseUrl, source, ...options });
  }

  /** A copy of the built-in subset to break. */
  async function subsetCopy(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), 'matchbron-taxonomy-'));
    temporary.push(directory);
    await cp(BUILT_IN.directory, directory, { recursive: true });
    return directory;
  }

  async function dataRows(directory: string, file: string): Promise<number> {
    return (await readFile(join(directory, file), 'utf8')).trimEnd().split('\n').length - 1;
  }

  withSharedData('loads the full shared data and reports the rows of every file', async () => {
    await emptyTaxonomy();
    const report = await load({ directory: SHARED, origin: 'shared' });

    const byTable = Object.fromEntries(report.tables.map((table) => [table.table, table]));
    expect(report.tables.map((table) => table.table)).toEqual(TABLES);
    for (const table of TABLES) {
      expect([table, byTable[table].rows, byTable[table].inserted]).toEqual([
        table,
        SHARED_ROWS[table],
        SHARED_ROWS[table] - byTable[table].skipped,
      ]);
    }
    const substitutions = byTable.taxonomy_occupation_substitutions;
    expect(substitutions.inserted + substitutions.skipped).toBe(8324);
    expect(await counts()).toEqual(
      Object.fromEntries(TABLES.map((table) => [table, SHARED_ROWS[table] - byTable[table].skipped])),
    );

    const printed = formatTaxonomyReport(report);
    expect(printed).toContain(SHARED);
    expect(printed).toMatch(/taxonomy_occupations\s+2412\s+2412\s+0\s+0\s+0/);
    expect(printed).toMatch(/taxonomy_skills\s+6657\s+6657/);

    // Spot checks: the codes beside the ids, and a level 4 definition.
    expect(
      await environment.sql(
        `SELECT m.municipality_code, m.label, c.county_code FROM taxonomy_municipalities m
         JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id WHERE m.concept_id = 'XWKY_c49_5nv'`,
      ),
    ).toEqual([{ municipality_code: '0114', label: 'Upplands Väsby', county_code: '01' }]);
    const [group] = await environment.sql(
      `SELECT g.ssyk_code, g.level, g.definition IS NOT NULL AS defined FROM taxonomy_occupations o
       JOIN taxonomy_occupation_groups g ON g.concept_id = o.group_concept_id WHERE o.label = 'Barnskötare'`,
    );
    expect(group).toEqual({ ssyk_code: '5311', level: 4, defined: true });
  });

  withSharedData('changes nothing when run twice, and skips a known source when asked', async () => {
    const source: TaxonomySource = { directory: SHARED, origin: 'shared' };
    await load(source);
    const before = await contents();

    const again = await load(source);
    expect(again.tables.map(({ table, inserted, updated }) => [table, inserted + updated])).toEqual(
      TABLES.map((table) => [table, 0]),
    );
    for (const table of again.tables) expect(table.unchanged).toBe(table.rows - table.skipped);
    expect(await contents()).toEqual(before);

    const skipped = await load(source, { ifChanged: true });
    expect(skipped.unchanged).toBe(true);
    expect(formatTaxonomyReport(skipped)).toContain('unchanged');
  });

  it('loads the built-in subset, with plain progress lines when not on a terminal', async () => {
    await emptyTaxonomy();
    const lines: string[] = [];
    const stream = {
      isTTY: false,
      write: (chunk: string) => lines.push(chunk),
    } as unknown as NodeJS.WriteStream;
    const report = await importTaxonomy({
      databaseUrl: environment.databaseUrl,
      source: BUILT_IN,
      progress: consoleProgress(stream),
    });

    for (const { table, file, rows, inserted, skipped } of report.tables) {
      expect([table, rows, inserted, skipped]).toEqual([
        table,
        await dataRows(BUILT_IN.directory, file),
        rows,
        0,
      ]);
    }
    const loaded = await counts();
    expect(loaded.taxonomy_counties).toBe(21);
    expect(loaded.taxonomy_driving_licences).toBe(15);
    expect(loaded.taxonomy_occupations).toBeGreaterThanOrEqual(25);
    expect(loaded.taxonomy_occupations).toBeLessThanOrEqual(40);
    expect(loaded.taxonomy_skills).toBeGreaterThanOrEqual(60);
    expect(loaded.taxonomy_skills).toBeLessThanOrEqual(120);
    // The demo organisations' municipalities, and every occupation's group at all four levels.
    expect(
      await environment.sql(
        `SELECT municipality_code, label FROM taxonomy_municipalities
         WHERE municipality_code IN ('0120', '0180') ORDER BY 1`,
      ),
    ).toEqual([
      { municipality_code: '0120', label: 'Värmdö' },
      { municipality_code: '0180', label: 'Stockholm' },
    ]);
    const [{ orphans }] = await environment.sql(
      `SELECT count(*)::int AS orphans FROM taxonomy_occupations o
       JOIN taxonomy_occupation_groups g ON g.concept_id = o.group_concept_id
       WHERE EXISTS (SELECT 1 FROM generate_series(1, 3) AS level WHERE NOT EXISTS (
         SELECT 1 FROM taxonomy_occupation_groups p WHERE p.ssyk_code = left(g.ssyk_code, level)))`,
    );
    expect(orphans).toBe(0);

    expect(lines[0]).toMatch(/importing \d+ rows/);
    expect(lines.slice(1).map((line) => line.split(' ')[1])).toEqual(TABLES);
  });

  it('finds the built-in subset when neither TAXONOMY_DIR nor the shared data is there', () => {
    expect(resolveTaxonomySource({}, join(tmpdir(), 'no-such-shared-taxonomy'))).toEqual(BUILT_IN);
    expect(resolveTaxonomySource({ TAXONOMY_DIR: BUILT_IN.directory }).origin).toBe('TAXONOMY_DIR');
    expect(() => resolveTaxonomySource({ TAXONOMY_DIR: join(tmpdir(), 'no-such-taxonomy') })).toThrow(
      /TAXONOMY_DIR=.*no-such-taxonomy.* is not a directory/,
    );
  });

  it('refuses a directory without the files, naming them', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'matchbron-taxonomy-empty-'));
    temporary.push(empty);
    const source = resolveTaxonomySource({ TAXONOMY_DIR: empty });
    const error = await load(source).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaxonomyImportError);
    expect((error as Error).message).toContain(`Missing taxonomy files in ${empty}: counties_se.csv`);
    for (const file of Object.values(TAXONOMY_FILES)) expect((error as Error).message).toContain(file);
  });

  it.each<[string, string, (content: string) => string, RegExp]>([
    [
      'a row with a missing field',
      TAXONOMY_FILES.skills,
      (content) => `${content}abcd_efg_hij\n`,
      /^skills_jobtech\.csv: not valid CSV: .*line \d+/,
    ],
    [
      'a missing column',
      TAXONOMY_FILES.municipalities,
      (content) => content.replace('county_concept_id', 'county_id'),
      /^municipalities_se\.csv: missing column county_concept_id \(the header has /,
    ],
    [
      'a malformed kommunkod',
      TAXONOMY_FILES.municipalities,
      (content) => content.replace('\n0120,', '\n120,'),
      /^municipalities_se\.csv, line \d+: municipality_code must be a kommunkod of 4 digits, got "120"$/,
    ],
    [
      'a concept id twice',
      TAXONOMY_FILES.languages,
      (content) => `${content}${content.split('\n')[1]}\n`,
      /^languages_jobtech\.csv, line \d+: .* appears twice \(first on line 2\)$/,
    ],
    [
      'an occupation under an unknown SSYK group',
      TAXONOMY_FILES.occupations,
      (content) => `${content}abcd_efg_hij,Provyrke,5311,zzzz_zzz_zzz,false\n`,
      /^occupation_names_jobtech\.csv: 1 row\(s\) refer to a SSYK group .* zzzz_zzz_zzz$/,
    ],
  ])('refuses %s with an error naming the file, and loads nothing', async (_case, file, breakIt, message) => {
    await emptyTaxonomy();
    const directory = await subsetCopy();
    await writeFile(join(directory, file), breakIt(await readFile(join(directory, file), 'utf8')));
    const error = await load({ directory, origin: 'TAXONOMY_DIR' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaxonomyImportError);
    expect((error as Error).message).toMatch(message);
    expect(Object.values(await counts())).toEqual(TABLES.map(() => 0));
  });

  it('skips substitutions that name an occupation outside the taxonomy, and counts them', async () => {
    await emptyTaxonomy();
    const directory = await subsetCopy();
    await appendFile(
      join(directory, TAXONOMY_FILES.substitutions),
      'rM7G_ge7_XhP,Barnskötare,fsDP_fPf_xfC,Officer,25\n',
    );
    const report = await load({ directory, origin: 'TAXONOMY_DIR' });
    const substitutions = report.tables.find((table) => table.table === 'taxonomy_occupation_substitutions')!;
    expect(substitutions.skipped).toBe(1);
    expect(substitutions.inserted).toBe(substitutions.rows - 1);
    expect((await counts()).taxonomy_occupation_substitutions).toBe(substitutions.rows - 1);
  });
});
