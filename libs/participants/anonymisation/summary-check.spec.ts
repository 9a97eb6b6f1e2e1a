import { personalDataInSummary } from './summary-check.js';

const NAMES = ['Amina', 'Hassan Ali'];

describe('personalDataInSummary', () => {
  it.each([
    'Van vid barn och har arbetat fem år som lärare i förskola. Talar arabiska och engelska.',
    'Körkort B sedan 2015, arbetade 2010-2018 inom vården, 40 timmar i veckan.',
    'Har SFI C, söker praktik 2 dagar i veckan.',
    'Goda kunskaper i Alimentation och hygien.',
  ])('accepts an ordinary summary: %s', (summary) => {
    expect(personalDataInSummary(summary, NAMES)).toBeNull();
  });

  it.each([
    ['Kontakta mig på amina.h@example.com', 'an email address'],
    ['Född 19900101-1239 i Aleppo', 'a personnummer'],
    ['Pnr 900101-1239', 'a personnummer'],
    ['Ring 070-123 45 67', 'a phone number'],
    ['Ring +46 70 123 45 67', 'a phone number'],
    ['Tel 08-123 456 78', 'a phone number'],
    ['Tel 0046701234567', 'a phone number'],
  ])('refuses %s (%s)', (summary, what) => {
    expect(personalDataInSummary(summary, NAMES)).toBe(`must not contain personal data: it contains ${what}`);
  });

  it.each(['Amina har arbetat som kock.', 'Jag heter ali och vill jobba', 'HASSAN söker praktik'])(
    "refuses the participant's own names as whole words: %s",
    (summary) => {
      expect(personalDataInSummary(summary, NAMES)).toBe(
        "must not contain personal data: it contains the participant's name",
      );
    },
  );
});
