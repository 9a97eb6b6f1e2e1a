import { hasDrift, SearchReconciliation } from '#libs/search';
import { searchContext, searchScriptConfig } from './search-context.js';

// `npm run search:check`: the reconciliation check. Per index: documents PostgreSQL says it should hold and
// documents Meilisearch holds (count, content hash per side), and the drift: missing, extra and different
// documents. Exits 1 on drift. Reads only; needs the worker's key (or MEILI_MASTER_KEY), like reindex.
const context = await searchContext(await searchScriptConfig());
let drifted = false;
try {
  for (const drift of await context.get(SearchReconciliation).checkAll()) {
    drifted ||= hasDrift(drift);
    console.log(
      `${drift.index}: PostgreSQL ${drift.postgres} (${drift.postgresHash}), Meilisearch ${drift.meilisearch} ` +
        `(${drift.meilisearchHash}); missing ${drift.missing}, extra ${drift.extra}, different ${drift.different}` +
        (hasDrift(drift) ? '  DRIFT' : '  ok'),
    );
  }
} finally {
  await context.close();
}
process.exit(drifted ? 1 : 0);
