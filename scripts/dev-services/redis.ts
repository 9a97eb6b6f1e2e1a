import { Redis } from 'ioredis';
import type { RunningService } from './running-service.js';

const LOCAL = 'redis://127.0.0.1:6379';

export async function canPing(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Redis at REDIS_URL, else at 127.0.0.1:6379; there is no embedded fallback, so say how to get one. */
export async function findRedis(): Promise<RunningService> {
  const url = process.env.REDIS_URL ?? LOCAL;
  if (await canPing(url)) return { url, origin: process.env.REDIS_URL ? 'REDIS_URL' : '127.0.0.1:6379' };
  throw new Error(
    `Redis is not reachable at ${url}.\n` +
      '  Start one, then run the command again:\n' +
      '    - Debian/Ubuntu: sudo apt-get install redis-server (it starts on 127.0.0.1:6379)\n' +
      '    - Docker: docker compose -f docker/compose.yml up -d redis\n' +
      '  or point REDIS_URL at a running Redis (redis://host:6379).',
  );
}
