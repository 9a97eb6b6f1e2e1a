import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from './principal.js';
import type { Role } from './role.js';

export const ACCESS_POLICY = 'matchbron:access-policy';

/** Who may call a resolver. A resolver without a policy is refused: deny by default. */
export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Callable without authentication (login, health). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Callable by authenticated users with one of these roles. Finer checks (own organisation) stay in services. */
export const Allow = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

/** Request object for GraphQL and HTTP handlers alike. */
export function requestOf(context: ExecutionContext): {
  principal?: Principal;
  headers: Record<string, unknown>;
} {
  if (context.getType<'graphql' | 'http'>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: never }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The caller, as set by the auth guard. Only meaningful on handlers with an `@Allow` policy. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentUser used on a handler without an authenticated principal');
  return principal;
});
