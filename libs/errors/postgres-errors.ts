/** True when `error` is PostgreSQL's unique violation on `constraint` (any constraint when omitted). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  const pgError = driverError ?? (error as { code?: string; constraint?: string });
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
