import { hasValidLuhnCheckDigit } from './luhn.js';

const SAMORDNINGSNUMMER_DAY_OFFSET = 60;

export interface Personnummer {
  /** Twelve digits, YYYYMMDDNNNC: the form we store. */
  digits: string;
  birthDate: { year: number; month: number; day: number };
  isSamordningsnummer: boolean;
}

/**
 * Parses a personnummer or samordningsnummer as people write it: `19900101-1239`, `199001011239`, `900101-1239`,
 * `9001011239`, or `+` for people aged 100 or more (`121212+1212`). Ten-digit forms get the century that makes
 * the person younger than 100 at `today` (older with `+`). Returns the reason when it is not a valid number.
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
  const yy = Number(yymmdd.slice(0, 2));
  let year: number;
  if (century) {
    year = Number(century) * 100 + yy;
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (separator === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  const isSamordningsnummer = day > SAMORDNINGSNUMMER_DAY_OFFSET;
  if (isSamordningsnummer) day -= SAMORDNINGSNUMMER_DAY_OFFSET;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return 'has a date that does not exist';
  }
  if (date > today) return 'has a birth date in the future';
  if (!hasValidLuhnCheckDigit(`${yymmdd}${last4}`)) return 'has a wrong check digit';
  return {
    digits: `${String(year).padStart(4, '0')}${yymmdd.slice(2)}${last4}`,
    birthDate: { year, month, day },
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
