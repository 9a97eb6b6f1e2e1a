/** Kinds of personal data the summary for employers must not contain. */
const PATTERNS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'an email address', pattern: /[^\s@]+@[^\s@]+\.[^\s@]{2,}/u },
  // YYMMDD-NNNN, YYYYMMDDNNNN and the like; checked before phone numbers, which it would also match.
  { what: 'a personnummer', pattern: /(?<!\d)(?:19|20)?\d{6}[-+ ]?\d{4}(?!\d)/u },
  // Swedish and international numbers: +46 70 123 45 67, 070-123 45 67, 08-123 456 78, 0046701234567.
  { what: 'a phone number', pattern: /(?<![\p{L}\d])(?:\+\d|0)(?:[\s-]?\d){6,14}(?!\d)/u },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Why `summary` cannot be shown to employers, or null when it can: it must not contain a personnummer, a phone
 * number, an email address or one of the participant's own names (each part of the names, as a whole word).
 * The message names the kind of data, never the data.
 */
export function personalDataInSummary(summary: string, names: readonly string[]): string | null {
  for (const { what, pattern } of PATTERNS) {
    if (pattern.test(summary)) return `must not contain personal data: it contains ${what}`;
  }
  const parts = names.flatMap((name) => name.split(/[\s-]+/u)).filter((part) => part.length >= 2);
  for (const part of parts) {
    const word = new RegExp(`(?<!\\p{L})${escapeRegExp(part)}(?!\\p{L})`, 'iu');
    if (word.test(summary)) return "must not contain personal data: it contains the participant's name";
  }
  return null;
}
