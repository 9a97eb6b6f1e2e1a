import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '#libs/access-control';

/** Set by @Query, @Mutation and @Subscription of @nestjs/graphql on the resolver method. */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const OPERATION_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Refuses to start the API when a query, mutation or subscription has no access policy. The guard would deny it
 * anyway; this makes the omission a start-up error instead of a confusing FORBIDDEN in production.
 */
@Injectable()
export class AccessPolicyCheck implements OnApplicationBootstrap {
  /** The policy of every operation, by `Query.field` / `Mutation.field`: what tests walk to check who reaches what. */
  readonly policies = new Map<string, AccessPolicy>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const unguarded: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[method] as () => unknown;
        const operation = this.reflector.get<string | undefined>(RESOLVER_TYPE_METADATA, handler);
        if (!operation || !OPERATION_TYPES.has(operation)) continue;
        const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
          handler,
          instance.constructor as never,
        ]);
        if (!policy) unguarded.push(`${instance.constructor.name}.${method}`);
        else this.policies.set(`${operation}.${method}`, policy);
      }
    }
    if (unguarded.length > 0) {
      throw new Error(`Resolvers without @Public() or @Allow(...): ${unguarded.join(', ')}`);
    }
  }
}
