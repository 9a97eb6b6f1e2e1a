import { generalisedFactsInSummary, personalDataInSummary } from './summary-check.js';

const NAMES = ['Amina', 'Hassan Ali'];

describe('personalDataInSummary', () => {
  it.each([
    'Van vid barn och har arbetat fem år som lärare i förskola. Talar arabiska och engelska.',
    'Körkort B sedan 2015, arbetade 2010-2018 inom vården, 40 timmar i veckan.',
    'Har SFI C, söker praktik 2 dagar i veckan.',
    'Goda kunskaper i Alimentation och hygien.',
    'Kan arbeta 08.00-16.30 eller 07:45 - 16:00, barn 0-6 år.',
    'Kan arbeta 08.00 – 17.00 på vardagar.',
    'Gick kursen 01.09.2023-15.12.2023 och 1/9/2024 - 20/12/2024.',
    'Ansvarade för en budget på 1 000 000 000 kr.',
    'Har 0,5 tjänst sedan 2019, 20 timmar.',
    'Har arbetat i 10 år som undersköterska och är van vid 12-timmarspass.',
    'Hen är noggrann och har hand om hanteringen av varor.',
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
    ['Ring 070.123.45.67', 'a phone number'],
    ['Ring 070 - 123 45 67', 'a phone number'],
    ['Nås på (0)70-123 45 67', 'a phone number'],
    ['Ring +46 (0)70 123 45 67', 'a phone number'],
    ['Tel (08) 123 456 78', 'a phone number'],
    ['Tel 08.123.456.78', 'a phone number'],
    ['Ring 070–123 45 67 efter 08.00', 'a phone number'],
    ['Mobil: 070/123 45 67', 'a phone number'],
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

  it.each([
    ['Aminas styrka är tålamod', "the participant's name"],
    ['Pnr 910101 - 1234', 'a personnummer'],
    ['Ring 070\u2011123\u202245\u202267', 'a phone number'],
    ['Skriv till amina @ example.se', 'an email address'],
    ['Född 1991-01-01 i Mogadishu', 'a birth date'],
    ['född den 3 mars 1990', 'a birth date'],
    ['Är 52 år och har arbetat som kock.', 'an age'],
    ['En 34-årig lagerarbetare', 'an age'],
    ['Ålder: 41', 'an age'],
    [
      'Hon har arbetat som kock.',
      'a pronoun that says the gender (hon, han: write without one, or with hen)',
    ],
    [
      'Trivs när man ger honom ansvar',
      'a pronoun that says the gender (hon, han: write without one, or with hen)',
    ],
  ])('refuses disguised personal data: %s (%s)', (summary, what) => {
    expect(personalDataInSummary(summary, NAMES)).toBe(`must not contain personal data: it contains ${what}`);
  });
});

describe('generalisedFactsInSummary', () => {
  const facts = { places: ['Vara', 'Västra Götalands län'], languages: ['Tigrinska/Tigrinja', 'Arabiska'] };
  const PLACE = 'must not name the home municipality or county: the employer view shows the area generalised';
  const LANGUAGE =
    "must not name the profile's languages: the employer view shows them in their own field, rare ones generalised";

  it.each([
    ['Bor i Vara sedan två år.', PLACE],
    ['Har arbetat i hela Västra Götaland.', PLACE],
    ['Pendlar inom Västra Götalands län.', PLACE],
    ['Talar tigrinja och lite engelska.', LANGUAGE],
    ['Modersmål: ARABISKA', LANGUAGE],
  ])('refuses %s', (summary, message) => {
    expect(generalisedFactsInSummary(summary, facts)).toBe(message);
  });

  it.each([
    'Vill vara med och bygga upp något nytt.',
    'Har arbetat som kock och talar engelska.',
    'Varaktig anställning är målet; gärna i Göteborg.',
  ])('accepts %s', (summary) => {
    expect(generalisedFactsInSummary(summary, facts)).toBeNull();
  });
});
