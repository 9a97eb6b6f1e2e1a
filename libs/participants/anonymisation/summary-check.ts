/** Between two digits of a phone number: nothing, spaces, or one of - – . / ( ) with a space or two around it. */
const PHONE_SEPARATOR = String.raw`(?:\s{0,2}[-–./()]\s{0,2}|\s{1,2})?`;

/**
 * Swedish and international numbers: +46 70 123 45 67, 070-123 45 67, 070 - 123 45 67, 070.123.45.67,
 * 08-123 456 78, (08) 123 456 78, (0)70-123 45 67, +46 (0)70 123 45 67, 0046701234567. It starts with + or 0
 * (or "(0"), not inside a word or a number (1 000 000 000), and has 7 to 15 digits.
 */
const PHONE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d]|\d[\s.,'])(?:\+\s?\d|\(\s?0|0)(?:${PHONE_SEPARATOR}\d){6,14}(?!\d)`,
  'u',
);

/**
 * Times (08.00-16.30, 7:45) and dates with a four-digit year (01.09.2023, 1/9/2023) are ordinary in a summary
 * but are digits joined by dots and hyphens; they are blanked out before looking for phone numbers.
 */
const TIME_OR_DATE =
  /(?<![\d.:/])(?:(?:[01]?\d|2[0-3])[.:][0-5]\d|(?:0?[1-9]|[12]\d|3[01])([./])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2})(?!\d|[.:/]\d)/gu;

/** A birth date after "född" (born) or "f.": 1991-01-01, 1 januari 1991, 910101. */
const BIRTH_DATE =
  /(?<!\p{L})(?:född|f\.)(?:\s+den)?\s+(?:\d{2,4}[-./ ]?\d{1,2}[-./ ]?\d{1,2}|\d{1,2}\s+\p{L}+\s+\d{4}|\d{4})(?!\d)/iu;

/**
 * An age: "är 52 år", "52 år gammal", "52-årig", "ålder 52". Not a duration ("arbetat i 10 år", "barn 0-6 år"):
 * the employer view shows an age band only, or none.
 */
const AGE =
  /(?<!\p{L})(?:är\s+\d{1,3}\s+år(?!\p{L})|\d{1,3}\s+år\s+gammal|\d{1,3}-årig|ålder(?:n)?:?\s+\d{1,3}(?!\d))/iu;

/** A pronoun that says the person's gender, which employers never see: they write without one, or with hen. */
const GENDERED_PRONOUN = /(?<!\p{L})(?:hon|han|henne|honom|hennes)(?!\p{L})/iu;

/** Kinds of personal data the summary for employers must not contain. */
const PATTERNS: ReadonlyArray<{ what: string; found: (summary: string) => boolean }> = [
  { what: 'an email address', found: (summary) => /[^\s@]+\s*@\s*[^\s@]+\.[^\s@]{2,}/u.test(summary) },
  // YYMMDD-NNNN, YYYYMMDDNNNN and the like; checked before phone numbers, which it would also match.
  {
    what: 'a personnummer',
    found: (summary) => /(?<!\d)(?:19|20)?\d{6}\s?[-+ ]?\s?\d{4}(?!\d)/u.test(summary),
  },
  { what: 'a birth date', found: (summary) => BIRTH_DATE.test(summary) },
  {
    what: 'a phone number',
    found: (summary) => PHONE_NUMBER.test(summary.replace(TIME_OR_DATE, 'T')),
  },
  { what: 'an age', found: (summary) => AGE.test(summary) },
  {
    what: 'a pronoun that says the gender (hon, han: write without one, or with hen)',
    found: (summary) => GENDERED_PRONOUN.test(summary),
  },
];

/**
 * Unicode compatibility forms folded (full-width digits, odd spaces), every dash-like character read as a hyphen and
 * bullets as separators, so that 070‑123•45•67 is seen like 070-123 45 67.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-')
    .replace(/[\u2022\u2023\u2043\u00B7\u2219]/gu, ' ')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/gu, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Why `summary` cannot be shown to employers, or null when it can: it must not contain a personnummer, a phone
 * number, an email address, a birth date, an age, a gendered pronoun or one of the participant's own names (each
 * part of the names, as a whole word).
 * The message names the kind of data, never the data.
 */
export function personalDataInSummary(text: string, names: readonly string[]): string | null {
  const summary = normalise(text);
  for (const { what, found } of PATTERNS) {
    if (found(summary)) return `must not contain personal data: it contains ${what}`;
  }
  const parts = names.flatMap((name) => name.split(/[\s-]+/u)).filter((part) => part.length >= 2);
  for (const part of parts) {
    // Also the Swedish possessive: "Fatimas styrka".
    const word = new RegExp(`(?<!\\p{L})${escapeRegExp(normalise(part))}s?(?!\\p{L})`, 'iu');
    if (word.test(summary)) return "must not contain personal data: it contains the participant's name";
  }
  return null;
}

/** What of the profile the employer view generalises, by name: its home municipality and county, its languages. */
export interface GeneralisedFacts {
  /** The home municipality's and county's names ("Värmdö", "Stockholms län"). */
  places: readonly string[];
  /** The names of the profile's languages, as the taxonomy labels them ("Arabiska", "Tigrinska/Tigrinja"). */
  languages: readonly string[];
}

/** "Stockholms län" is also written "Stockholm", "Västra Götalands län" "Västra Götaland". */
function placeNames(place: string): string[] {
  const county = /^(.+?)s? län$/u.exec(place);
  return county ? [place, county[1]] : [place];
}

/**
 * Why `summary` would undo the employer view's generalisation, or null: it names the profile's home municipality or
 * county (the view may show only the county, or neither), or one of its languages (a rare one shows as "annat
 * språk"). Places are matched as written with a capital (so that a place called Vara does not refuse the verb
 * "vara"), languages in any case; both as whole words. The message names the kind, never the data.
 */
export function generalisedFactsInSummary(text: string, facts: GeneralisedFacts): string | null {
  const summary = normalise(text);
  const word = (name: string, flags: string) =>
    new RegExp(`(?<!\\p{L})${escapeRegExp(normalise(name))}(?!\\p{L})`, flags);
  if (facts.places.flatMap(placeNames).some((place) => word(place, 'u').test(summary)))
    return 'must not name the home municipality or county: the employer view shows the area generalised';
  // A label may give several names: "Tigrinska/Tigrinja".
  const languages = facts.languages.flatMap((label) => label.split('/')).map((name) => name.trim());
  if (languages.some((language) => language && word(language, 'iu').test(summary)))
    return "must not name the profile's languages: the employer view shows them in their own field, rare ones generalised";
  return null;
}
