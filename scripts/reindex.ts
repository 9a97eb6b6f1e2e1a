import { Presets, SingleBar } from 'cli-progress';
import { SearchIndex, SearchIndexer, type RebuildProgress } from '#libs/search';
import { searchContext, searchScriptConfig } from './search-context.js';

// `npm run reindex [-- --index=<name>]`: rebuilds every Meilisearch index (or one) from PostgreSQL through the
// projections: applies the settings, writes every document, removes every other one. Idempotent: running it again
// writes the same documents. Needs the worker's key as MEILI_API_KEY, or MEILI_MASTER_KEY to provision it.
const names = Object.values(SearchIndex) as string[];
const wanted = process.argv.find((arg) => arg.startsWith('--index='))?.slice('--index='.length);
if (wanted !== undefined && !names.includes(wanted)) {
  console.error(`Unknown index "${wanted}"; one of: ${names.join(', ')}`);
  process.exit(1);
}

/** A bar on a terminal; one line per index otherwise (CI, logs). */
function progress(stream: NodeJS.WriteStream = process.stderr): RebuildProgress {
  if (!stream.isTTY) {
    return {
      begin: (index, documents) => stream.write(`Reindexing ${index}: ${documents} documents\n`),
      advance: () => undefined,
      end: () => undefined,
    };
  }
  const bar = new SingleBar(
    { stream, format: 'Reindex {index} {bar} {percentage}% | {value}/{total} documents', hideCursor: true },
    Presets.shades_classic,
  );
  let done = 0;
  return {
    begin: (index, documents) => {
      done = 0;
      bar.start(documents, 0, { index });
    },
    advance: (documents) => bar.update((done += documents)),
    end: () => bar.stop(),
  };
}

const context = await searchContext(await searchScriptConfig());
try {
  const indexer = context.get(SearchIndexer);
  const indexes = wanted ? [wanted as SearchIndex] : indexer.all.map((projection) => projection.index);
  for (const index of indexes) {
    const report = await indexer.rebuild(index, progress());
    console.log(`${index}: ${report.written} documents written, ${report.removed} removed`);
  }
} finally {
  await context.close();
}
