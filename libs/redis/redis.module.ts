import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { AppConfig } from '#libs/config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

const logger = new Logger('Redis');

/**
 * The shared client. Commands fail at once while Redis is unreachable instead of queueing without bound:
 * its callers (login throttling, readiness) decide what to do then.
 */
function createSharedClient(url: string): Redis {
  const connection = new Redis(redisOptions(url, { enableOfflineQueue: false }));
  // Log a lost connection once, not at every reconnect attempt.
  let reachable = true;
  connection.on('error', (error: Error) => {
    if (reachable) logger.warn({ message: 'Redis unreachable; reconnecting', reason: error.message });
    reachable = false;
  });
  connection.on('ready', () => {
    if (!reachable) logger.log('Redis reachable again');
    reachable = true;
  });
  return connection;
}

/**
 * Closes `client` and resolves once its socket has closed. ioredis's disconnect() only starts closing: the socket, and
 * a 2 s timer that destroys it should Redis not answer, stay open until Redis has closed its end (a process or a test
 * worker that should exit then cannot yet). Reconnecting, it has no socket to wait for.
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'reconnecting' || client.status === 'close') {
    client.disconnect();
    return;
  }
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  client.disconnect();
  await ended;
}

/**
 * ioredis options for `url`, for BullMQ: given options (not a client), BullMQ opens its connections itself and closes
 * every one of them when its queue or worker closes.
 */
export function redisOptions(url: string, options: RedisOptions = {}): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...options,
  };
}

/** The process's shared Redis client, for everything but BullMQ (which opens its own connections). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createSharedClient(config.redis.url),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
