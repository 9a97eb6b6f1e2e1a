export { AppError, ErrorCode, type FieldProblem, type AppErrorDetails } from './app-error.js';
export { isSerializationFailure, isUniqueViolation } from './postgres-errors.js';
