import { hasValidLuhnCheckDigit } from './luhn.js';

/** Strips the separators people write: `556036-0793` → `5560360793`. */
export function normaliseOrganisationNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/**
 * Why `value` (already normalised) is not a Swedish organisationsnummer of a legal entity, or null when it is one.
 * Ten digits, the third at least 2 (which also keeps out a sole trader's personnummer: personal data we do not
 * want as an organisation key), and a correct Luhn check digit.
 */
export function organisationNumberProblem(value: string): string | null {
  if (!/^\d{10}$/.test(value)) return 'must have 10 digits, for example 556036-0793';
  if (value[2] < '2') return 'must be the organisationsnummer of a legal entity (third digit 2 or more)';
  if (!hasValidLuhnCheckDigit(value)) return 'has a wrong check digit';
  return null;
}

/** `5560360793` → `556036-0793`, the way Bolagsverket writes it. */
export function formatOrganisationNumber(value: string): string {
  return `${value.slice(0, 6)}-${value.slice(6)}`;
}
