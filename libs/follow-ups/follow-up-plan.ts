import { addDays, daysBetween, isoDate, parseIsoDate, swedishTime, todayInSweden } from '#libs/calendar';
import { FollowUpKind } from './follow-up-kind.js';

/** Days after the last day when the outcome is due: the national key figure counts the status 90 days after. */
export const OUTCOME_AFTER_DAYS = 90;
/** Days after the start of the first check-in. */
export const WEEK_ONE_AFTER_DAYS = 7;
/** The hour (Swedish time) a check-in comes due on its day: the coach finds it when the working day starts. */
export const CHECK_IN_HOUR = 7;
const FULL_DAY_MS = 86_400_000;

/** What the plan of one placement depends on. */
export interface PlacementPeriod {
  placementId: string;
  startDate: string;
  /** The planned last day while it runs; the actual one once it ended; null while open-ended. */
  endDate: string | null;
  /** RUNNING: PLANNED or ACTIVE; ENDED: COMPLETED or ENDED_EARLY; CANCELLED: nothing fires any more. */
  state: 'RUNNING' | 'ENDED' | 'CANCELLED';
}

const shift = (date: string, days: number) => isoDate(addDays(parseIsoDate(date), days));

/**
 * The day each check-in is due for a running placement: a week after the start, halfway, on the last day and the
 * outcome 90 days after it (the last three only once there is a last day). A check-in that would fall after the
 * last day is left out.
 */
export function plannedDates({ startDate, endDate }: PlacementPeriod): Map<FollowUpKind, string> {
  const dates = new Map<FollowUpKind, string>();
  const weekOne = shift(startDate, WEEK_ONE_AFTER_DAYS);
  if (endDate === null || weekOne <= endDate) dates.set(FollowUpKind.WEEK_ONE, weekOne);
  if (endDate !== null) {
    const midpoint = shift(startDate, Math.floor(daysBetween(startDate, endDate) / 2));
    if (midpoint > weekOne) dates.set(FollowUpKind.MIDPOINT, midpoint);
    dates.set(FollowUpKind.END, endDate);
    dates.set(FollowUpKind.OUTCOME, shift(endDate, OUTCOME_AFTER_DAYS));
  }
  return dates;
}

/**
 * When a check-in due on `dueOn` fires: at CHECK_IN_HOUR, Swedish time, on its day (at once when that has passed).
 * With days shortened (`dayMs`, FOLLOW_UP_DAY_MS, to watch a plan run in seconds): that many days after `plannedAt`.
 */
export function checkInTime(dueOn: string, plannedAt: Date, dayMs: number): Date {
  if (dayMs === FULL_DAY_MS) return swedishTime(dueOn, CHECK_IN_HOUR);
  const days = Math.max(0, daysBetween(todayInSweden(plannedAt), dueOn));
  return new Date(plannedAt.getTime() + days * dayMs);
}
