export { closeRedis, RedisModule, REDIS_CLIENT, redisOptions } from './redis.module.js';
