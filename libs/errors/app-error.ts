/** Stable codes clients can rely on; they travel in `errors[].extensions.code`. */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL',
}

/** One wrong input field: `field` is the path from the argument, for example `input.organisationNumber`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface AppErrorDetails {
  fields?: FieldProblem[];
  retryAfterSeconds?: number;
}

/**
 * The one error type domain code throws. The API maps it to a GraphQL error with the same code,
 * the field at fault and nothing else: no stack, no internals.
 */
export class AppError extends Error {
  private constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The first field at fault, if any. */
  get field(): string | undefined {
    return this.details.fields?.[0]?.field;
  }

  static unauthenticated(message = 'Authentication required'): AppError {
    return new AppError(ErrorCode.Unauthenticated, message);
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }

  static badInput(field: string, message: string): AppError {
    return AppError.badInputs([{ field, message }]);
  }

  static badInputs(fields: FieldProblem[]): AppError {
    const summary = fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    return new AppError(ErrorCode.BadUserInput, `Invalid input. ${summary}`, { fields });
  }

  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, `${what} not found`);
  }

  static conflict(message: string, field?: string): AppError {
    return new AppError(ErrorCode.Conflict, message, field ? { fields: [{ field, message }] } : {});
  }

  static rateLimited(message: string, retryAfterSeconds: number): AppError {
    return new AppError(ErrorCode.RateLimited, message, { retryAfterSeconds });
  }
}
