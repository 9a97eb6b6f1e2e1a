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
 * FAILURES_PER_ADDRESS; each attempt is counted before its password is checked and given back when it was right, so
 * only failures add up. Wrong current passwords at a password change have a lock of their own per account
 * (LOGIN_MAX_FAILURES too): someone who locks the login from outside does not keep the owner from changing it.
 * Counters live in Redis (shared by every API instance) under keyed hashes, so Redis holds no email, IP address or
 * user id; while Redis is unreachable an in-process counter stands in.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;
  private readonly byPasswordChange: RateLimiterRedis;

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
    this.byPasswordChange = limiter('password-change', loginMaxFailures);
  }

  /**
   * Counts a login attempt before its password is checked, so that attempts sent at once cannot all be checked (each
   * would read the count the others had not raised yet): RATE_LIMITED once the address has had FAILURES_PER_ADDRESS
   * attempts or the account LOGIN_MAX_FAILURES within the lock period. The address first: refused there, the attempt
   * does not use up the account's (a colleague's tries behind a locked office address do not lock their account);
   * refused at the account, the address gets its point back.
   */
  async attempt(email: string, address: string): Promise<void> {
    await this.consume(this.byAddress, this.key(address));
    try {
      await this.consume(this.byAccount, this.key(email));
    } catch (error) {
      await this.byAddress.reward(this.key(address), 1);
      throw error;
    }
  }

  /** The password was right: the account's attempts start over, and the address gets this attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(this.key(email)), this.byAddress.reward(this.key(address), 1)]);
  }

  /** Counts an attempt at the current password when changing it, before it is checked (see `attempt`). */
  async attemptPasswordChange(userId: string): Promise<void> {
    await this.consume(this.byPasswordChange, this.key(userId));
  }

  /** The current password was right: the account's password-change attempts start over. */
  async passwordChanged(userId: string): Promise<void> {
    await this.byPasswordChange.delete(this.key(userId));
  }

  private async consume(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw this.lockedError(rejection);
      throw rejection;
    }
  }

  private key(value: string): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update(value).digest('base64url');
  }

  private lockedError(state: RateLimiterRes): AppError {
    return AppError.rateLimited(
      'Too many failed attempts. Try again later.',
      Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
    );
  }
}
