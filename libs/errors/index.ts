export { AppError, ErrorCode, type FieldProblem, type AppErrorDetails } from './app-error.js';
export { isUniqueViolation } from './postgres-errors.js';
