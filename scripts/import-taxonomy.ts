import {
  consoleProgress,
  formatTaxonomyReport,
  importTaxonomy,
  resolveTaxonomySource,
  TaxonomyImportError,
} from '#libs/taxonomy';

// `npm run taxonomy:import`: loads the JobTech taxonomy into DATABASE_URL from TAXONOMY_DIR, else
// ../shared/data/taxonomy, else the built-in demo subset. Idempotent; `--if-changed` does nothing when these exact
// files were imported before. Deployments run it after the migrations (node dist/scripts/import-taxonomy.js).
// Without DATABASE_URL: the local development database, as for the migration commands.
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/matchbron';
try {
  const report = await importTaxonomy({
    databaseUrl: url,
    source: resolveTaxonomySource(),
    ifChanged: process.argv.includes('--if-changed'),
    progress: consoleProgress(),
  });
  console.log(formatTaxonomyReport(report));
} catch (error) {
  if (!(error instanceof TaxonomyImportError)) throw error;
  console.error(`Taxonomy import failed, nothing was loaded: ${error.message}`);
  process.exit(1);
}
