/** PostgreSQL's exclusion constraint against two PLANNED or ACTIVE placements of one participant that overlap. */
export const OVERLAP_CONSTRAINT = 'xc_placements_participant_period';

/** True when `error` is PostgreSQL's exclusion violation (23P01) on `constraint`. */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  const pgError = driverError ?? (error as { code?: string; constraint?: string });
  return pgError?.code === '23P01' && pgError.constraint === constraint;
}
