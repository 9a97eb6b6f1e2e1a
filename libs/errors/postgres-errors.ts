function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driverError ?? (error as { code?: string; constraint?: string });
}

/** True when `error` is PostgreSQL's unique violation on `constraint` (any constraint when omitted). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = pgErrorOf(error);
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

/** True when `error` is PostgreSQL's serialization failure: a REPEATABLE READ transaction met a concurrent write. */
export function isSerializationFailure(error: unknown): boolean {
  return pgErrorOf(error)?.code === '40001';
}
