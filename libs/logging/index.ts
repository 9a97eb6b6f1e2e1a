export { createLogger, REDACTED_KEYS } from './logger.js';
export { NestPinoLogger } from './nest-logger.js';
export { runWithLogContext, addToLogContext, currentLogContext, type LogContext } from './log-context.js';
