import { withLuhnCheckDigit } from './luhn.js';
import { formatPersonnummer, parsePersonnummer, personnummerProblem } from './personnummer.js';

const TODAY = new Date(Date.UTC(2026, 10, 23));

/** A Luhn-valid number for YYMMDD (day + 60 for a samordningsnummer): `YYMMDD-NNNC`, or with `+`. */
const tenDigits = (yymmdd: string, separator: '-' | '+' = '-') => {
  const digits = withLuhnCheckDigit(`${yymmdd}123`);
  return `${digits.slice(0, 6)}${separator}${digits.slice(6)}`;
};
/** The same with a four-digit year: `YYYYMMDD-NNNC`. */
const twelveDigits = (yyyymmdd: string) => `${yyyymmdd.slice(0, 2)}${tenDigits(yyyymmdd.slice(2))}`;

describe('parsePersonnummer', () => {
  it.each([
    ['19900101-1239', '199001011239'],
    ['199001011239', '199001011239'],
    ['900101-1239', '199001011239'],
    ['9001011239', '199001011239'],
    [' 900101 - 1239 '.replace(/ /g, ''), '199001011239'],
  ])('accepts %s', (input, digits) => {
    const parsed = parsePersonnummer(input, TODAY);
    expect(parsed).toMatchObject({
      digits,
      isSamordningsnummer: false,
      birthDate: { year: 1990, month: 1, day: 1 },
    });
  });

  it('gives ten-digit numbers the century that keeps the person under 100, and + for 100 or older', () => {
    expect(parsePersonnummer('121212-1212', TODAY)).toMatchObject({ digits: '201212121212' });
    expect(parsePersonnummer('121212+1212', TODAY)).toMatchObject({ digits: '191212121212' });
  });

  it.each([
    // 99 years old: the birthday of the current century's 2026 has not come yet, so it is 1926.
    ['261201', '-', '19261201'],
    ['261124', '-', '19261124'],
    // Born today.
    ['261123', '-', '20261123'],
    ['000229', '-', '20000229'],
    // Samordningsnummer: day + 60.
    ['261261', '-', '19261201'],
    ['261183', '-', '20261123'],
    // 100 or older: a hundred years before the ten-digit reading.
    ['261123', '+', '19261123'],
    ['061201', '+', '19061201'],
  ])(
    'gives %s%s the century of the most recent birth date not after today: %s',
    (yymmdd, separator, yyyymmdd) => {
      const parsed = parsePersonnummer(tenDigits(yymmdd, separator as '-' | '+'), TODAY);
      expect(parsed).toMatchObject({ digits: expect.stringMatching(new RegExp(`^${yyyymmdd.slice(0, 4)}`)) });
      expect((parsed as { birthDate: unknown }).birthDate).toEqual({
        year: Number(yyyymmdd.slice(0, 4)),
        month: Number(yyyymmdd.slice(4, 6)),
        day: Number(yyyymmdd.slice(6, 8)),
      });
    },
  );

  it('accepts twelve-digit numbers of the 1800s, 1900s and 2000s up to the age of 120', () => {
    expect(parsePersonnummer(twelveDigits('19061123'), TODAY)).toMatchObject({
      birthDate: { year: 1906, month: 11, day: 23 },
    });
    // 120 years old today, 121 tomorrow.
    expect(parsePersonnummer(twelveDigits('19051124'), TODAY)).toMatchObject({
      birthDate: { year: 1905, month: 11, day: 24 },
    });
    expect(parsePersonnummer(twelveDigits('18600101'), new Date(Date.UTC(1950, 0, 1)))).toMatchObject({
      digits: expect.stringMatching(/^18600101/),
    });
  });

  it.each([
    [twelveDigits('21000101'), 'must have a birth year from 1800 to 2099'],
    [twelveDigits('17990101'), 'must have a birth year from 1800 to 2099'],
    [twelveDigits('00900101'), 'must have a birth year from 1800 to 2099'],
    [twelveDigits('19051123'), 'has a birth date more than 120 years ago'],
    [twelveDigits('18991231'), 'has a birth date more than 120 years ago'],
    [tenDigits('051123', '+'), 'has a birth date more than 120 years ago'],
    [tenDigits('261201', '+'), 'has a birth date more than 120 years ago'],
    [tenDigits('270229'), 'has a date that does not exist'],
    [tenDigits('000229', '+'), 'has a date that does not exist'],
    [twelveDigits('20261124'), 'has a birth date in the future'],
  ])('refuses %s: %s', (input, problem) => {
    expect(parsePersonnummer(input, TODAY)).toBe(problem);
  });

  it('keeps years below 100 as they are (no Date.UTC reading 90 as 1990)', () => {
    const inTheYear99 = new Date(0);
    inTheYear99.setUTCFullYear(99, 5, 1);
    expect(parsePersonnummer(tenDigits('900101'), inTheYear99)).toMatchObject({
      digits: expect.stringMatching(/^00900101/),
      birthDate: { year: 90, month: 1, day: 1 },
    });
  });

  it('accepts a samordningsnummer (day + 60)', () => {
    // 1990-01-01 as samordningsnummer: day 61.
    const digits = '900161';
    const checked = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
      .map((check) => `${digits}-123${check}`)
      .find((candidate) => personnummerProblem(candidate) === null);
    expect(checked).toBeDefined();
    expect(parsePersonnummer(checked!, TODAY)).toMatchObject({
      isSamordningsnummer: true,
      birthDate: { year: 1990, month: 1, day: 1 },
    });
  });

  it.each([
    ['19900101-1238', 'has a wrong check digit'],
    ['19900230-1230', 'has a date that does not exist'],
    ['19901301-1234', 'has a date that does not exist'],
    ['20990101-1234', 'has a birth date in the future'],
    ['1990-01-01', 'must be a personnummer such as 19900101-1239 or 900101-1239'],
    ['19900101+1239', 'must not use + with a four-digit year'],
    ['abc', 'must be a personnummer such as 19900101-1239 or 900101-1239'],
  ])('refuses %s: %s', (input, problem) => {
    expect(parsePersonnummer(input, TODAY)).toBe(problem);
  });

  it('formats twelve digits with a hyphen', () => {
    expect(formatPersonnummer('199001011239')).toBe('19900101-1239');
  });
});
