import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Allow, CurrentUser, Public, Role, type Principal } from '#libs/access-control';
import { ChangePasswordInput, UserType } from '#libs/users';
import { AuthService } from './auth.service.js';
import { LoginInput, LoginResult } from './dtos/login.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginResult, {
    description: 'Exchanges email and password for a short-lived access token.',
  })
  @Public()
  async login(@Args('input') input: LoginInput, @Context('req') request: Request): Promise<LoginResult> {
    const { token, expiresAt, user } = await this.auth.login(
      input.email,
      input.password,
      request.ip ?? 'unknown',
    );
    return { accessToken: token, expiresAt, user: UserType.from(user) };
  }

  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password, given the current one (BAD_USER_INPUT on input.currentPassword when wrong; " +
      'RATE_LIMITED after LOGIN_MAX_FAILURES wrong ones). Every access token of the account stops working, this ' +
      'one too: log in again with the new password.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async changeMyPassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() caller: Principal,
  ): Promise<boolean> {
    await this.auth.changePassword(caller, input);
    return true;
  }
}
