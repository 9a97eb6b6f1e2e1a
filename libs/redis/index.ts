export { RedisModule, REDIS_CLIENT, createRedisConnection, redisOptions } from './redis.module.js';
