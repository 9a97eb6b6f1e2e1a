import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { currentLogContext } from './log-context.js';

/**
 * Keys whose values never reach a log line. Our code logs ids only; this is the second line of defence
 * for personal data that a library or a careless call might pass along.
 */
export const REDACTED_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'authorization',
  'email',
  'phone',
  'name',
  'personnummer',
  'gender',
  'variables',
  'parameters',
  'detail',
];

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  // Only these fields: driver errors carry query parameters and row details, which can hold personal data.
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, code, stack: error.stack };
}

export function createLogger(
  service: string,
  level: LevelWithSilent = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service },
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), 'req.headers.authorization'],
      censor: '[redacted]',
    },
    mixin: () => ({ ...currentLogContext() }),
  } satisfies pino.LoggerOptions;
  return destination ? pino(options, destination) : pino(options);
}
