import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { AppError } from '#libs/errors';
import { REDIS_CLIENT } from '#libs/redis';

/** Failed logins allowed from one address within the lock period, over all accounts. */
const FAILURES_PER_ADDRESS = 100;

/**
 * Locks an account for LOGIN_LOCK_SECONDS after LOGIN_MAX_FAILURES failed logins, and an address after
 * FAILURES_PER_ADDRESS. Counters live in Redis (shared by every API instance) under keyed hashes, so Redis holds
 * no email or IP address; while Redis is unreachable an in-process counter stands in.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(
    @Inject(REDIS_CLIENT) redis: Redis,
    private readonly config: AppConfig,
  ) {
    const { loginMaxFailures, loginLockSeconds } = config.auth;
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:login-failures:${name}`,
        points,
        duration: loginLockSeconds,
        blockDuration: loginLockSeconds,
        insuranceLimiter: new RateLimiterMemory({
          points,
          duration: loginLockSeconds,
          blockDuration: loginLockSeconds,
        }),
      });
    this.byAccount = limiter('account', loginMaxFailures);
    this.byAddress = limiter('address', FAILURES_PER_ADDRESS);
  }

  /** Refuses with RATE_LIMITED while the account or the address is locked. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, origin] = await Promise.all([
      this.byAccount.get(this.key(email)),
      this.byAddress.get(this.key(address)),
    ]);
    const locked = [
      [account, this.config.auth.loginMaxFailures],
      [origin, FAILURES_PER_ADDRESS],
    ] as const;
    for (const [state, limit] of locked) {
      if (state && state.consumedPoints >= limit) throw this.lockedError(state);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    try {
      await Promise.all([this.byAccount.consume(this.key(email)), this.byAddress.consume(this.key(address))]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw this.lockedError(rejection);
      throw rejection;
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(this.key(email));
  }

  private key(value: string): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update(value).digest('base64url');
  }

  private lockedError(state: RateLimiterRes): AppError {
    return AppError.rateLimited(
      'Too many failed login attempts. Try again later.',
      Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
    );
  }
}
