import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import type { AppConfig } from '#libs/config';
import { QueueName, waitsForItsTime } from '#libs/queue';
import { SearchIndexer, type SearchIndex } from '#libs/search';
import { eventually } from './eventually.js';
import { startWorker } from './running-apps.js';
import type { TestEnvironment } from './test-environment.js';

const WORKER_MAIN = join(process.cwd(), 'dist', 'apps', 'worker', 'main.js');
/** Held while one test file compiles, so that two files do not write dist/ at once. */
const BUILD_LOCK = 7_204_118_333;

let built: Promise<void> | undefined;

/**
 * Compiles the application (incrementally, a few seconds when little changed) so that the child process runs the
 * current code: `npm test` compiles nothing itself, jest runs the TypeScript in-process. Type errors elsewhere do
 * not stop it (tsc still writes the JavaScript); a missing worker entry point does.
 */
export function buildWorker(): Promise<void> {
  built ??= (async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
      const result = spawnSync(
        process.execPath,
        ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
        { encoding: 'utf8' },
      );
      if (!existsSync(WORKER_MAIN))
        throw new Error(`The build did not produce ${WORKER_MAIN}:\n${result.stdout}${result.stderr}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => undefined);
      await admin.end();
    }
  })();
  return built;
}

/**
 * The environment variables that give a process `config`: the reverse of AppConfig.fromEnvironment, for the
 * variables a worker reads. `overrides` win.
 */
export function environmentOf(
  config: AppConfig,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: config.environment,
    DATABASE_URL: config.database.url,
    DATABASE_POOL_SIZE: String(config.database.poolSize),
    REDIS_URL: config.redis.url,
    REDIS_PREFIX: config.redis.prefix,
    MEILI_URL: config.search.url,
    MEILI_API_KEY: config.search.apiKey,
    MEILI_INDEX_PREFIX: config.search.indexPrefix,
    WORKER_CONCURRENCY: String(config.queue.concurrency),
    WORKER_LOCK_DURATION_MS: String(config.queue.lockDurationMs),
    WORKER_STALLED_INTERVAL_MS: String(config.queue.stalledIntervalMs),
    JWT_SECRET: config.auth.jwtSecret,
    PERSONAL_DATA_KEY: config.personalData.key.toString('base64'),
    K_ANONYMITY: String(config.anonymity.k),
    OUTBOX_BATCH_SIZE: String(config.outbox.batchSize),
    OUTBOX_POLL_INTERVAL_MS: String(config.outbox.pollIntervalMs),
    OUTBOX_MAX_BACKOFF_SECONDS: String(config.outbox.maxBackoffSeconds),
    MATCH_TOP_N: String(config.matching.topN),
    MATCH_CANDIDATE_LIMIT: String(config.matching.candidateLimit),
    MATCH_WEIGHTS: JSON.stringify(config.matching.weights),
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

/** One JSON log line of the worker (pino). */
export type LogLine = Record<string, unknown> & { message?: string; level?: string };

/**
 * The compiled worker (`dist/apps/worker/main.js`) as a child process, as in production: it can be killed with
 * SIGKILL mid-job, which an in-process Nest context cannot. Its stdout and stderr are kept for assertions and for
 * the message of a failing test.
 */
export class WorkerProcess {
  private output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    const append = (chunk: Buffer) => (this.output += chunk.toString('utf8'));
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts a worker with the environment `env` (see environmentOf) and waits until it runs. */
  static async start(env: Record<string, string>, timeoutMs = 30_000): Promise<WorkerProcess> {
    await buildWorker();
    const child = spawn(process.execPath, ['--enable-source-maps', WORKER_MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const running = worker.waitForLog(
      (line) => line.message?.startsWith('Worker running') ?? false,
      timeoutMs,
    );
    const died = worker.exited.then(({ code, signal }) => {
      throw new Error(`The worker exited at start (${signal ?? code}):\n${worker.output}`);
    });
    await Promise.race([running, died]);
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Fails, with its last output, when the process has exited (it crashed, or was stopped). */
  assertRunning(): void {
    if (!this.running)
      throw new Error(
        `The worker process exited (${this.child.signalCode ?? `code ${this.child.exitCode}`}); last output:\n${this.output.slice(-4_000)}`,
      );
  }

  /** Everything the process wrote, stdout and stderr. */
  get log(): string {
    return this.output;
  }

  /** The JSON log lines written so far. */
  lines(): LogLine[] {
    return this.output.split('\n').flatMap((text) => {
      if (!text.startsWith('{')) return [];
      try {
        return [JSON.parse(text) as LogLine];
      } catch {
        return [];
      }
    });
  }

  /** Waits for a log line that `matches`; fails with the output so far. */
  async waitForLog(matches: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines().find(matches);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`No such worker log line within ${timeoutMs} ms; output:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hook runs, running jobs keep their locks until they expire. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the worker lets its running jobs finish, then exits (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

/** A BullMQ queue of the test file's Redis prefix, for assertions on job states. Close it after use. */
export function testQueue(environment: TestEnvironment, name: QueueName): Queue {
  return new Queue(name, {
    connection: { url: environment.workerConfig.redis.url },
    prefix: environment.workerConfig.redis.prefix,
  });
}

/** Outbox messages not delivered yet, with their attempts and last error. */
export async function pendingOutbox(environment: TestEnvironment): Promise<
  Array<{
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    last_error: string | null;
  }>
> {
  return (await environment.sql(
    'SELECT id, kind, payload, attempts, last_error FROM outbox_messages WHERE delivered_at IS NULL ORDER BY id',
  )) as never;
}

/**
 * What the system still has to do: undelivered outbox messages (by kind and target) and jobs waiting, active,
 * delayed (scheduled ones excepted) or failed (by queue). Empty when everything is done; otherwise it says what is left, for test messages.
 */
export async function unfinished(environment: TestEnvironment): Promise<string[]> {
  const left = (
    await environment.sql(
      `SELECT kind::text || ' ' || coalesce(payload->>'index', payload->'job'->>'name') || ': ' || count(*)
              || ' (attempts ' || max(attempts) || coalesce(', ' || left(max(last_error), 200), '') || ')' AS line
         FROM outbox_messages WHERE delivered_at IS NULL GROUP BY kind, coalesce(payload->>'index', payload->'job'->>'name')`,
    )
  ).map((row) => `outbox ${row.line as string}`);
  for (const name of Object.values(QueueName)) {
    const queue = testQueue(environment, name);
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'failed', 'prioritized');
      counts.delayed = (await queue.getDelayed()).filter((job) => !waitsForItsTime(job)).length;
      for (const [state, count] of Object.entries(counts))
        if (count > 0) left.push(`${name} ${state}: ${count}`);
    } finally {
      await queue.close();
    }
  }
  return left;
}

/** Waits until nothing is unfinished (see unfinished); fails saying what was left, with the worker's last output. */
export async function settle(
  environment: TestEnvironment,
  worker?: WorkerProcess,
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await eventually(
      async () => {
        worker?.assertRunning();
        return unfinished(environment);
      },
      (left) => left.length === 0,
      timeoutMs,
    );
  } catch (error) {
    if (!worker?.running) throw error;
    throw new Error(`${(error as Error).message}\nWorker output (last lines):\n${worker.log.slice(-4_000)}`, {
      cause: error,
    });
  }
}

/**
 * Rebuilds `indexes` from PostgreSQL, as `npm run reindex` does, with an in-process worker of `config`: a fault test
 * starts from indexes equal to the database, whatever the template's outbox held.
 */
export async function rebuildIndexes(config: AppConfig, indexes: SearchIndex[]): Promise<void> {
  const worker = await startWorker(config);
  try {
    const indexer = worker.get(SearchIndexer, { strict: false });
    for (const index of indexes) await indexer.rebuild(index);
  } finally {
    await worker.close();
  }
}
