import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '#libs/errors';
import { currentLogContext } from '#libs/logging';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
};

const logger = new Logger('GraphqlErrors');

/** Turns anything a resolver throws into a GraphQL error with a stable code and no internals. */
export function toGraphqlError(exception: unknown): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof AppError) {
    return new GraphQLError(exception.message, {
      extensions: {
        code: exception.code,
        ...(exception.field ? { field: exception.field, fields: exception.details.fields } : {}),
        ...(exception.details.retryAfterSeconds
          ? { retryAfterSeconds: exception.details.retryAfterSeconds }
          : {}),
      },
    });
  }
  if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
    return new GraphQLError(exception.message, {
      extensions: { code: HTTP_STATUS_CODES[exception.getStatus()] },
    });
  }
  return internalError(exception);
}

/** Logs the real error under the request's correlation id and gives the client only that id. */
export function internalError(exception: unknown): GraphQLError {
  const { correlationId } = currentLogContext();
  logger.error({ message: 'Unexpected error', err: exception });
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.Internal, correlationId },
  });
}

/** Global filter: GraphQL errors for resolvers, Nest's default handling for HTTP controllers. */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<'graphql' | 'http'>() === 'graphql') return toGraphqlError(exception);
    return super.catch(exception, host);
  }
}
