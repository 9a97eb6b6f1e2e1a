/*
 * Calendar dates: days without a time of day or a time zone. A date is either written YYYY-MM-DD (what the API and
 * the database use) or held as a Date at 00:00 UTC of that day, so that adding days never meets a DST change.
 */

const DAY_MS = 86_400_000;

/** Why `value` is not a calendar date written YYYY-MM-DD, or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'must be a date written YYYY-MM-DD';
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'is not a date in the calendar';
  }
  if (year < 2000 || year > 2100) return 'must be a year between 2000 and 2100';
  return null;
}

/** The day of `date` (its UTC date) at 00:00 UTC. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The day `days` days later (earlier when negative). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * The same day `months` calendar months later (earlier when negative), clamped to the last day of a shorter month:
 * 31 January + 1 month → 28 February (29 in a leap year); 31 August + 6 months → 28 February.
 */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const daysInMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), daysInMonth));
  return target;
}

/** YYYY-MM-DD of the day of `date` (UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day a YYYY-MM-DD date names, at 00:00 UTC. */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/**
 * The last day of a period of `months` calendar months starting on `startDate` (YYYY-MM-DD): 2026-01-15 + 6
 * months → 2026-07-14; 2026-01-01 + 6 months → 2026-06-30. When the end month lacks the start day, the date is
 * clamped first (31 August + 6 months → 28 February), so the period ends on 27 February.
 */
export function lastDayWithin(startDate: string, months: number): string {
  return isoDate(addDays(addMonths(parseIsoDate(startDate), months), -1));
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}
