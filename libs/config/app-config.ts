import { z } from 'zod';

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

/**
 * The weight (0–100 points) of each component of the match score; the score is the sum of weight × fit (0–1).
 * Defaults sum to 100; `MATCH_WEIGHTS` overrides any of them. README lists them.
 */
export const DEFAULT_MATCH_WEIGHTS = {
  occupation: 25,
  requiredSkills: 20,
  niceToHaveSkills: 7,
  language: 10,
  schedule: 8,
  distance: 8,
  startDate: 6,
  urgency: 6,
  priorityGroups: 5,
  wantedKind: 5,
} as const;

export type MatchWeights = { -readonly [K in keyof typeof DEFAULT_MATCH_WEIGHTS]: number };

const matchWeightsSchema = z
  .object(
    Object.fromEntries(
      Object.keys(DEFAULT_MATCH_WEIGHTS).map((name) => [name, z.number().min(0).max(100).optional()]),
    ) as Record<keyof MatchWeights, z.ZodOptional<z.ZodNumber>>,
  )
  .strict();

/** Every environment variable the processes read; `README.md` lists them with their meaning. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: integer(1, 65535).default(3000),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|loopback|\d+)$/, { error: 'must be false, true, loopback or a number of proxies' })
    .default('false'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: integer(1, 200).default(10),
  DATABASE_PARALLEL_WORKERS: integer(-1, 64).default(0),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  MEILI_URL: httpUrl.default('http://127.0.0.1:7700'),
  MEILI_API_KEY: z
    .string()
    .min(1, { error: 'is required (a scoped Meilisearch API key, not the master key)' }),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, { error: 'may contain only a-z, 0-9 and _' })
    .default(''),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+$/, { error: 'may contain only letters, digits, _, : and -' })
    .default('matchbron'),
  WORKER_CONCURRENCY: integer(1, 64).default(4),
  JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }),
  JWT_TTL_SECONDS: integer(60, 24 * 3600).default(15 * 60),
  LOGIN_MAX_FAILURES: integer(1, 100).default(5),
  LOGIN_LOCK_SECONDS: integer(1, 24 * 3600).default(15 * 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, { error: 'must be a size such as 100kb or 1mb' })
    .default('100kb'),
  GRAPHQL_MAX_DEPTH: integer(2, 50).default(10),
  GRAPHQL_MAX_ALIASES: integer(1, 100).default(15),
  GRAPHQL_MAX_COST: integer(100, 1_000_000).default(5000),
  GRAPHQL_MAX_TOKENS: integer(100, 100_000).default(2000),
  PERSONAL_DATA_KEY: z
    .string({ error: 'is required' })
    .refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32, {
      error: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    }),
  K_ANONYMITY: integer(2, 100).default(5),
  /** Messages one relay loop claims at a time: large, so that a bulk change reaches Meilisearch in few tasks. */
  OUTBOX_BATCH_SIZE: integer(1, 50_000).default(10_000),
  /** Outbox batches a worker delivers at once. */
  OUTBOX_CONCURRENCY: integer(1, 16).default(4),
  OUTBOX_POLL_INTERVAL_MS: integer(10, 60_000).default(1000),
  OUTBOX_MAX_BACKOFF_SECONDS: integer(1, 3600).default(300),
  /**
   * The length of a day for follow-up timing, in milliseconds: a check-in due in 7 days fires 7 such days after it
   * was planned. Shortened only to see the follow-up plan run in minutes (tests, demos).
   */
  FOLLOW_UP_DAY_MS: integer(10, 86_400_000).default(86_400_000),
  /** How many proposals matching keeps per opening (and openings per profile). */
  MATCH_TOP_N: integer(1, 200).default(20),
  /** How many candidates matching retrieves from Meilisearch for one opening before scoring them. */
  MATCH_CANDIDATE_LIMIT: integer(10, 10_000).default(500),
  /** Overrides of the score weights, as JSON, for example {"requiredSkills":30}; README lists the names. */
  MATCH_WEIGHTS: z
    .string()
    .default('{}')
    .transform((value, context) => {
      try {
        return matchWeightsSchema.parse(JSON.parse(value));
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: `must be a JSON object of weights (0–100) by component name: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        });
        return z.NEVER;
      }
    }),
  /** BullMQ: how long a worker holds a job before another may take it over (a killed worker's jobs wait this long). */
  WORKER_LOCK_DURATION_MS: integer(1_000, 600_000).default(30_000),
  /** BullMQ: how often a worker looks for jobs whose worker died. */
  WORKER_STALLED_INTERVAL_MS: integer(1_000, 600_000).default(30_000),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Express's `trust proxy`: how many proxies in front set X-Forwarded-For, so that login throttling sees the client. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validated configuration, injected by type. Built once at boot; a wrong variable stops the process. */
export class AppConfig {
  readonly environment: Environment['NODE_ENV'];
  readonly isProduction: boolean;
  readonly http: { port: number; bodyLimit: string; trustProxy: boolean | number | string };
  readonly database: { url: string; poolSize: number; parallelWorkers: number };
  readonly redis: { url: string; prefix: string };
  readonly search: { url: string; apiKey: string; indexPrefix: string };
  readonly queue: { concurrency: number; lockDurationMs: number; stalledIntervalMs: number };
  readonly auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
  };
  readonly graphql: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  readonly outbox: {
    batchSize: number;
    concurrency: number;
    pollIntervalMs: number;
    maxBackoffSeconds: number;
  };
  readonly log: { level: Environment['LOG_LEVEL'] };
  /** The key that encrypts personnummer and contact details, and keys their lookup hash. */
  readonly personalData: { key: Buffer };
  /** Every combination of quasi-identifiers employers can see is shared by at least this many profiles. */
  readonly anonymity: { k: number };
  readonly matching: { topN: number; candidateLimit: number; weights: MatchWeights };
  readonly followUps: { dayMs: number };

  constructor(env: Environment) {
    this.environment = env.NODE_ENV;
    this.isProduction = env.NODE_ENV === 'production';
    this.http = {
      port: env.PORT,
      bodyLimit: env.HTTP_BODY_LIMIT,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
    };
    this.database = {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      parallelWorkers: env.DATABASE_PARALLEL_WORKERS,
    };
    this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
    this.search = { url: env.MEILI_URL, apiKey: env.MEILI_API_KEY, indexPrefix: env.MEILI_INDEX_PREFIX };
    this.queue = {
      concurrency: env.WORKER_CONCURRENCY,
      lockDurationMs: env.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    };
    this.auth = {
      jwtSecret: env.JWT_SECRET,
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginLockSeconds: env.LOGIN_LOCK_SECONDS,
    };
    this.graphql = {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
    };
    this.outbox = {
      batchSize: env.OUTBOX_BATCH_SIZE,
      concurrency: env.OUTBOX_CONCURRENCY,
      pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      maxBackoffSeconds: env.OUTBOX_MAX_BACKOFF_SECONDS,
    };
    this.log = { level: env.LOG_LEVEL };
    this.personalData = { key: Buffer.from(env.PERSONAL_DATA_KEY, 'base64') };
    this.anonymity = { k: env.K_ANONYMITY };
    this.followUps = { dayMs: env.FOLLOW_UP_DAY_MS };
    this.matching = {
      topN: env.MATCH_TOP_N,
      candidateLimit: env.MATCH_CANDIDATE_LIMIT,
      weights: { ...DEFAULT_MATCH_WEIGHTS, ...definedOnly(env.MATCH_WEIGHTS) },
    };
  }

  /** Parses the environment; throws a ConfigError naming every wrong variable, one line each. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
    const parsed = environmentSchema.safeParse(present);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const message =
          issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
        return `${name} ${message}`;
      });
      throw new ConfigError(problems);
    }
    return new AppConfig(parsed.data);
  }
}

/** For entry points: the validated configuration, or a message per wrong variable on stderr and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return AppConfig.fromEnvironment(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
