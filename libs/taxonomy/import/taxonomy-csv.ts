import { parse } from 'csv-parse/sync';
import { CONCEPT_ID } from '../concept-id.js';
import { TaxonomyImportError } from './taxonomy-import-error.js';

/** One data row of a CSV file, with its line number for error messages. */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly values: Readonly<Record<string, string>>,
  ) {}

  /** A required, trimmed, non-empty value, optionally matching `pattern`. */
  text(column: string, pattern?: RegExp, what = `match ${pattern}`): string {
    const value = this.optional(column, pattern, what);
    if (value === null) throw this.problem(column, 'is empty');
    return value;
  }

  /** A trimmed value or null when empty; when present it must match `pattern`. */
  optional(column: string, pattern?: RegExp, what = `match ${pattern}`): string | null {
    const value = (this.values[column] ?? '').trim();
    if (value === '') return null;
    if (pattern && !pattern.test(value)) throw this.problem(column, `must ${what}, got "${value}"`);
    return value;
  }

  conceptId(column = 'concept_id'): string {
    return this.text(column, CONCEPT_ID, 'be a JobTech concept id');
  }

  integer(column: string, min: number, max: number): number {
    const value = Number(this.text(column, /^\d+$/, 'be a whole number'));
    if (value < min || value > max)
      throw this.problem(column, `must be between ${min} and ${max}, got ${value}`);
    return value;
  }

  boolean(column: string): boolean {
    return this.text(column, /^(true|false)$/, 'be true or false') === 'true';
  }

  problem(column: string, message: string): TaxonomyImportError {
    return new TaxonomyImportError(`${this.file}, line ${this.line}: ${column} ${message}`);
  }
}

/**
 * Parses a UTF-8 CSV file with a header row and checks that it has `columns` (others are ignored). Every error
 * names the file; rows with a wrong number of fields are errors, not silently padded.
 */
export function parseCsv(file: string, content: string, columns: readonly string[]): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was found (csv-parse's types do not say so).
    records = parse(content, { bom: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new TaxonomyImportError(`${file}: not valid CSV: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...rows] = records;
  if (!header) throw new TaxonomyImportError(`${file}: the file is empty (a header row is required)`);
  const names = header.record.map((name) => name.trim());
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new TaxonomyImportError(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(the header has ${names.join(', ')})`,
    );
  }
  return rows.map(({ record, info }) => {
    // csv-parse counts the line where the row ends; a quoted field may span lines.
    const line = info.lines - record.reduce((breaks, value) => breaks + (value.match(/\n/g)?.length ?? 0), 0);
    return new CsvRow(file, line, Object.fromEntries(names.map((name, index) => [name, record[index]])));
  });
}

/** Throws when two rows of `file` have the same key, naming both lines. */
export function assertUnique<T>(file: string, items: T[], key: (item: T) => string, lines: number[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const value = key(item);
    const first = seen.get(value);
    if (first !== undefined) {
      throw new TaxonomyImportError(
        `${file}, line ${lines[index]}: ${value} appears twice (first on line ${lines[first]})`,
      );
    }
    seen.set(value, index);
  });
}
