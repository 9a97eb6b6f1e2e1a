export { RedisModule, REDIS_CLIENT, createRedisConnection } from './redis.module.js';
