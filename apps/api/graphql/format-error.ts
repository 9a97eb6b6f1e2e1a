import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '#libs/errors';
import { internalError } from './graphql-error.filter.js';

/** Apollo's own request-level codes: bad syntax, failed validation (including query limits), bad variables. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
const SYNTAX_ERROR = /^Syntax Error: (.*)$/s;

export const QUERY_LIMIT_MESSAGES = new Set([
  'Query is too deep.',
  'Query has too many aliases.',
  'Query is too expensive.',
  'Query is too large.',
  'Query has too many directives.',
]);

const KNOWN_CODES = new Set<unknown>([...Object.values(ErrorCode), ...REQUEST_CODES]);

/**
 * graphql-js's refusals of a variable's value: `Variable "$input" got invalid value "X" at "input.kind"; …`,
 * `Variable "$id" of required type "ID!" was not provided.` The path (or the variable) is the field at fault.
 */
const VARIABLE_PROBLEM = /^Variable "\$([^"]+)"(?: got invalid value .*? at "([^"]+)")?/s;

/** BAD_USER_INPUT from the variables' coercion, before any resolver: `field` and `fields` as our own errors have. */
function withVariableField(formatted: GraphQLFormattedError, extensions: Record<string, unknown>) {
  const problem =
    extensions.code === ErrorCode.BadUserInput && extensions.field === undefined
      ? VARIABLE_PROBLEM.exec(formatted.message)
      : null;
  if (!problem) return extensions;
  const field = problem[2] ?? problem[1];
  return { ...extensions, field, fields: [{ field, message: formatted.message }] };
}

/**
 * The last step before an error reaches a client: stack traces never leave, and any error without one of our
 * codes (something that escaped the resolver filter) is logged and masked as INTERNAL.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const syntax = SYNTAX_ERROR.exec(formatted.message);
  if (syntax) {
    // graphql-armor reports its limits, and its token-limited parser every syntax error, as "Syntax Error: …".
    const limit = QUERY_LIMIT_MESSAGES.has(syntax[1]);
    return {
      ...formatted,
      message: limit ? syntax[1] : formatted.message,
      extensions: { ...extensions, code: limit ? 'GRAPHQL_VALIDATION_FAILED' : 'GRAPHQL_PARSE_FAILED' },
    };
  }
  if (KNOWN_CODES.has(extensions.code))
    return { ...formatted, extensions: withVariableField(formatted, extensions) };
  const masked = internalError((error as { originalError?: unknown })?.originalError ?? error);
  return {
    message: masked.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: masked.extensions,
  };
}
