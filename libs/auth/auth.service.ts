import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '#libs/errors';
import type { Principal } from '#libs/access-control';
import { PasswordHasher, UsersService, type ChangePasswordInput, type User } from '#libs/users';
import { AccessTokens } from './access-token.service.js';
import { LoginThrottle } from './login-throttle.service.js';

const WRONG_CREDENTIALS = 'Wrong email address or password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AccessTokens,
  ) {}

  /**
   * Same answer, in about the same time, for an unknown email, a wrong password and a deactivated account,
   * so that login cannot be used to find out who has an account.
   */
  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
    await this.throttle.attempt(email, address);
    const user = await this.users.findByEmail(email);
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches || !user.active) {
      this.logger.log({ message: 'Login failed', userId: user?.id });
      throw AppError.unauthenticated(WRONG_CREDENTIALS);
    }
    await this.throttle.succeeded(email, address);
    await this.users.recordLogin(user.id);
    const { token, expiresAt } = await this.tokens.issue({
      userId: user.id,
      tokenVersion: user.tokenVersion,
    });
    this.logger.log({ message: 'Login succeeded', userId: user.id });
    return { token, expiresAt, user };
  }

  /**
   * The caller's password changed, given the current one, whose wrong guesses are counted against a lock of their own
   * (a token must not let anyone guess the password without limit); every token of the account stops working, this
   * one too.
   */
  async changePassword(caller: Principal, input: ChangePasswordInput): Promise<void> {
    if (input.newPassword === input.currentPassword) {
      throw AppError.badInput('input.newPassword', 'must differ from the current password');
    }
    await this.throttle.attemptPasswordChange(caller.userId);
    await this.users.changePassword(caller, input);
    await this.throttle.passwordChanged(caller.userId);
  }
}
