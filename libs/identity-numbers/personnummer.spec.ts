import { formatPersonnummer, parsePersonnummer, personnummerProblem } from './personnummer.js';

const TODAY = new Date(Date.UTC(2026, 10, 23));

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
