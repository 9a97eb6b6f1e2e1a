import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TaxonomyImportError } from './taxonomy-import-error.js';

/** Where the taxonomy CSV files are read from, and why that directory was chosen. */
export interface TaxonomySource {
  directory: string;
  /** `TAXONOMY_DIR` (set by the user), `shared` (../shared/data/taxonomy) or `built-in` (the demo subset). */
  origin: 'TAXONOMY_DIR' | 'shared' | 'built-in';
}

/** The repository root: the nearest folder with a package.json above this file (in libs/ or in dist/libs/). */
export function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('No package.json above the taxonomy importer');
    directory = parent;
  }
  return directory;
}

/** The built-in demo subset: real rows for the three Jobbspår fields and Stockholms län (see its README.md). */
export function builtInTaxonomyDirectory(): string {
  return join(repositoryRoot(), 'libs', 'taxonomy', 'demo-subset');
}

/** The JobTech export shared next to the repository, where our machines and CI have it. */
export function sharedTaxonomyDirectory(): string {
  return resolve(repositoryRoot(), '..', 'shared', 'data', 'taxonomy');
}

/**
 * `TAXONOMY_DIR` when set (relative to the working directory), else `../shared/data/taxonomy` next to the
 * repository when it exists, else the built-in demo subset. A `TAXONOMY_DIR` that is not a directory is an error,
 * never a silent fallback.
 */
export function resolveTaxonomySource(
  env: NodeJS.ProcessEnv = process.env,
  shared = sharedTaxonomyDirectory(),
): TaxonomySource {
  const configured = env.TAXONOMY_DIR?.trim();
  if (configured) {
    const directory = resolve(configured);
    if (!isDirectory(directory)) {
      throw new TaxonomyImportError(`TAXONOMY_DIR=${configured}: ${directory} is not a directory`);
    }
    return { directory, origin: 'TAXONOMY_DIR' };
  }
  if (isDirectory(shared)) return { directory: shared, origin: 'shared' };
  const builtIn = builtInTaxonomyDirectory();
  if (!isDirectory(builtIn)) {
    throw new TaxonomyImportError(
      `No taxonomy found: TAXONOMY_DIR is not set, ${shared} does not exist, and the built-in subset ` +
        `(${builtIn}) is missing. Set TAXONOMY_DIR to a directory of JobTech CSV files.`,
    );
  }
  return { directory: builtIn, origin: 'built-in' };
}

export function describeSource(source: TaxonomySource): string {
  const what = {
    TAXONOMY_DIR: 'TAXONOMY_DIR',
    shared: 'the shared JobTech data',
    'built-in': 'the built-in demo subset',
  }[source.origin];
  return `${source.directory} (${what})`;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
