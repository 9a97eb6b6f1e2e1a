import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Meilisearch, MultiSearchParams } from 'meilisearch';
import pg from 'pg';
import { AppConfig } from '#libs/config';
import { runMigrations } from '#libs/database';
import { DEMO_PASSWORD, DemoConcepts } from '#libs/demo-data';
import { PersonalDataCipher } from '#libs/personal-data';
import { QueueName, waitsForItsTime } from '#libs/queue';
import { allProjectedIds, meilisearchClient, SearchIndex, SearchIndexer, SearchClient } from '#libs/search';
import { consoleProgress, importTaxonomy } from '#libs/taxonomy';
import { loadDemoData } from '../demo-data-context.js';
import {
  DEFAULT_MAX_INDEXING_MEMORY,
  ensureDatabase,
  findOrStartMeilisearch,
  findOrStartPostgres,
  findRedis,
  freePort,
  provisionScopedKeys,
  type RunningService,
} from '../dev-services/index.js';
import { createBenchContext, providerNamed } from './bench-context.js';
import { BenchProcess } from './child-process.js';
import { cpuSecondsBetween, readCpu, stopReadingCpu, type CpuReading } from './cpu-time.js';
import { generateOpenings, generateProfiles, prepareVocabulary } from './generate.js';
import { progress } from './progress.js';
import {
  latencies,
  machine,
  pairedLatencies,
  markdownReport,
  megabytes,
  ms,
  percentile,
  perSecond,
  ratioText,
  textTable,
  type Figure,
} from './report.js';
import { matchInPostgres } from './sql-matching.js';

// `npm run bench [-- --profiles=N --openings=N --searches=N --matches=N --keep]`: a benchmark, not a test. It
// brings up its own database (migrated, taxonomy imported, demo data loaded), index prefix and Redis prefix, adds
// N generated published profiles with SQL, runs the compiled API and worker as child processes, measures each
// figure next to its baseline in this one run, prints the table and writes docs/benchmarks.md. Everything it made
// is removed at the end (--keep leaves the database and indexes for a look).

const DATA_DIR = join(process.cwd(), '.data');
const REPORT = join(process.cwd(), 'docs', 'benchmarks.md');
/** Indexes the outbox path is measured on: those that follow competence profiles. */
const PROFILE_INDEXES = [SearchIndex.Profiles, SearchIndex.Candidates];
/** Documents per request of the direct bulk add. */
const DIRECT_CHUNK = 10_000;
/** How often the progress bar of a settling worker counts the pending outbox messages. */
const PROGRESS_EVERY_MS = 5_000;
/** Untimed runs before each series (the first openings matched, the first searches). */
const WARMUP = 5;
const INDEXING_RATIO_GOAL = 0.8;
/** Variables of the processes that a run may set (npm run bench with them in the environment). */
const PASSED_ON = [
  'DATABASE_POOL_SIZE',
  'DATABASE_PARALLEL_WORKERS',
  'WORKER_CONCURRENCY',
  'OUTBOX_BATCH_SIZE',
  'OUTBOX_CONCURRENCY',
  'OUTBOX_POLL_INTERVAL_MS',
  'K_ANONYMITY',
  'MATCH_TOP_N',
  'MATCH_CANDIDATE_LIMIT',
  'MATCH_WEIGHTS',
];
const SEARCH_P95_RATIO_GOAL = 1.5;
/**
 * Who searches: a demo employer with openings and people placed with it before (Brunns Gård: three openings, two
 * placements), so that each search also leaves out the profiles it knows, as most employers' searches do.
 */
const SEARCHING_EMPLOYER = 'kontakt@brunnsgard.example';
const MATCHING_P95_RATIO_GOAL = 3;

/** The measured sections, in the order they run. */
const SECTIONS = ['indexing', 'search', 'matching', 'batch'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  profiles: number;
  openings: number;
  searches: number;
  matches: number;
  keep: boolean;
  /** Only these sections (`--only=indexing,search`): printed, not written to the report. */
  only: Section[] | null;
}

function options(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    if (!arg) return fallback;
    const parsed = Number(arg.slice(name.length + 3).replace(/_/g, ''));
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive whole number`);
    return parsed;
  };
  const known = ['--profiles=', '--openings=', '--searches=', '--matches=', '--only=', '--keep'];
  const unknown = argv.filter((arg) => !known.some((k) => arg.startsWith(k)));
  if (unknown.length > 0) throw new Error(`Unknown option(s): ${unknown.join(' ')}`);
  const only = argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const wrong = only?.filter((section) => !(SECTIONS as readonly string[]).includes(section)) ?? [];
  if (wrong.length > 0 || only?.length === 0)
    throw new Error(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}`);
  // The other sections search and match the profiles the indexing section indexed.
  if (only && !only.includes('indexing')) only.unshift('indexing');
  return {
    profiles: value('profiles', 100_000),
    openings: value('openings', 1_000),
    searches: value('searches', 300),
    matches: value('matches', 100),
    keep: argv.includes('--keep'),
    only: (only as Section[] | undefined) ?? null,
  };
}

function say(line: string): void {
  process.stdout.write(`\x1b[36m[bench]\x1b[0m ${line}\n`);
}

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  done: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** What indexing runs on, whose CPU time the benchmark reads (see Bench.cpuReadings). */
const CPU_PARTS = { worker: 'worker', postgres: 'PostgreSQL', meilisearch: 'Meilisearch' } as const;
type CpuPart = keyof typeof CPU_PARTS;
/** CPU seconds used by each part during a timed section; null when it could not be read. */
type CpuUse = Record<CpuPart, number | null>;

const cpuParts = Object.keys(CPU_PARTS) as CpuPart[];
const eachPart = (value: (part: CpuPart) => number | null): CpuUse =>
  Object.fromEntries(cpuParts.map((part) => [part, value(part)])) as CpuUse;

function cpuUsed(before: Record<CpuPart, CpuReading>, after: Record<CpuPart, CpuReading>): CpuUse {
  return eachPart((part) => cpuSecondsBetween(before[part], after[part]));
}

function addCpu(a: CpuUse, b: CpuUse): CpuUse {
  return eachPart((part) => (a[part] === null || b[part] === null ? null : a[part] + b[part]));
}

/** Each part's CPU seconds, and in all: at least how long that takes on this machine's cores, never waiting. */
function describeCpu(use: CpuUse): string {
  const parts = cpuParts.map(
    (part) => `${CPU_PARTS[part]} ${use[part] === null ? 'n/a' : `${use[part].toFixed(1)} s`}`,
  );
  const total = cpuParts.reduce((sum, part) => sum + (use[part] ?? 0), 0);
  return `${parts.join(', ')}; in all ${total.toFixed(1)} s, at least ${(total / cpus().length).toFixed(1)} s on ${cpus().length} cores`;
}

/** What Meilisearch did for one path: its batches of document additions and how long it was busy with them. */
interface MeilisearchWork {
  batches: number;
  busySeconds: number;
  smallest: number;
  largest: number;
  /** Documents received in all: more than the path's documents when some were written twice. */
  documents: number;
}

/** Seconds of an ISO 8601 duration as Meilisearch writes them ("PT1.234S", "PT1M2.5S"). */
function durationSeconds(duration: string | null): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration ?? '');
  if (!match) return 0;
  const [, hours = '0', minutes = '0', secs = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
}

/** The document-addition batches Meilisearch ran for `indexUids` on tasks enqueued since `since`. */
async function meilisearchWork(
  admin: Meilisearch,
  indexUids: string[],
  since: Date,
): Promise<MeilisearchWork> {
  const sizes: number[] = [];
  let busySeconds = 0;
  for (let from: number | null = null; ;) {
    const page = await admin.batches.getBatches({
      indexUids,
      types: ['documentAdditionOrUpdate'],
      afterEnqueuedAt: since.toISOString(),
      limit: 100,
      ...(from !== null && { from }),
    });
    for (const batch of page.results) {
      sizes.push(Number((batch.details as { receivedDocuments?: number }).receivedDocuments ?? 0));
      busySeconds += durationSeconds(batch.duration);
    }
    if (page.next === null || page.next === undefined) break;
    from = page.next;
  }
  return {
    batches: sizes.length,
    busySeconds,
    smallest: sizes.length ? Math.min(...sizes) : 0,
    largest: sizes.length ? Math.max(...sizes) : 0,
    documents: sizes.reduce((sum, size) => sum + size, 0),
  };
}

function describeWork(work: MeilisearchWork): string {
  return `${work.batches} batches, ${work.smallest.toLocaleString('en')}–${work.largest.toLocaleString('en')} documents (${work.documents.toLocaleString('en')} in all), busy ${work.busySeconds.toFixed(1)} s`;
}

class Bench {
  private readonly runId = `${Math.floor(Date.now() / 1000).toString(36)}${randomBytes(2).toString('hex')}`;
  private readonly databaseName = `mbbench_${this.runId}`;
  private readonly indexPrefix = `bench_${this.runId}_`;
  private readonly redisPrefix = `bench:${this.runId}`;
  private readonly services: RunningService[] = [];
  private readonly processes: BenchProcess[] = [];
  private readonly figures: Figure[] = [];
  private readonly notes: string[] = [];
  private readonly dataset: string[] = [];
  private serverUrl = '';
  private databaseUrl = '';
  private meili!: { url: string; masterKey: string; pid?: number };
  private keys!: { api: string; worker: string };
  private redisUrl = '';
  private sql!: pg.Client;
  private context?: INestApplicationContext;
  private env: Record<string, string> = {};
  private api?: BenchProcess;
  private worker?: BenchProcess;
  private apiUrl = '';

  constructor(private readonly options: Options) {}

  async run(): Promise<void> {
    const started = performance.now();
    const date = new Date();
    try {
      await this.setUp();
      await this.startProcesses();
      await this.generateProfiles();
      const sections: Record<Section, () => Promise<void>> = {
        indexing: () => this.indexing(),
        search: () => this.employerSearch(),
        matching: () => this.matchingOneOpening(),
        batch: () => this.matchingBatch(),
      };
      for (const section of SECTIONS)
        if (!this.options.only || this.options.only.includes(section)) await sections[section]();
      await this.memory();
    } finally {
      await this.tearDown();
    }
    process.stdout.write(`\n${textTable(this.figures)}\n\n`);
    if (this.options.only) {
      say(`Only ${this.options.only.join(', ')}: not written to ${REPORT}.`);
      return;
    }
    const command =
      'npm run bench' + (process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : '');
    await mkdir(dirname(REPORT), { recursive: true });
    await writeFile(
      REPORT,
      await formatted(
        markdownReport({
          date,
          machine: machine(),
          dataset: this.dataset,
          figures: this.figures,
          notes: this.notes,
          command,
          durationSeconds: seconds(started),
        }),
      ),
    );
    say(`Written to ${REPORT}.`);
  }

  private workerConfig(): AppConfig {
    return AppConfig.fromEnvironment({ ...this.env, MEILI_API_KEY: this.keys.worker });
  }

  private async setUp(): Promise<void> {
    const postgres = await findOrStartPostgres(DATA_DIR, say);
    this.services.push(postgres);
    this.serverUrl = postgres.url;
    this.redisUrl = (await findRedis()).url;
    const meilisearch = await findOrStartMeilisearch(join(DATA_DIR, 'bench', 'meilisearch'));
    this.services.push(meilisearch);
    this.meili = meilisearch;
    say(`PostgreSQL: ${postgres.origin}; Meilisearch: ${meilisearch.origin}; Redis: ${this.redisUrl}`);

    const step = performance.now();
    this.databaseUrl = await ensureDatabase(postgres.url, this.databaseName);
    await runMigrations(this.databaseUrl);
    const taxonomy = await importTaxonomy({
      databaseUrl: this.databaseUrl,
      progress: consoleProgress(process.stdout),
    });
    this.keys = await provisionScopedKeys(meilisearch.url, meilisearch.masterKey, `${this.indexPrefix}*`);
    this.env = {
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.redisPrefix,
      MEILI_URL: meilisearch.url,
      MEILI_INDEX_PREFIX: this.indexPrefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      // Longer than the run: the employer's token must not expire while the searches run.
      JWT_TTL_SECONDS: '7200',
      // Settings to try out are passed on to the API and the worker (the report lists them).
      ...Object.fromEntries(
        PASSED_ON.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]),
      ),
    };
    const config = this.workerConfig();
    await loadDemoData(config);
    say(
      `Database ${this.databaseName}: migrated, taxonomy (${taxonomy.source.directory}) and demo data loaded in ${seconds(step).toFixed(1)} s.`,
    );

    this.sql = new pg.Client({ connectionString: this.databaseUrl });
    await this.sql.connect();
    this.context = await createBenchContext(config);
  }

  private async startProcesses(): Promise<void> {
    const port = await freePort(0);
    this.apiUrl = `http://127.0.0.1:${port}`;
    this.worker = BenchProcess.start('worker', { ...this.env, MEILI_API_KEY: this.keys.worker });
    this.api = BenchProcess.start('api', { ...this.env, MEILI_API_KEY: this.keys.api, PORT: String(port) });
    this.processes.push(this.worker, this.api);
    await until(
      'the API',
      async () => {
        for (const child of this.processes)
          if (!child.running) throw new Error(`The ${child.name} stopped:\n${child.recentOutput}`);
        return fetch(`${this.apiUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) }).then(
          (response) => response.ok,
          () => false,
        );
      },
      60_000,
    );
    // The demo data's own outbox (its documents, the matching of its openings) is worked off first.
    say('API and worker running; waiting for the demo data to be indexed and matched…');
    await this.settled(300_000);
  }

  /**
   * The generated profiles, added with SQL once the demo data's own work is done, as a bulk import would add them:
   * nothing in the outbox and nothing indexed yet, so that the indexing measure starts from their rows alone.
   */
  private async generateProfiles(): Promise<void> {
    const { profiles } = this.options;
    const step = performance.now();
    await prepareVocabulary(this.sql);
    // No real personal data: one fake number, encrypted as the application would, stored for everyone.
    const envelope = new PersonalDataCipher(this.workerConfig()).encrypt('000000000000');
    await generateProfiles(this.sql, profiles, envelope);
    const generation = seconds(step);
    const [{ published }] = (
      await this.sql.query<{ published: number }>(
        `SELECT count(*)::int AS published FROM competence_profiles WHERE status = 'PUBLISHED'`,
      )
    ).rows;
    say(`${profiles} profiles generated in ${generation.toFixed(1)} s (${published} published in all).`);
    const fields = Object.keys(DemoConcepts.FIELDS).length;
    this.dataset.push(
      `**Dataset**: ${profiles.toLocaleString('en')} generated published profiles (participants with consent; ${fields} occupational fields, the occupations of their SSYK groups, skills, languages, every municipality of Stockholms län) plus the demo data (${(published - profiles).toLocaleString('en')} published demo profiles, its organisations, users and openings); generated with SQL in ${generation.toFixed(1)} s`,
    );
    const settings = PASSED_ON.filter((name) => process.env[name]).map(
      (name) => `${name}=${process.env[name]}`,
    );
    // The database (tables and indexes) against PostgreSQL's buffer cache: what does not fit is read from the OS.
    const [{ size, buffers }] = (
      await this.sql.query<{ size: string; buffers: string }>(
        `SELECT pg_size_pretty(pg_database_size(current_database())) AS size, current_setting('shared_buffers') AS buffers`,
      )
    ).rows;
    this.dataset.push(
      `**Settings**: ${settings.length > 0 ? settings.join(', ') : 'the defaults'} (README, Configuration); NODE_ENV=production${this.meili.pid ? `; Meilisearch started by the benchmark with MEILI_MAX_INDEXING_MEMORY=${process.env.MEILI_MAX_INDEXING_MEMORY ?? DEFAULT_MAX_INDEXING_MEMORY}` : ''}; PostgreSQL shared_buffers ${buffers} (the database is ${size} after generating)`,
    );
    const checkpointed = await this.settleDatabase();
    this.notes.push(
      `**After generating and after indexing**, untimed: \`VACUUM (ANALYZE)\` ${checkpointed ? 'and a `CHECKPOINT`' : '(a `CHECKPOINT` was refused: the benchmark’s database user may not)'} of the benchmark database, so that autovacuum and the checkpointer do not start on the bulk-written rows in the middle of a timed section.`,
    );
  }

  /**
   * Every outbox message delivered and no job waiting, active or delayed (but for those that wait for their time,
   * waitsForItsTime). Checked four times a second, not to load the machine being measured: while `lastMessageId`
   * (the newest message the section recorded; the relay claims in id order) is pending, by looking up that one row;
   * then with a query that stops at the first pending message (which walks the delivered messages' index entries
   * until the vacuum: 5–6 ms each after 200,000). Counting the pending ones for the progress bar costs tens of
   * milliseconds, so that is done once every PROGRESS_EVERY_MS only.
   */
  private async settled(
    timeoutMs: number,
    { onProgress, lastMessageId }: { onProgress?: (pending: number) => void; lastMessageId?: string } = {},
  ): Promise<void> {
    let counted = 0;
    await until(
      'the worker to finish its work',
      async () => {
        if (!this.worker?.running) throw new Error(`The worker stopped:\n${this.worker?.recentOutput}`);
        const lastPending = lastMessageId !== undefined && (await this.isPending(lastMessageId));
        if (
          onProgress &&
          (lastPending || lastMessageId === undefined) &&
          performance.now() - counted > PROGRESS_EVERY_MS
        ) {
          counted = performance.now();
          onProgress(await this.pendingMessages());
        }
        if (lastPending) return false;
        const { rowCount } = await this.sql.query(
          'SELECT 1 FROM outbox_messages WHERE delivered_at IS NULL LIMIT 1',
        );
        if (rowCount) return false;
        onProgress?.(0);
        for (const name of Object.values(QueueName)) {
          const queue = this.queue(name);
          const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
          if (Object.values(counts).some((count) => count > 0)) return false;
          if ((await queue.getDelayed()).some((job) => !waitsForItsTime(job))) return false;
        }
        return true;
      },
      timeoutMs,
      250,
    );
  }

  private async isPending(messageId: string): Promise<boolean> {
    const { rows } = await this.sql.query<{ pending: boolean }>(
      'SELECT delivered_at IS NULL AS pending FROM outbox_messages WHERE id = $1',
      [messageId],
    );
    return rows[0]?.pending ?? false;
  }

  private async pendingMessages(): Promise<number> {
    const [{ pending }] = (
      await this.sql.query<{ pending: number }>(
        'SELECT count(*)::int AS pending FROM outbox_messages WHERE delivered_at IS NULL',
      )
    ).rows;
    return pending;
  }

  private readonly queues = new Map<QueueName, Queue>();

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: { url: this.redisUrl } as ConnectionOptions,
        prefix: this.redisPrefix,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Indexing throughput: the generated profiles' documents written by a direct bulk add into scratch indexes (the
   * documents built beforehand by the same projections), then through the outbox: one sync message per profile
   * and index, as the services record them, relayed by the real worker.
   */
  private async indexing(): Promise<void> {
    const context = this.context!;
    const indexer = context.get(SearchIndexer);
    const admin = meilisearchClient(this.meili.url, this.meili.masterKey);
    const generated = (
      await this.sql.query<{ id: string; public_id: string }>(
        `SELECT p.id, p.public_id FROM bench_people b JOIN competence_profiles p ON p.id = b.profile_id ORDER BY p.id`,
      )
    ).rows;
    const idsOf: Record<string, string[]> = {};
    let documents = 0;
    let loadSeconds = 0;
    const documentsOf = new Map<SearchIndex, object[]>();
    for (const index of PROFILE_INDEXES) {
      const projection = indexer.projectionOf(index);
      // Profiles are keyed by their pseudonym there, candidates by the profile id: which key the index uses is
      // the projection's; its ids tell.
      const projected = new Set(await allProjectedIds(projection));
      const keys = generated
        .map((row) => (projected.has(row.id) ? row.id : row.public_id))
        .filter((id) => projected.has(id));
      idsOf[index] = keys;
      const bar = progress(`Building ${index} documents`, keys.length, 'documents');
      const started = performance.now();
      const built: object[] = [];
      for (let start = 0; start < keys.length; start += 1_000) {
        const chunk = keys.slice(start, start + 1_000);
        const wanted = new Set(chunk);
        built.push(...(await projection.load(chunk)).filter((document) => wanted.has(document.id)));
        bar.advance(chunk.length);
      }
      bar.stop();
      loadSeconds += seconds(started);
      documentsOf.set(index, built);
      documents += built.length;
    }

    // Direct: the same documents, in chunks, all requests sent at once, into scratch indexes with the same settings.
    const bar = progress('Direct bulk add to Meilisearch', documents, 'documents');
    let directSeconds = 0;
    let directCpu: CpuUse = { worker: 0, postgres: 0, meilisearch: 0 };
    const directSince = new Date();
    for (const index of PROFILE_INDEXES) {
      const projection = indexer.projectionOf(index);
      const scratch = admin.index(`${this.indexPrefix}scratch_${index}`);
      await scratch
        .updateSettings({ ...projection.settings, ...(await projection.dataSettings?.()) })
        .waitTask();
      const batch = documentsOf.get(index)!;
      const cpuBefore = await this.cpuReadings();
      const started = performance.now();
      const tasks: Array<{ taskUid: number; size: number }> = [];
      for (let start = 0; start < batch.length; start += DIRECT_CHUNK) {
        const chunk = batch.slice(start, start + DIRECT_CHUNK);
        const { taskUid } = await scratch.addDocuments(chunk as never, { primaryKey: 'id' });
        tasks.push({ taskUid, size: chunk.length });
      }
      for (const { taskUid, size } of tasks) {
        const done = await admin.tasks.waitForTask(taskUid, { timeout: 1_800_000, interval: 100 });
        if (done.status !== 'succeeded') throw new Error(`Direct add failed: ${done.error?.message}`);
        bar.advance(size);
      }
      directSeconds += seconds(started);
      directCpu = addCpu(directCpu, cpuUsed(cpuBefore, await this.cpuReadings()));
      await scratch.delete().waitTask();
    }
    bar.stop();
    documentsOf.clear();
    const directWork = await meilisearchWork(
      admin,
      PROFILE_INDEXES.map((index) => `${this.indexPrefix}scratch_${index}`),
      directSince,
    );

    // Through the outbox: what the services record when a profile changes (a sync of each index, in one
    // transaction), for every generated profile in turn.
    const keysOf = new Map(PROFILE_INDEXES.map((index) => [index, new Set(idsOf[index])]));
    const syncs = generated.flatMap((row) =>
      PROFILE_INDEXES.flatMap((index) =>
        [row.id, row.public_id].filter((key) => keysOf.get(index)!.has(key)).map((key) => [index, key]),
      ),
    );
    const messages = syncs.length;
    const outboxBar = progress('Outbox relay to Meilisearch', messages, 'messages');
    const outboxCpuBefore = await this.cpuReadings();
    const outboxSince = new Date();
    const started = performance.now();
    const {
      rows: [{ last }],
    } = await this.sql.query<{ last: string }>(
      `WITH recorded AS (
         INSERT INTO outbox_messages (kind, payload)
         SELECT 'SEARCH_SYNC', jsonb_build_object('index', m.index, 'id', m.id)
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS m(index, id, n) ORDER BY m.n
         RETURNING id)
       SELECT max(id)::text AS last FROM recorded`,
      [syncs.map(([index]) => index), syncs.map(([, key]) => key)],
    );
    await this.sql.query(`SELECT pg_notify('outbox', '')`);
    await this.settled(3_600_000, {
      onProgress: (pending) => outboxBar.set(messages - pending),
      lastMessageId: last,
    });
    const outboxSeconds = seconds(started);
    const outboxCpu = cpuUsed(outboxCpuBefore, await this.cpuReadings());
    outboxBar.stop();
    for (const index of PROFILE_INDEXES) {
      const stats = await admin.index(context.get(SearchClient).uid(index)).getStats();
      if (stats.numberOfDocuments < idsOf[index].length)
        throw new Error(
          `Index ${index} has ${stats.numberOfDocuments} documents, expected at least ${idsOf[index].length}`,
        );
    }

    const outboxWork = await meilisearchWork(
      admin,
      PROFILE_INDEXES.map((index) => context.get(SearchClient).uid(index)),
      outboxSince,
    );

    const direct = documents / directSeconds;
    const outbox = documents / outboxSeconds;
    const ratio = outbox / direct;
    this.figures.push({
      measure: `Indexing ${documents.toLocaleString('en')} documents (${PROFILE_INDEXES.join(' + ')})`,
      value: `outbox ${perSecond(documents, outboxSeconds, 'docs')} (${outboxSeconds.toFixed(1)} s)`,
      baseline: `direct ${perSecond(documents, directSeconds, 'docs')} (${directSeconds.toFixed(1)} s)`,
      ratio: ratioText(ratio, INDEXING_RATIO_GOAL),
      goal: `≥ ${INDEXING_RATIO_GOAL}`,
      met: ratio >= INDEXING_RATIO_GOAL,
    });
    this.figures.push({
      measure: `CPU time while indexing (${cpus().length} cores)`,
      value: `outbox: ${describeCpu(outboxCpu)}`,
      baseline: `direct: ${describeCpu(directCpu)}`,
    });
    this.figures.push({
      measure: 'Meilisearch document batches while indexing',
      value: `outbox: ${describeWork(outboxWork)}`,
      baseline: `direct: ${describeWork(directWork)}`,
    });
    this.notes.push(
      `**Indexing**: one \`syncSearch\` outbox message per generated profile and index (${messages.toLocaleString('en')} messages, inserted in one statement in the order the services record them: for each profile a sync of each index, profile after profile) relayed by the worker process (\`OUTBOX_BATCH_SIZE\` ${this.workerConfig().outbox.batchSize}), timed from the insert until every message is delivered (the relay marks a message delivered only after Meilisearch finished the task). Baseline: the same documents, built beforehand by the same projections (${loadSeconds.toFixed(1)} s, not counted), added straight to scratch indexes with the same settings in requests of ${DIRECT_CHUNK.toLocaleString('en')}, all sent at once, timed until Meilisearch finished. Ratio = outbox throughput / direct throughput.`,
    );
    this.notes.push(
      '**CPU time while indexing**: user + system CPU seconds of the worker process, of PostgreSQL and of Meilisearch (when the benchmark started it), read before and after each timed section. PostgreSQL: the backends serving the benchmark database (`pg_stat_activity`, the benchmark’s own connection left out; one opened in between counts from its start) and every process the postmaster reaped in between (its children’s CPU time in /proc: the parallel workers of the queries, a backend that closed, an autovacuum worker), but not its long-lived background processes, and only when PostgreSQL runs on this machine. The direct add reads nothing from PostgreSQL and needs no worker. What the outbox path costs beyond the direct add is what it must do on the same cores: read and build every document, and claim and mark every message. "In all" divided by the cores is the shortest time that work could take on them, if nothing ever waited.',
    );
    this.notes.push(
      '**Meilisearch document batches**: the document-addition batches Meilisearch ran for the two indexes of each path (`GET /batches`, tasks enqueued from the start of the path): how many, their smallest and largest number of documents, the documents they received in all (more than the path’s when a document was written twice), and the sum of their durations. Meilisearch merges the tasks waiting for an index into one batch, and a batch costs more the larger the index it adds to, so the same documents in more, smaller batches keep it busy longer.',
    );
    // The relay's writes leave work for autovacuum and the checkpointer: done now, untimed.
    await this.settleDatabase();
  }

  /**
   * `VACUUM (ANALYZE)` and a `CHECKPOINT`, untimed: bulk writes (the generated rows, the relay's) leave work for
   * autovacuum and the checkpointer, which would otherwise start in the middle of the next timed section. A
   * checkpoint needs a superuser (or pg_checkpoint); without one, only the vacuum runs.
   */
  private async settleDatabase(): Promise<boolean> {
    await this.sql.query('VACUUM (ANALYZE)');
    return this.sql.query('CHECKPOINT').then(
      () => true,
      () => false,
    );
  }

  /** Employer search through the API (GraphQL over HTTP, authenticated) against the same search sent to Meilisearch. */
  private async employerSearch(): Promise<void> {
    const { searches } = this.options;
    const login = await this.graphql(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: SEARCHING_EMPLOYER, password: DEMO_PASSWORD } },
    );
    const token = (login as { login: { accessToken: string } }).login.accessToken;
    const cases = searchCases();
    const query = `query($query: String, $filter: ProfileSearchFilter, $first: Int) {
      searchProfiles(query: $query, filter: $filter, first: $first) {
        total { count fewerThan }
        pageInfo { hasNextPage endCursor }
        nodes { publicId summary }
        facets {
          occupations { value label count { count fewerThan } }
          skills { value label count { count fewerThan } }
          areas { value label count { count fewerThan } }
          swedishLevels { value label count { count fewerThan } }
          placementKinds { value label count { count fewerThan } }
        }
      } }`;

    // The exact Meilisearch requests the API makes for these searches: the search service run in-process once
    // per case, its multi-search captured.
    const client = this.context!.get(SearchClient);
    const service = providerNamed<{ searchProfiles(caller: object, args: object): Promise<unknown> }>(
      this.context!,
      'ProfileSearchService',
    );
    // As the employer the API searches for: the profiles it knows are left out the same way.
    const [employer] = (
      await this.sql.query<{ id: string; organisation_id: string }>(
        'SELECT id, organisation_id FROM users WHERE email = $1',
        [SEARCHING_EMPLOYER],
      )
    ).rows;
    const caller = { userId: employer!.id, organisationId: employer!.organisation_id, role: 'EMPLOYER' };
    const captured: MultiSearchParams[] = [];
    const original = client.meilisearch.multiSearch.bind(client.meilisearch);
    client.meilisearch.multiSearch = ((params: MultiSearchParams, ...rest: unknown[]) => {
      captured.push(structuredClone(params));
      return (original as (...args: unknown[]) => unknown)(params, ...rest);
    }) as typeof client.meilisearch.multiSearch;
    for (const args of cases) await service.searchProfiles(caller, { first: 20, ...args });
    client.meilisearch.multiSearch = original;
    if (captured.length !== cases.length)
      throw new Error('The search service did not make one multi-search per search');

    const raw = meilisearchClient(this.meili.url, this.keys.api);
    const bar = progress('Employer search: the API, then Meilisearch', searches, 'pairs');
    const { measured: apiTimes, baseline: rawTimes } = await pairedLatencies(
      searches,
      (i) => this.graphql(query, { first: 20, ...cases[i % cases.length] }, token),
      (i) => raw.multiSearch(captured[i % captured.length]),
      WARMUP,
      () => bar.advance(),
    );
    bar.stop();
    const ratio = percentile(apiTimes, 95) / percentile(rawTimes, 95);
    this.figures.push({
      measure: 'Employer search p50 / p95',
      value: `API ${ms(percentile(apiTimes, 50))} / ${ms(percentile(apiTimes, 95))}`,
      baseline: `Meilisearch ${ms(percentile(rawTimes, 50))} / ${ms(percentile(rawTimes, 95))}`,
      ratio: `${ratioText(ratio, SEARCH_P95_RATIO_GOAL)} (p95)`,
      goal: `≤ ${SEARCH_P95_RATIO_GOAL}`,
      met: ratio <= SEARCH_P95_RATIO_GOAL,
    });
    this.notes.push(
      `**Employer search**: ${searches} \`searchProfiles\` requests, one after another, as an employer with a bearer token (a demo employer with three openings and two people placed with it before, whose profiles every search leaves out), over HTTP to the API process (${cases.length} different searches: free text and filters on occupation, skills, Swedish level, area, availability, placement kind, driving licence; 20 hits a page, with the total and five facets), after ${WARMUP} untimed ones. Baseline: the Meilisearch multi-search the API makes for each of them (captured from the search service run in-process, so the same query, filters, facets and page), sent with the API's search key. The two run in pairs, each API request followed by its Meilisearch request, so that whatever else the machine does at a moment shows in both series. Ratio = API p95 / Meilisearch p95.`,
    );
  }

  /** Matching one opening end to end, in-process, against the retrieval alone and against one SQL query. */
  private async matchingOneOpening(): Promise<void> {
    const { matches } = this.options;
    const context = this.context!;
    const config = this.workerConfig();
    const matching = providerNamed<{
      matchOpening(payload: { openingId: string; version: string }): Promise<unknown>;
    }>(context, 'MatchingService');
    const openingIds = await generateOpenings(this.sql, matches + WARMUP);
    const versions = await this.versionsOf(openingIds);
    const client = context.get(SearchClient);
    const captured: MultiSearchParams[] = [];
    const original = client.meilisearch.multiSearch.bind(client.meilisearch);
    client.meilisearch.multiSearch = ((params: MultiSearchParams, ...rest: unknown[]) => {
      captured.push(structuredClone(params));
      return (original as (...args: unknown[]) => unknown)(params, ...rest);
    }) as typeof client.meilisearch.multiSearch;
    const raw = meilisearchClient(this.meili.url, this.keys.worker);
    let bar = progress('Matching one opening, then its retrieval alone', matches, 'pairs');
    // Each opening matched once, for the first time: retrieval, scoring and every proposal written; then the
    // retrieval it made, sent again.
    const { measured: endToEnd, baseline: retrieval } = await pairedLatencies(
      matches,
      (i) => matching.matchOpening({ openingId: openingIds[i], version: versions.get(openingIds[i])! }),
      (i) => raw.multiSearch(captured[i]),
      WARMUP,
      () => bar.advance(),
    );
    bar.stop();
    client.meilisearch.multiSearch = original;
    if (captured.length !== openingIds.length)
      throw new Error('Matching did not make one retrieval per opening');
    const [{ proposals }] = (
      await this.sql.query<{ proposals: number }>(
        'SELECT count(*)::int AS proposals FROM match_proposals WHERE opening_id = ANY($1)',
        [openingIds],
      )
    ).rows;

    const today = new Date().toISOString().slice(0, 10);
    bar = progress('The same matching in one SQL query', matches, 'openings');
    const inSql = await latencies(
      matches,
      (i) => matchInPostgres(this.sql, openingIds[i], config.matching.topN, config.matching.weights, today),
      WARMUP,
      () => bar.advance(),
    );
    bar.stop();

    const ratio = percentile(endToEnd, 95) / percentile(retrieval, 95);
    this.figures.push({
      measure: 'Matching one opening p50 / p95',
      value: `end to end ${ms(percentile(endToEnd, 50))} / ${ms(percentile(endToEnd, 95))}`,
      baseline: `retrieval ${ms(percentile(retrieval, 50))} / ${ms(percentile(retrieval, 95))}`,
      ratio: `${ratioText(ratio, MATCHING_P95_RATIO_GOAL)} (p95)`,
      goal: `≤ ${MATCHING_P95_RATIO_GOAL}`,
      met: ratio <= MATCHING_P95_RATIO_GOAL,
    });
    this.figures.push({
      measure: 'Matching one opening, PostgreSQL alone p50 / p95',
      value: `end to end ${ms(percentile(endToEnd, 50))} / ${ms(percentile(endToEnd, 95))}`,
      baseline: `one SQL query ${ms(percentile(inSql, 50))} / ${ms(percentile(inSql, 95))}`,
      ratio: `${(percentile(endToEnd, 95) / percentile(inSql, 95)).toFixed(2)} (p95)`,
      goal: 'reported',
    });
    this.notes.push(
      `**Matching one opening**: ${matches} generated published openings (praktik and extratjänster in Stockholms län, 1–3 required and 0–2 nice-to-have skills of their field, a minimum Swedish level on three in four), each matched once (after ${WARMUP} others, untimed), one after another, by the worker's matching service in the benchmark's process (the \`MatchOpening\` job's work without the queue): Meilisearch retrieval with the hard constraints as filters (up to \`MATCH_CANDIDATE_LIMIT\` ${config.matching.candidateLimit}), the PostgreSQL rows of the candidates, scoring, and the top ${config.matching.topN} proposals written (${proposals.toLocaleString('en')} in all). Baseline: the retrieval multi-search alone (captured from each run, so the same filters), sent again with the worker's key right after the opening's matching (the two series in pairs). The alternative: the same hard constraints and score components computed by one SQL query over every published profile, top ${config.matching.topN} by score, nothing written (scripts/bench/sql-matching.ts).`,
    );
  }

  /** Openings per second through the worker: a batch of MatchOpening jobs delivered by the outbox. */
  private async matchingBatch(): Promise<void> {
    const { openings } = this.options;
    const openingIds = await generateOpenings(this.sql, openings);
    const versions = await this.versionsOf(openingIds);
    const queue = this.queue(QueueName.Matching);
    const before = (await queue.getJobCounts('completed')).completed;
    const bar = progress(`Batch of ${openings} openings (worker)`, openings, 'openings');
    const started = performance.now();
    await this.sql.query(
      `INSERT INTO outbox_messages (kind, payload)
       SELECT 'JOB', jsonb_build_object('job', jsonb_build_object('name', 'match-opening',
                'payload', jsonb_build_object('openingId', m.id, 'version', m.version)))
         FROM unnest($1::text[], $2::text[]) AS m(id, version)`,
      [openingIds, openingIds.map((id) => versions.get(id)!)],
    );
    await this.sql.query(`SELECT pg_notify('outbox', '')`);
    await until(
      'the batch',
      async () => {
        if (!this.worker?.running) throw new Error(`The worker stopped:\n${this.worker?.recentOutput}`);
        const { completed, failed } = await queue.getJobCounts('completed', 'failed');
        bar.set(completed - before);
        if (failed > 0) throw new Error(`${failed} matching jobs failed:\n${this.worker.recentOutput}`);
        return completed - before >= openings;
      },
      3_600_000,
      100,
    );
    const elapsed = seconds(started);
    bar.stop();
    const concurrency = this.workerConfig().queue.concurrency;
    this.figures.push({
      measure: `Batch of ${openings.toLocaleString('en')} openings through the worker`,
      value: `${perSecond(openings, elapsed, 'openings')} (${elapsed.toFixed(1)} s)`,
    });
    this.notes.push(
      `**Batch**: ${openings.toLocaleString('en')} more generated openings, their \`MatchOpening\` jobs recorded in the outbox in one statement, relayed to BullMQ and run by the one worker process (\`WORKER_CONCURRENCY\` ${concurrency}); timed from the insert until BullMQ counts every job completed.`,
    );
  }

  /** CPU readings of what indexing runs on: the worker, the benchmark database's PostgreSQL backends, Meilisearch. */
  private async cpuReadings(): Promise<Record<CpuPart, CpuReading>> {
    const { rows } = await this.sql.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const [worker, postgres, meilisearch] = await Promise.all([
      readCpu([this.worker!.pid]),
      readCpu(
        rows.map((row) => row.pid),
        { named: 'postgres', reapedBy: true },
      ),
      readCpu(this.meili.pid ? [this.meili.pid] : []),
    ]);
    return { worker, postgres, meilisearch };
  }

  private async memory(): Promise<void> {
    const [api, worker] = [await this.api!.peakRss(), await this.worker!.peakRss()];
    this.figures.push({ measure: 'Peak RSS of the API process', value: megabytes(api) });
    this.figures.push({ measure: 'Peak RSS of the worker process', value: megabytes(worker) });
    this.notes.push(
      '**Memory**: the peak resident set size (VmHWM in /proc/<pid>/status, the kernel’s high-water mark) of the API and the worker processes over the whole run, each a Node process started as `npm run start:api` and `npm run start:worker` would.',
    );
  }

  /** The version each job payload carries: the opening's updated_at in epoch milliseconds. */
  private async versionsOf(openingIds: string[]): Promise<Map<string, string>> {
    const { rows } = await this.sql.query<{ id: string; version: string }>(
      `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint::text AS version FROM openings WHERE id = ANY($1)`,
      [openingIds],
    );
    return new Map(rows.map((row) => [row.id, row.version]));
  }

  private async graphql(query: string, variables: object, token?: string): Promise<unknown> {
    const response = await fetch(`${this.apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors?.length || !body.data)
      throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }

  private async tearDown(): Promise<void> {
    for (const child of this.processes) await child.stop().catch(() => undefined);
    await this.context?.close().catch(() => undefined);
    for (const queue of this.queues.values()) await queue.close().catch(() => undefined);
    await this.sql?.end().catch(() => undefined);
    if (this.options.keep) {
      say(
        `Kept: database ${this.databaseName}, indexes ${this.indexPrefix}*, Redis keys ${this.redisPrefix}:*.`,
      );
    } else {
      await this.cleanUp().catch((error: unknown) => say(`Clean-up incomplete: ${String(error)}`));
    }
    for (const service of [...this.services].reverse()) await service.stop?.().catch(() => undefined);
    stopReadingCpu();
  }

  private async cleanUp(): Promise<void> {
    if (this.serverUrl) {
      const admin = new pg.Client({ connectionString: this.serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
      await admin.end();
    }
    if (this.meili) {
      const admin = meilisearchClient(this.meili.url, this.meili.masterKey);
      const { results } = await admin.getIndexes({ limit: 1000 });
      // The run id is unique: whatever wraps the prefix (worker-only indexes), it is this run's.
      for (const index of results.filter((i) => i.uid.includes(this.indexPrefix)))
        await admin.deleteIndex(index.uid).waitTask();
      const { results: keys } = await admin.getKeys({ limit: 1000 });
      for (const key of keys.filter((k) => k.indexes.some((pattern) => pattern.includes(this.indexPrefix))))
        await admin.deleteKey(key.uid);
    }
    if (this.redisUrl) {
      const redis = new Redis(this.redisUrl);
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}:*`, 'COUNT', 1000);
        if (found.length > 0) await redis.del(...found);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    }
    say(
      `Removed database ${this.databaseName}, indexes ${this.indexPrefix}*, their keys and Redis keys ${this.redisPrefix}:*.`,
    );
  }
}

/** The report as the repository's Prettier writes Markdown (Prettier is a development dependency: else as it is). */
async function formatted(markdown: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    return await prettier.format(markdown, {
      ...(await prettier.resolveConfig(REPORT)),
      filepath: REPORT,
    });
  } catch {
    return markdown;
  }
}

/** Employer searches as people type them: free text alone, filters alone, and both. */
function searchCases(): Array<{ query?: string; filter?: Record<string, unknown> }> {
  const { OCCUPATIONS: o, SKILLS: s, MUNICIPALITIES: m } = DemoConcepts;
  const inThreeMonths = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  return [
    { query: 'undersköterska' },
    { query: 'städ' },
    { query: 'kock' },
    { query: 'barnskötare', filter: { areaConceptId: m['0120'].conceptId } },
    { filter: { occupationConceptIds: [o.vardbitrade.conceptId, o.underskoterskaHemtjanst.conceptId] } },
    { filter: { minSwedishLevel: 'SFI_C', placementKind: 'PRAKTIK' } },
    { filter: { skillConceptIds: [s.hygienstadning] } },
    { query: 'lager', filter: { drivingLicences: ['B'] } },
    { filter: { availableBy: inThreeMonths, areaConceptId: m['0182'].conceptId } },
    { query: 'restaurang', filter: { minSwedishLevel: 'SFI_B', availableBy: inThreeMonths } },
    { query: '' },
    { query: 'vård omsorg', filter: { placementKind: 'EXTRATJANST' } },
  ];
}

const bench = new Bench(options(process.argv.slice(2)));
process.on('SIGINT', () => {
  say('Interrupted; cleaning up…');
  void bench['tearDown']().finally(() => process.exit(130));
});
bench.run().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
