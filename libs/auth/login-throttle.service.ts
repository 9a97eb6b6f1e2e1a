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

  /**
   * Counts an attempt at the account's password before it is checked, so that attempts sent at once cannot all be
   * checked (each reads the count the others have not raised yet): RATE_LIMITED once the account has had
   * LOGIN_MAX_FAILURES attempts, or the address FAILURES_PER_ADDRESS, within the lock period. A right password gives
   * them back (`succeeded`), so only failures add up.
   */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await Promise.all([this.byAccount.consume(this.key(email)), this.byAddress.consume(this.key(address))]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw this.lockedError(rejection);
      throw rejection;
    }
  }

  /** The password was right: the account's attempts start over, and the address gets this attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(this.key(email)), this.byAddress.reward(this.key(address), 1)]);
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
