import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { AppConfig } from '#libs/config';
import { formatGraphqlError } from './format-error.js';
import { requestLoggingPlugin } from './request-logging.plugin.js';

const apolloLogger = new Logger('Apollo');

/**
 * Apollo Server, hardened: query depth, aliases, cost and size limited (the limits are not revealed to clients),
 * no batched requests, CSRF prevention on, no stack traces; introspection and field suggestions off in production.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.graphql.maxDepth,
      flattenFragments: true,
      exposeLimits: false,
      errorMessage: 'Query is too deep.',
    },
    maxAliases: {
      n: config.graphql.maxAliases,
      exposeLimits: false,
      errorMessage: 'Query has too many aliases.',
    },
    costLimit: {
      maxCost: config.graphql.maxCost,
      exposeLimits: false,
      errorMessage: 'Query is too expensive.',
    },
    maxTokens: { n: config.graphql.maxTokens, exposeLimits: false, errorMessage: 'Query is too large.' },
    maxDirectives: { n: 20, exposeLimits: false, errorMessage: 'Query has too many directives.' },
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    graphiql: !config.isProduction,
    playground: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    // graphql-armor is CommonJS and types its plugins with Apollo's CommonJS declarations; they are the same at run time.
    // No cache hints are used: without the cache-control plugin Apollo does not wrap every field's resolver (about
    // a tenth of an employer search's time in the API went to that wrapping).
    plugins: [
      ...protection.plugins,
      requestLoggingPlugin,
      ApolloServerPluginCacheControlDisabled(),
    ] as unknown as ApolloDriverConfig['plugins'],
    validationRules: protection.validationRules,
    logger: {
      debug: (message) => apolloLogger.debug(message),
      info: (message) => apolloLogger.log(message),
      warn: (message) => apolloLogger.warn(message),
      error: (message) => apolloLogger.error(message),
    },
    context: ({ req }: { req: unknown }) => ({ req }),
  };
}
