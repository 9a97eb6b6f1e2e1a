import { hasValidLuhnCheckDigit } from './luhn.js';

const SAMORDNINGSNUMMER_DAY_OFFSET = 60;
/** Twelve-digit numbers may start with these centuries only. */
const CENTURIES = new Set([18, 19, 20]);
const MAX_AGE = 120;

export interface Personnummer {
  /** Twelve digits, YYYYMMDDNNNC: the form we store. */
  digits: string;
  birthDate: { year: number; month: number; day: number };
  isSamordningsnummer: boolean;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses a personnummer or samordningsnummer as people write it: `19900101-1239`, `199001011239`, `900101-1239`,
 * `9001011239`, or `+` for people aged 100 or more (`121212+1212`). A ten-digit form gets the century that makes
 * its birth date the most recent one not after `today` (with `+`, a hundred years before that). A twelve-digit
 * form must be of the 1800s, 1900s or 2000s. Nobody may be older than 120. Returns the reason when it is not a
 * valid number.
 */
export function parsePersonnummer(input: string, today = new Date()): Personnummer | string {
  const value = input.trim().replace(/\s/g, '');
  const match = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(value);
  if (!match) return 'must be a personnummer such as 19900101-1239 or 900101-1239';
  const [, century, yymmdd, separator, last4] = match as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
  ];
  if (century && separator === '+') return 'must not use + with a four-digit year';
  if (century && !CENTURIES.has(Number(century))) return 'must have a birth year from 1800 to 2099';
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  const isSamordningsnummer = day > SAMORDNINGSNUMMER_DAY_OFFSET;
  if (isSamordningsnummer) day -= SAMORDNINGSNUMMER_DAY_OFFSET;
  const now = utcCalendarDate(today);
  let year: number;
  if (century) {
    year = Number(century) * 100 + yy;
  } else {
    // The latest year ending in yy whose month and day are not after today; `+` says a hundred years earlier.
    year = Math.floor(now.year / 100) * 100 + yy;
    if (compareDates({ year, month, day }, now) > 0) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!existsInCalendar(year, month, day)) return 'has a date that does not exist';
  const birthDate = { year, month, day };
  if (compareDates(birthDate, now) > 0) return 'has a birth date in the future';
  if (ageAt(birthDate, now) > MAX_AGE) return `has a birth date more than ${MAX_AGE} years ago`;
  if (!hasValidLuhnCheckDigit(`${yymmdd}${last4}`)) return 'has a wrong check digit';
  return {
    digits: `${String(year).padStart(4, '0')}${yymmdd.slice(2)}${last4}`,
    birthDate,
    isSamordningsnummer,
  };
}

/** Why `input` is not a personnummer or samordningsnummer, or null when it is one. */
export function personnummerProblem(input: string): string | null {
  const parsed = parsePersonnummer(input);
  return typeof parsed === 'string' ? parsed : null;
}

/** `199001011239` → `19900101-1239`. */
export function formatPersonnummer(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}

function utcCalendarDate(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Built with setUTCFullYear: Date.UTC would read the years 0 to 99 as 1900 to 1999. */
function existsInCalendar(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole years from `birth` to `on`. */
function ageAt(birth: CalendarDate, on: CalendarDate): number {
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
