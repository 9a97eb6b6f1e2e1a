import { Presets, SingleBar } from 'cli-progress';

/** What the importer reports while it writes. */
export interface TaxonomyImportProgress {
  /** Before the first row: the number of rows of all files. */
  begin(totalRows: number): void;
  /** `rows` more rows of `table` were handled (written, found unchanged or skipped). */
  advance(table: string, rows: number): void;
  end(): void;
}

export const silentProgress: TaxonomyImportProgress = {
  begin: () => undefined,
  advance: () => undefined,
  end: () => undefined,
};

/**
 * Progress on `stream`: a bar (cli-progress) on a terminal; otherwise (CI, logs, pipes) one plain line per table
 * when it is done, because a bar redrawn with control characters makes a mess of a log file.
 */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): TaxonomyImportProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): TaxonomyImportProgress {
  const bar = new SingleBar(
    {
      stream,
      format: 'Taxonomy {bar} {percentage}% | {value}/{total} rows | {table}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 20,
    },
    Presets.shades_classic,
  );
  let done = 0;
  return {
    begin: (total) => bar.start(total, 0, { table: '' }),
    advance: (table, rows) => {
      done += rows;
      bar.update(done, { table });
    },
    end: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): TaxonomyImportProgress {
  let total = 0;
  let done = 0;
  let current: { table: string; rows: number } | null = null;
  const flush = () => {
    if (current) stream.write(`Taxonomy: ${current.table} ${current.rows} rows (${done}/${total})\n`);
    current = null;
  };
  return {
    begin: (rows) => {
      total = rows;
      stream.write(`Taxonomy: importing ${rows} rows\n`);
    },
    advance: (table, rows) => {
      if (current && current.table !== table) flush();
      done += rows;
      current = { table, rows: (current?.rows ?? 0) + rows };
    },
    end: flush,
  };
}
