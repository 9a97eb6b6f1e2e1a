import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';

const logger = new Logger('GraphQL');

/** One log line per GraphQL request: operation, duration, error codes. Never the query text or its variables. */
export const requestLoggingPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, operation, errors }) {
        logger.log({
          message: 'GraphQL request',
          operationName: operationName?.slice(0, 100),
          operation: operation?.operation,
          durationMs: Math.round(performance.now() - started),
          errorCodes: errors?.map((error) => error.extensions?.code),
        });
      },
    };
  },
};
