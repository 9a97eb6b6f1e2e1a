import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { assertUnique, parseCsv, type CsvRow } from './taxonomy-csv.js';
import { TaxonomyImportError } from './taxonomy-import-error.js';
import { silentProgress, type TaxonomyImportProgress } from './taxonomy-import-progress.js';
import { describeSource, resolveTaxonomySource, type TaxonomySource } from './taxonomy-source.js';

/** The files the importer reads, in the JobTech export's names (see ../shared/data/taxonomy/SOURCES.md). */
export const TAXONOMY_FILES = {
  counties: 'counties_se.csv',
  municipalities: 'municipalities_se.csv',
  ssykAllLevels: 'ssyk2012_all_levels_jobtech.csv',
  ssykLevel4: 'ssyk2012_level4_jobtech.csv',
  occupations: 'occupation_names_jobtech.csv',
  substitutions: 'occupation_substitutability_jobtech.csv',
  skills: 'skills_jobtech.csv',
  languages: 'languages_jobtech.csv',
  educationLevels: 'sun2020_education_levels.csv',
  drivingLicences: 'driving_licences_jobtech.csv',
} as const;

type FileKey = keyof typeof TAXONOMY_FILES;
type Contents = Record<FileKey, string>;

/**
 * Part of the fingerprint: change it when the importer maps the same files differently, so that a database that
 * was loaded by the older mapping is loaded again.
 */
const IMPORT_FORMAT = 'matchbron-taxonomy-import/1';
/** Arbitrary constant: two imports into the same database run one after the other. */
const IMPORT_LOCK = 7_204_118_333;
const BATCH_SIZE = 1000;

export interface TaxonomyTableReport {
  table: string;
  file: string;
  /** Data rows in the file. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows not loaded: substitutions whose occupation or substitute is not in the taxonomy. */
  skipped: number;
}

export interface TaxonomyImportReport {
  source: TaxonomySource;
  /** sha256 of the importer format and the files' names and contents. */
  fingerprint: string;
  /** True when `ifChanged` found this fingerprint already imported; `tables` are then the stored counts. */
  unchanged: boolean;
  durationMs: number;
  tables: TaxonomyTableReport[];
}

export interface TaxonomyImportOptions {
  databaseUrl: string;
  /** Default: `resolveTaxonomySource()` (TAXONOMY_DIR, else ../shared/data/taxonomy, else the built-in subset). */
  source?: TaxonomySource;
  /** Do nothing when the database already holds an import of exactly these files (cheap: read, hash, one query). */
  ifChanged?: boolean;
  progress?: TaxonomyImportProgress;
}

type ColumnType = 'text' | 'smallint' | 'boolean';

/** One table's rows, validated, in the column order of `columns`. */
interface TablePlan {
  table: string;
  file: string;
  columns: Array<[name: string, type: ColumnType]>;
  key: string[];
  rows: unknown[][];
}

/**
 * Loads the JobTech taxonomy CSV files into the taxonomy tables. Every file is read and validated first; then one
 * transaction upserts all tables in batches (`INSERT … ON CONFLICT … DO UPDATE` only where something differs),
 * so a bad file loads nothing and a second run changes nothing. Never deletes: JobTech deprecates concepts but
 * never removes them, and stored ids must stay valid.
 */
export async function importTaxonomy(options: TaxonomyImportOptions): Promise<TaxonomyImportReport> {
  const started = performance.now();
  const source = options.source ?? resolveTaxonomySource();
  const progress = options.progress ?? silentProgress;
  const contents = await readTaxonomyFiles(source.directory);
  const fingerprint = fingerprintOf(contents);
  const client = new pg.Client({
    connectionString: options.databaseUrl,
    application_name: 'matchbron-taxonomy',
  });
  await client.connect();
  try {
    if (options.ifChanged) {
      const stored = await storedImport(client, fingerprint);
      if (stored) {
        return { source, fingerprint, unchanged: true, durationMs: elapsed(started), tables: stored };
      }
    }
    const plans = planTables(contents);
    progress.begin(plans.reduce((sum, plan) => sum + plan.rows.length, 0));
    try {
      const tables = await load(client, plans, progress);
      await client.query(
        `INSERT INTO taxonomy_imports (fingerprint, source, counts) VALUES ($1, $2, $3)
         ON CONFLICT (fingerprint) DO UPDATE SET source = EXCLUDED.source, counts = EXCLUDED.counts,
           imported_at = now()`,
        [fingerprint, describeSource(source), JSON.stringify(tables)],
      );
      await client.query('COMMIT');
      return { source, fingerprint, unchanged: false, durationMs: elapsed(started), tables };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      progress.end();
    }
  } finally {
    await client.end();
  }
}

/**
 * The fingerprint of a source directory without importing it: the importer format and every file's name and
 * contents. Tests put it in the name of their template database.
 */
export async function taxonomyFingerprint(source: TaxonomySource = resolveTaxonomySource()): Promise<string> {
  return fingerprintOf(await readTaxonomyFiles(source.directory));
}

async function readTaxonomyFiles(directory: string): Promise<Contents> {
  const entries = await Promise.all(
    Object.entries(TAXONOMY_FILES).map(async ([key, file]) => {
      try {
        return [key, await readFile(join(directory, file), 'utf8')] as const;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [key, null] as const;
        throw new TaxonomyImportError(`${file}: cannot be read: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }),
  );
  const missing = entries
    .filter(([, content]) => content === null)
    .map(([key]) => TAXONOMY_FILES[key as FileKey]);
  if (missing.length > 0) {
    throw new TaxonomyImportError(
      `Missing taxonomy file${missing.length > 1 ? 's' : ''} in ${directory}: ${missing.join(', ')}. ` +
        'Point TAXONOMY_DIR at a directory with the JobTech CSV export (see README, "Taxonomy").',
    );
  }
  return Object.fromEntries(entries) as Contents;
}

function fingerprintOf(contents: Contents): string {
  const hash = createHash('sha256').update(IMPORT_FORMAT);
  for (const key of Object.keys(TAXONOMY_FILES) as FileKey[]) {
    hash.update('\0').update(TAXONOMY_FILES[key]).update('\0').update(contents[key]);
  }
  return hash.digest('hex');
}

async function storedImport(client: pg.Client, fingerprint: string): Promise<TaxonomyTableReport[] | null> {
  try {
    const { rows } = await client.query<{ counts: TaxonomyTableReport[] }>(
      'SELECT counts FROM taxonomy_imports WHERE fingerprint = $1',
      [fingerprint],
    );
    return rows[0]?.counts ?? null;
  } catch (error) {
    throw migrationsMissing(error) ?? error;
  }
}

function migrationsMissing(error: unknown): TaxonomyImportError | null {
  if ((error as { code?: string }).code !== '42P01') return null;
  return new TaxonomyImportError(
    `The database has no taxonomy tables yet (${(error as Error).message}): run the migrations first.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating the files (no database).

const CODE = {
  county: [/^\d{2}$/, 'be a länskod of 2 digits'],
  municipality: [/^\d{4}$/, 'be a kommunkod of 4 digits'],
  ssyk: [/^\d{1,4}$/, 'be an SSYK code of 1 to 4 digits'],
  sun: [/^[0-9A-Za-z]{1,4}$/, 'be a SUN code'],
  iso6391: [/^[a-z]{2}$/, 'be an ISO 639-1 code (2 lower-case letters)'],
  iso6393: [/^[a-z]{3}$/, 'be an ISO 639-2/3 code (3 lower-case letters)'],
} as const satisfies Record<string, readonly [RegExp, string]>;

function rowsOf(contents: Contents, key: FileKey, columns: readonly string[]): CsvRow[] {
  return parseCsv(TAXONOMY_FILES[key], contents[key], columns);
}

/** Maps every row, then checks that `unique` keys do not repeat within the file. */
function plan(
  key: FileKey,
  rows: CsvRow[],
  table: string,
  columns: TablePlan['columns'],
  map: (row: CsvRow) => unknown[],
  unique: number[][] = [[0]],
): TablePlan {
  const mapped = rows.map(map);
  const lines = rows.map((row) => row.line);
  for (const indexes of unique) {
    assertUnique(TAXONOMY_FILES[key], mapped, (values) => indexes.map((i) => values[i]).join(' / '), lines);
  }
  const keyColumns = unique[0].map((index) => columns[index][0]);
  return { table, file: TAXONOMY_FILES[key], columns, key: keyColumns, rows: mapped };
}

function planTables(contents: Contents): TablePlan[] {
  const counties = plan(
    'counties',
    rowsOf(contents, 'counties', ['concept_id', 'county_code', 'label_sv', 'nuts3_code_2021']),
    'taxonomy_counties',
    [
      ['concept_id', 'text'],
      ['county_code', 'text'],
      ['label', 'text'],
      ['nuts3_code', 'text'],
    ],
    (row) => [
      row.conceptId(),
      row.text('county_code', ...CODE.county),
      row.text('label_sv'),
      row.optional('nuts3_code_2021'),
    ],
    [[0], [1]],
  );

  const municipalities = plan(
    'municipalities',
    rowsOf(contents, 'municipalities', ['concept_id', 'municipality_code', 'label_sv', 'county_concept_id']),
    'taxonomy_municipalities',
    [
      ['concept_id', 'text'],
      ['municipality_code', 'text'],
      ['label', 'text'],
      ['county_concept_id', 'text'],
    ],
    (row) => [
      row.conceptId(),
      row.text('municipality_code', ...CODE.municipality),
      row.text('label_sv'),
      row.conceptId('county_concept_id'),
    ],
    [[0], [1]],
  );

  // SSYK groups: every level from the all-levels file; level 4 definitions from the level 4 file.
  const definitions = new Map<string, { code: string; definition: string | null; row: CsvRow }>();
  for (const row of rowsOf(contents, 'ssykLevel4', ['concept_id', 'ssyk_code', 'definition_sv'])) {
    const conceptId = row.conceptId();
    definitions.set(conceptId, {
      code: row.text('ssyk_code', /^\d{4}$/, 'be an SSYK code of 4 digits'),
      definition: row.optional('definition_sv'),
      row,
    });
  }
  const groups = plan(
    'ssykAllLevels',
    rowsOf(contents, 'ssykAllLevels', ['concept_id', 'ssyk_code', 'label_sv', 'level']),
    'taxonomy_occupation_groups',
    [
      ['concept_id', 'text'],
      ['ssyk_code', 'text'],
      ['label', 'text'],
      ['level', 'smallint'],
      ['definition', 'text'],
    ],
    (row) => {
      const conceptId = row.conceptId();
      const code = row.text('ssyk_code', ...CODE.ssyk);
      const level = row.integer('level', 1, 4);
      if (code.length !== level)
        throw row.problem('level', `is ${level} but the SSYK code ${code} has ${code.length} digits`);
      return [conceptId, code, row.text('label_sv'), level, definitions.get(conceptId)?.definition ?? null];
    },
    [[0], [1]],
  );
  const levels = new Map(groups.rows.map(([conceptId, code]) => [conceptId as string, code as string]));
  for (const [conceptId, { code, row }] of definitions) {
    if (levels.get(conceptId) !== code) {
      throw row.problem(
        'concept_id',
        `${conceptId} (SSYK ${code}) is not a level 4 group of ${TAXONOMY_FILES.ssykAllLevels}`,
      );
    }
  }

  const occupations = plan(
    'occupations',
    rowsOf(contents, 'occupations', [
      'concept_id',
      'label_sv',
      'ssyk_concept_id',
      'no_education_requirement',
    ]),
    'taxonomy_occupations',
    [
      ['concept_id', 'text'],
      ['label', 'text'],
      ['group_concept_id', 'text'],
      ['no_education_requirement', 'boolean'],
    ],
    (row) => [
      row.conceptId(),
      row.text('label_sv'),
      row.conceptId('ssyk_concept_id'),
      row.boolean('no_education_requirement'),
    ],
  );

  const substitutions = plan(
    'substitutions',
    rowsOf(contents, 'substitutions', [
      'occupation_concept_id',
      'substitute_concept_id',
      'substitutability_percentage',
    ]),
    'taxonomy_occupation_substitutions',
    [
      ['occupation_concept_id', 'text'],
      ['substitute_concept_id', 'text'],
      ['percentage', 'smallint'],
    ],
    (row) => [
      row.conceptId('occupation_concept_id'),
      row.conceptId('substitute_concept_id'),
      row.integer('substitutability_percentage', 1, 100),
    ],
    [[0, 1]],
  );

  const skills = plan(
    'skills',
    rowsOf(contents, 'skills', ['concept_id', 'label_sv']),
    'taxonomy_skills',
    [
      ['concept_id', 'text'],
      ['label', 'text'],
    ],
    (row) => [row.conceptId(), row.text('label_sv')],
  );

  const languages = plan(
    'languages',
    rowsOf(contents, 'languages', ['concept_id', 'label_sv', 'iso_639_1', 'iso_639_2', 'iso_639_3']),
    'taxonomy_languages',
    [
      ['concept_id', 'text'],
      ['label', 'text'],
      ['iso_639_1', 'text'],
      ['iso_639_2', 'text'],
      ['iso_639_3', 'text'],
    ],
    (row) => [
      row.conceptId(),
      row.text('label_sv'),
      row.optional('iso_639_1', ...CODE.iso6391),
      row.optional('iso_639_2', ...CODE.iso6393),
      row.optional('iso_639_3', ...CODE.iso6393),
    ],
  );

  const educationLevels = plan(
    'educationLevels',
    rowsOf(contents, 'educationLevels', ['concept_id', 'code', 'label_sv', 'level', 'parent_code']),
    'taxonomy_education_levels',
    [
      ['concept_id', 'text'],
      ['sun_code', 'text'],
      ['label', 'text'],
      ['level', 'smallint'],
      ['parent_sun_code', 'text'],
    ],
    (row) => [
      row.conceptId(),
      row.text('code', ...CODE.sun),
      row.text('label_sv'),
      row.integer('level', 1, 3),
      row.optional('parent_code', ...CODE.sun),
    ],
    [[0], [1]],
  );

  const drivingLicences = plan(
    'drivingLicences',
    rowsOf(contents, 'drivingLicences', ['concept_id', 'label']),
    'taxonomy_driving_licences',
    [
      ['concept_id', 'text'],
      ['code', 'text'],
    ],
    (row) => [row.conceptId(), row.text('label')],
    [[0], [1]],
  );

  return [
    counties,
    municipalities,
    groups,
    occupations,
    substitutions,
    skills,
    languages,
    educationLevels,
    drivingLicences,
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Writing (one transaction).

/** References checked before a table is written: the referenced concept must be in this import or stored. */
const REFERENCES: Record<string, { column: number; table: string; what: string }> = {
  taxonomy_municipalities: { column: 3, table: 'taxonomy_counties', what: 'county' },
  taxonomy_occupations: { column: 2, table: 'taxonomy_occupation_groups', what: 'SSYK group' },
};

async function load(
  client: pg.Client,
  plans: TablePlan[],
  progress: TaxonomyImportProgress,
): Promise<TaxonomyTableReport[]> {
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
  const planned = new Map(
    plans.map((plan) => [plan.table, new Set(plan.rows.map((row) => row[0] as string))]),
  );
  const reports: TaxonomyTableReport[] = [];
  for (const plan of plans) {
    let rows = plan.rows;
    let skipped = 0;
    const reference = REFERENCES[plan.table];
    if (reference) {
      const unknown = await absent(
        client,
        reference.table,
        planned.get(reference.table)!,
        rows,
        reference.column,
      );
      if (unknown.size > 0) {
        const [first] = unknown;
        throw new TaxonomyImportError(
          `${plan.file}: ${unknown.size} row(s) refer to a ${reference.what} that is in neither ` +
            `the import nor the database, for example ${first}`,
        );
      }
    }
    if (plan.table === 'taxonomy_occupation_substitutions') {
      // JobTech's relation may name occupations outside a subset: skip those rows and count them.
      const occupations = planned.get('taxonomy_occupations')!;
      const missing = await absent(client, 'taxonomy_occupations', occupations, rows, 0, 1);
      rows = rows.filter((row) => !missing.has(row[0] as string) && !missing.has(row[1] as string));
      skipped = plan.rows.length - rows.length;
      progress.advance(plan.table, skipped);
    }
    const report: TaxonomyTableReport = {
      table: plan.table,
      file: plan.file,
      rows: plan.rows.length,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped,
    };
    const sql = upsertStatement(plan);
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const batch = rows.slice(start, start + BATCH_SIZE);
      const parameters = plan.columns.map((_, index) => batch.map((row) => row[index]));
      const { rows: written } = await client
        .query<{ inserted: boolean }>(sql, parameters)
        .catch((error: unknown) => {
          // A constraint of the database, say a kommunkod that another concept id holds already.
          const message = `${plan.file}: ${plan.table} refused a row: ${(error as Error).message}`;
          throw migrationsMissing(error) ?? new TaxonomyImportError(message, { cause: error });
        });
      const inserted = written.filter((row) => row.inserted).length;
      report.inserted += inserted;
      report.updated += written.length - inserted;
      report.unchanged += batch.length - written.length;
      progress.advance(plan.table, batch.length);
    }
    reports.push(report);
    // Fresh statistics, so that the planner uses the trigram indexes for lookups right away.
    if (report.inserted + report.updated > 0) await client.query(`ANALYZE ${plan.table}`);
  }
  return reports;
}

/** The ids in `columns` of `rows` that are neither in `planned` nor stored in `table`. */
async function absent(
  client: pg.Client,
  table: string,
  planned: Set<string>,
  rows: unknown[][],
  ...columns: number[]
): Promise<Set<string>> {
  const outside = [...new Set(rows.flatMap((row) => columns.map((column) => row[column] as string)))].filter(
    (id) => !planned.has(id),
  );
  if (outside.length === 0) return new Set();
  const { rows: stored } = await client.query<{ concept_id: string }>(
    `SELECT concept_id FROM ${table} WHERE concept_id = ANY($1::text[])`,
    [outside],
  );
  const found = new Set(stored.map((row) => row.concept_id));
  return new Set(outside.filter((id) => !found.has(id)));
}

/**
 * `INSERT … SELECT FROM unnest(…)` (one array parameter per column, any number of rows), updating a stored row
 * only when a value differs, so that an unchanged row is neither rewritten nor reported. `xmax = 0` tells an
 * inserted row from an updated one.
 */
function upsertStatement(plan: TablePlan): string {
  const names = plan.columns.map(([name]) => `"${name}"`);
  const values = plan.columns.filter(([name]) => !plan.key.includes(name)).map(([name]) => `"${name}"`);
  const unnest = plan.columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${plan.table} AS stored (${names.join(', ')})
    SELECT * FROM unnest(${unnest})
    ON CONFLICT (${plan.key.map((name) => `"${name}"`).join(', ')}) DO UPDATE
      SET ${values.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
      WHERE (${values.map((name) => `stored.${name}`).join(', ')})
        IS DISTINCT FROM (${values.map((name) => `EXCLUDED.${name}`).join(', ')})
    RETURNING (stored.xmax = 0) AS inserted`;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** The report as a table of rows per table, for the import command and logs. */
export function formatTaxonomyReport(report: TaxonomyImportReport): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const title = report.unchanged
    ? `Taxonomy unchanged since its last import from ${describeSource(report.source)}; nothing to do (${seconds} s).`
    : `Taxonomy imported from ${describeSource(report.source)} in ${seconds} s.`;
  if (report.unchanged) return title;
  const header = ['table', 'file rows', 'inserted', 'updated', 'unchanged', 'skipped'];
  const lines = report.tables.map((table) => [
    table.table,
    ...[table.rows, table.inserted, table.updated, table.unchanged, table.skipped].map(String),
  ]);
  const widths = header.map((name, index) =>
    Math.max(name.length, ...lines.map((line) => line[index].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index])))
      .join('  ');
  return [title, '', format(header), ...lines.map(format)].join('\n');
}
