import { parseIsoDate } from './calendar-date.js';

/** Where the product's users live: notifications come at their hours. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: SWEDISH_TIME_ZONE, timeZoneName: 'longOffset' });

/** Minutes Swedish time is ahead of UTC at `at` (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const name = OFFSET.formatToParts(at).find((part) => part.type === 'timeZoneName')!.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE });

/** The day it is in Sweden at `now`, YYYY-MM-DD: the day users mean by "today". */
export function todayInSweden(now = new Date()): string {
  return SWEDISH_DATE.format(now);
}

/** `todayInSweden` in PostgreSQL, for SQL text: a date. */
export const TODAY_IN_SWEDEN_SQL = `(now() AT TIME ZONE '${SWEDISH_TIME_ZONE}')::date`;

/** The moment it is `hour`:00 in Sweden on `date` (YYYY-MM-DD), summer time or not. */
export function swedishTime(date: string, hour: number): Date {
  const wall = parseIsoDate(date).getTime() + hour * 3_600_000;
  // The offset of the moment itself: read once near it, then again at the moment found (a DST change between).
  const near = wall - offsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - offsetMinutes(new Date(near)) * 60_000);
}
