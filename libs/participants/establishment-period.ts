import { TODAY_IN_SWEDEN_SQL } from '#libs/calendar';
import { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS } from '#libs/vocabulary';

/**
 * SQL condition on a participant (alias `participant`) and their competence profile (alias `profile`): the
 * etableringsperiod ends within ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS months of today (a Swedish day; months added
 * as PostgreSQL does, the last day of a shorter month kept, as `addMonths`) and has not ended, and the person has no
 * PLANNED or ACTIVE placement: the coach must find one now.
 */
export function needsPlacementBeforeEstablishmentEndsSql(participant: string, profile: string): string {
  return `(${participant}.erased_at IS NULL
    AND ${profile}.establishment_period_ends_on >= ${TODAY_IN_SWEDEN_SQL}
    AND ${profile}.establishment_period_ends_on
        <= (${TODAY_IN_SWEDEN_SQL} + interval '${ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS} months')::date
    -- OCCUPYING_STATUSES of libs/placements, which depends on this lib.
    AND NOT EXISTS (SELECT 1 FROM placements placed WHERE placed.participant_id = ${participant}.id
                      AND placed.status IN ('PLANNED', 'ACTIVE')))`;
}
