import { z } from 'zod';

const byteSize = z
  .string()
  .regex(/^\d+(b|kb|mb)$/i, 'a size such as 512kb or 1mb')
  .transform((value) => value.toLowerCase());

const positiveInt = z.coerce.number().int().positive();

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable matchpunt reads. Nothing else in the code base reads `process.env`;
 * the README's configuration table is generated from the descriptions below.
 */
export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .describe('Runtime mode (Express and libraries read it too).'),
    HOST: z.string().min(1).default('0.0.0.0').describe('Interface the API listens on.'),
    PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .default(3000)
      .describe('Port the API listens on.'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default('postgres://postgres@127.0.0.1:5432/matchpunt')
      .describe('PostgreSQL connection string.'),
    DATABASE_POOL_SIZE: positiveInt
      .min(2)
      .max(200)
      .default(10)
      .describe(
        'Connections per process, kept open while idle (a fixed-size pool; the API opens them all at start); at least 2 (a run, and the outbox relay, hold one while they use another). Each replica holds this many: keep their sum under PostgreSQL max_connections.',
      ),
    DATABASE_QUERY_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(600_000)
      .default(30_000)
      .describe(
        'API only: how long one statement may go unanswered before its connection is given up and the request answers 503 (a database that stopped answering without resetting the connection); 0 = wait as long as TCP does. The worker waits for region locks and reads whole regions, and is not limited.',
      ),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/ })
      .default('redis://127.0.0.1:6379')
      .describe('Redis connection string (queues, rate limits).'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/, 'letters, digits, colon, dash or underscore')
      .default('matchpunt')
      .describe('Prefix of every Redis key and queue, so deployments can share a Redis.'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level.'),
    BOOTSTRAP_ADMIN_TOKEN: z
      .string()
      .min(32, 'at least 32 characters')
      .optional()
      .describe('If set, an admin credential with exactly this token is ensured at start-up.'),
    BODY_LIMIT: byteSize.default('1mb').describe('Largest JSON request body accepted (413 above).'),
    IMPORT_BODY_LIMIT: byteSize
      .default('10mb')
      .describe('Largest CSV import body accepted (413 above).'),
    RATE_LIMIT_POINTS: positiveInt
      .default(600)
      .describe('Requests per window allowed to one authenticated API token.'),
    RATE_LIMIT_IP_POINTS: positiveInt
      .default(1200)
      .describe(
        'Requests per window from one IP address, with or without a token (checked first).',
      ),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60).describe('Length of the rate-limit window.'),
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .describe('Express `trust proxy` setting, so the client IP is right behind a proxy.'),
    SHUTDOWN_TIMEOUT_MS: positiveInt
      .default(15_000)
      .describe('How long a graceful shutdown may take before the process exits with 1.'),
    WORKER_CONCURRENCY: positiveInt.max(64).default(2).describe('Jobs a worker runs at once.'),
    ENGINE_WARM_UP: flag
      .default(true)
      .describe(
        'Start the engine threads with the worker and let each match a small generated region first, so the first real run does not pay for compiling the engine.',
      ),
    ENGINE_THREAD_NICE: z.coerce
      .number()
      .int()
      .min(0)
      .max(19)
      .default(10)
      .describe(
        'CPU niceness of the matching engine threads (Linux: only those threads), so a long run yields the CPU to the API and to job lock renewals; 0 = same priority as the process.',
      ),
    JOB_LOCK_DURATION_MS: positiveInt
      .min(1_000)
      .default(30_000)
      .describe('Lock of a running job; a job whose worker died is resumed after about this long.'),
    MATCHING_DEBOUNCE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(600_000)
      .default(1_000)
      .describe('A run starts this long after a change, so a burst of changes makes one run.'),
    MATCHING_LOCK_TIMEOUT_MS: positiveInt
      .default(300_000)
      .describe('How long a run waits for the run before it in the same region.'),
    OUTBOX_POLL_MS: positiveInt
      .max(600_000)
      .default(2_000)
      .describe('Outbox relay safety-net poll (it is woken at once on every commit).'),
    WORKER_METRICS_PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(0)
      .describe('Port where a separate worker process serves /metrics; 0 = none.'),
    SEED_DEMO: flag
      .default(false)
      .describe('Release step also loads the demo region and prints its tokens (demo only).'),
    WEBHOOK_SECRET_KEY: z
      .string()
      .min(32, 'at least 32 characters')
      .optional()
      .describe(
        'Encrypts webhook signing secrets at rest (AES-256-GCM); required in production. Keep it secret and stable: a new value makes stored secrets unreadable.',
      ),
    WEBHOOK_MAX_ATTEMPTS: positiveInt
      .max(20)
      .default(8)
      .describe('Attempts per webhook delivery before it is marked failed.'),
    WEBHOOK_BACKOFF_MS: positiveInt
      .max(3_600_000)
      .default(30_000)
      .describe('Delay before the second delivery attempt; it doubles for each further attempt.'),
    NOTIFICATION_RETENTION_DAYS: positiveInt
      .max(3650)
      .default(90)
      .describe(
        'Days an event and its webhook deliveries are kept; a nightly job deletes older ones once every delivery of the event is delivered, failed or cancelled.',
      ),
    WEBHOOK_TIMEOUT_MS: positiveInt
      .min(100)
      .max(60_000)
      .default(10_000)
      .describe('How long one delivery attempt may take, connecting included.'),
    WEBHOOK_ALLOW_HTTP: flag
      .default(false)
      .describe('Accept http:// webhook URLs (tests, local development); otherwise https only.'),
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: flag
      .default(false)
      .describe(
        'Deliver to loopback, private and link-local addresses (tests, local development); otherwise refused.',
      ),
    CONSOLE_DIR: z
      .string()
      .min(1)
      .default('dist/console')
      .describe('Folder of the built console served at /console (relative to the working folder).'),
    MATCHING_SNAPSHOT_CACHE_REGIONS: positiveInt
      .max(64)
      .default(4)
      .describe(
        'Regions whose matching snapshot a process keeps for candidates and "why not" (least recently used leaves first; docs/performance.md gives the memory per region).',
      ),
    MATCHING_SNAPSHOT_MAX_AGE_SECONDS: positiveInt
      .max(1800)
      .default(600)
      .describe(
        'Longest a kept matching snapshot answers candidates and "why not"; at most half the hour the region change log keeps its rows (docs/reliability.md, "Kept snapshots").',
      ),
    REPORT_SMALL_NUMBER_THRESHOLD: z.coerce
      .number()
      .int()
      .min(3)
      .max(100)
      .default(5)
      .describe(
        'Counts below this are shown to gemeenten as "<N" in reports (small-number protection; at least 3).',
      ),
  })
  // The development key encrypts nothing worth protecting; a production secret must not use it.
  // Checked even when other variables are wrong, so every problem is listed at once.
  .refine(
    (config) =>
      (config as { NODE_ENV?: unknown }).NODE_ENV !== 'production' ||
      typeof (config as { WEBHOOK_SECRET_KEY?: unknown }).WEBHOOK_SECRET_KEY === 'string',
    { path: ['WEBHOOK_SECRET_KEY'], message: 'required in production', when: () => true },
  );

export type Config = Readonly<z.infer<typeof configSchema>>;
