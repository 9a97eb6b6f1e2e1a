import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY, requestOf, type AccessPolicy } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { addToLogContext } from '#libs/logging';
import { UsersService } from '#libs/users';
import { AccessTokens } from './access-token.service.js';

/**
 * The global guard: deny by default. A handler runs only when it is `@Public()`, or when the caller has a valid
 * token of an active account and a role its `@Allow(...)` lists. A handler with no policy is refused to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;

    const request = requestOf(context);
    const token = bearerToken(request.headers.authorization);
    if (!token) throw AppError.unauthenticated();
    const holder = await this.tokens.holderOf(token);
    if (!holder) throw AppError.unauthenticated('The access token is invalid or has expired');
    const principal = await this.users.findActivePrincipal(holder.userId, holder.tokenVersion);
    if (!principal)
      throw AppError.unauthenticated(
        'The account is no longer active, or its password changed: log in again',
      );
    addToLogContext({ userId: principal.userId });

    if (!policy || !policy.roles.includes(principal.role)) throw AppError.forbidden();
    request.principal = principal;
    return true;
  }
}

function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  return match ? match[1] : null;
}
