import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '#libs/access-control';
import { UserType } from '#libs/users';
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
}
