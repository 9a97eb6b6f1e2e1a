import { addDays, addMonths, isoDate, startOfDay } from '#libs/calendar';
import { withLuhnCheckDigit } from '#libs/identity-numbers';
import {
  ConsentScope,
  Gender,
  ProfileStatus,
  TravelReach,
  type CreateParticipantInput,
  type UpdateCompetenceProfileInput,
} from '#libs/participants';
import { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import {
  DRIVING_LICENCES,
  EDUCATION,
  FIELDS,
  LANGUAGES,
  MUNICIPALITIES,
  OCCUPATIONS,
  SKILLS,
  type EducationKey,
  type FieldKey,
  type LanguageKey,
  type MunicipalityCode,
  type OccupationKey,
  type SkillKey,
} from './demo-concepts.js';
import { ORIGINS, type Origin } from './demo-origins.js';
import { Random, deriveSeed, pickByShare, spread } from './random.js';

/*
 * Generated participants for the demo, for tests and for benchmarks, following the distributions of
 * ../shared/docs/domain.md (Värmdö 2017 and Stockholm 2020): education, gender, age, languages, Swedish levels.
 *
 * Everything is fictional, but the personnummer are valid (real dates, correct Luhn check digit, some
 * samordningsnummer) and so may coincide with real people's numbers: generated data must stay inside demo and test
 * databases and never be mixed with real data or sent anywhere.
 */

/** Ages are counted at this year (age = year − birth year, as the employer view counts them). */
export const DEMO_REFERENCE_YEAR = 2026;

/** Shares from domain.md: Värmdö 2017 enrolments by education; Stockholm 2020 by gender and age. */
export const DEMO_DISTRIBUTION = {
  education: [
    // 45 % at most förgymnasial, split between "shorter than 9 years" and "9 (10) years".
    ['PRIMARY_SHORT', 0.24],
    ['PRIMARY', 0.21],
    ['UPPER_SECONDARY', 0.28],
    ['POST_SECONDARY_SHORT', 0.13],
    ['POST_SECONDARY', 0.14],
  ] as ReadonlyArray<readonly [EducationKey, number]>,
  women: 0.55,
  under40: 0.71,
  minAge: 20,
  maxAge: 64,
} as const;

/** Home municipalities of the Värmdö participants: mostly Värmdö, a few in neighbouring municipalities. */
export const VARMDO_HOMES: ReadonlyArray<readonly [MunicipalityCode, number]> = [
  ['0120', 88],
  ['0182', 4],
  ['0136', 3],
  ['0138', 2],
  ['0180', 3],
];

/** Home municipalities of the Nacka participants. */
export const NACKA_HOMES: ReadonlyArray<readonly [MunicipalityCode, number]> = [
  ['0182', 85],
  ['0180', 7],
  ['0120', 4],
  ['0126', 4],
];

export interface GenerateParticipantsOptions {
  /** Availability and etableringsperiod dates are relative to this day (default: today). */
  today?: Date;
  /** Home municipalities by kommunkod with relative weights (default: VARMDO_HOMES). */
  homes?: ReadonlyArray<readonly [MunicipalityCode, number]>;
  /**
   * First digits the birth numbers may start with (default 0–9). Two sets generated with disjoint digits (Värmdö
   * 0–8, Nacka 9) can never share a personnummer.
   */
  birthNumberPrefixes?: readonly number[];
}

/** What the generator knows about a person beyond the inputs; for tests and statistics, never stored as such. */
export interface GeneratedFacts {
  woman: boolean;
  /** Age at DEMO_REFERENCE_YEAR. */
  age: number;
  origin: string;
  education: EducationKey;
  field: FieldKey;
  samordningsnummer: boolean;
}

export interface GeneratedParticipant {
  /** Position in the generated list: the first n of a longer list are the n of a shorter one. */
  index: number;
  participant: CreateParticipantInput;
  /** The consent to record, or null: none given yet. */
  consentScopes: ConsentScope[] | null;
  profile: UpdateCompetenceProfileInput;
  /** The profile's status after loading: PUBLISHED (needs consent), PAUSED (published before) or DRAFT. */
  status: ProfileStatus;
  facts: GeneratedFacts;
}

// Weyl streams (see `spread`): gender, age group and education follow their shares closely at any size.
const STREAM_GENDER = 0;
const STREAM_AGE = 1;
const STREAM_EDUCATION = 2;
const STREAM_STAGE = 3;

const WEEKDAYS = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY];

/**
 * `count` participants generated from `seed`, deterministically: the same arguments give the same list, and the
 * first n of a longer list equal the list of n. Pure (no I/O, no clock unless `today` is left out), so tests and
 * benchmarks can use it at any size (100,000 take about two seconds).
 */
export function generateParticipants(
  count: number,
  seed: number,
  options: GenerateParticipantsOptions = {},
): GeneratedParticipant[] {
  const today = startOfDay(options.today ?? new Date());
  const homes = options.homes ?? VARMDO_HOMES;
  const prefixes = options.birthNumberPrefixes ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const offsets = [0, 1, 2, 3].map((stream) => new Random(deriveSeed(seed, -1, stream)).next());
  const taken = new Set<string>();
  const people: GeneratedParticipant[] = [];
  for (let index = 0; index < count; index++) {
    const random = new Random(deriveSeed(seed, index));
    const woman = spread(index, STREAM_GENDER, offsets[0]) < DEMO_DISTRIBUTION.women;
    const under40 = spread(index, STREAM_AGE, offsets[1]) < DEMO_DISTRIBUTION.under40;
    const education = pickByShare(DEMO_DISTRIBUTION.education, spread(index, STREAM_EDUCATION, offsets[2]));
    const stage = spread(index, STREAM_STAGE, offsets[3]);
    people.push(
      generateOne(index, random, { woman, under40, education, stage, today, homes, prefixes, taken }),
    );
  }
  return people;
}

interface Drawn {
  woman: boolean;
  under40: boolean;
  education: EducationKey;
  /** Where the person is in consent and publishing, in [0, 1). */
  stage: number;
  today: Date;
  homes: ReadonlyArray<readonly [MunicipalityCode, number]>;
  prefixes: readonly number[];
  taken: Set<string>;
}

function generateOne(index: number, random: Random, drawn: Drawn): GeneratedParticipant {
  const { woman, education, today } = drawn;
  const age = drawAge(random, drawn.under40);
  const origin = random.weighted(ORIGINS.map((o) => [o, o.weight] as const));
  const shortEducation = education === 'PRIMARY_SHORT' || education === 'PRIMARY';
  const postSecondary = education === 'POST_SECONDARY_SHORT' || education === 'POST_SECONDARY';

  const { personnummer, samordningsnummer } = drawPersonnummer(
    random,
    age,
    woman,
    drawn.prefixes,
    drawn.taken,
  );
  const field = random.weighted<FieldKey>(
    woman
      ? [
          ['CHILDREN', 30],
          ['CARE', 30],
          ['CLEANING', 12],
          ['KITCHEN', 13],
          ['SHOP', 9],
          ['WAREHOUSE', 3],
          ['PROPERTY', 3],
        ]
      : [
          ['CHILDREN', 8],
          ['CARE', 14],
          ['CLEANING', 13],
          ['KITCHEN', 22],
          ['SHOP', 12],
          ['WAREHOUSE', 20],
          ['PROPERTY', 11],
        ],
  );
  const swedishLevel = random.weighted<SwedishLevel>(
    shortEducation
      ? [
          [SwedishLevel.SFI_A, 22],
          [SwedishLevel.SFI_B, 35],
          [SwedishLevel.SFI_C, 28],
          [SwedishLevel.SFI_D, 12],
          [SwedishLevel.SVA, 3],
        ]
      : postSecondary
        ? [
            [SwedishLevel.SFI_A, 3],
            [SwedishLevel.SFI_B, 12],
            [SwedishLevel.SFI_C, 28],
            [SwedishLevel.SFI_D, 32],
            [SwedishLevel.SVA, 25],
          ]
        : [
            [SwedishLevel.SFI_A, 6],
            [SwedishLevel.SFI_B, 22],
            [SwedishLevel.SFI_C, 32],
            [SwedishLevel.SFI_D, 28],
            [SwedishLevel.SVA, 12],
          ],
  );

  const occupations = drawExperience(random, { woman, shortEducation, age, field });
  const skillPool = FIELDS[field].skills;
  const skills: SkillKey[] = random.sample(skillPool, random.int(2, Math.min(6, skillPool.length)));
  const languages = drawLanguages(random, origin, education);
  if (languages.length >= 3 && random.chance(0.3)) skills.push('kontakttolkning');

  const drivingLicences: string[] = [];
  if (random.chance(woman ? 0.12 : 0.32)) {
    drivingLicences.push(DRIVING_LICENCES.B);
    if (!woman && field === 'WAREHOUSE' && random.chance(0.3)) drivingLicences.push(DRIVING_LICENCES.C);
  } else if (random.chance(0.02)) {
    drivingLicences.push(DRIVING_LICENCES.AM);
  }

  const schedule = random.weighted<readonly [number, number]>([
    [[2, 16], 40],
    [[3, 24], 28],
    [[4, 32], 10],
    [[5, 40], 12],
    [[5, 20], 10],
  ]);
  const [days, hoursPerWeek] = schedule;
  const freeWeekdays = sortWeekdays(random.sample(WEEKDAYS, days));
  const availableFrom = isoDate(addDays(today, 7 * random.int(0, 12)));
  const home = random.weighted(drawn.homes);
  const travelReach = random.weighted<TravelReach>([
    [TravelReach.HOME_MUNICIPALITY, 40],
    [TravelReach.HOME_COUNTY, 52],
    [TravelReach.ANYWHERE, 8],
  ]);

  const trackField =
    field === 'CHILDREN' || field === 'CARE' || ['CLEANING', 'KITCHEN', 'SHOP'].includes(field);
  const advancedSwedish = swedishLevel === SwedishLevel.SFI_D || swedishLevel === SwedishLevel.SVA;
  const wantedKinds: PlacementKind[] = [];
  if (random.chance(0.85)) wantedKinds.push(PlacementKind.PRAKTIK);
  if (random.chance(0.4)) wantedKinds.push(PlacementKind.EXTRATJANST);
  if (trackField && random.chance(shortEducation ? 0.55 : 0.35)) wantedKinds.push(PlacementKind.JOBBSPAR);
  if (random.chance(advancedSwedish ? 0.45 : 0.15)) wantedKinds.push(PlacementKind.ETABLERINGSJOBB);
  if (wantedKinds.length === 0) wantedKinds.push(PlacementKind.PRAKTIK);

  const interests = drawInterests(random, field);

  // Etableringsperioden: most are in it (some ending within 7 months), a quarter have left it.
  const inProgramme = random.chance(0.75);
  const periodEnds = inProgramme ? addDays(today, random.int(14, 700)) : addDays(today, -random.int(30, 900));
  const endedLongAgo = !inProgramme && periodEnds.getTime() < addDays(today, -180).getTime();
  const longTermFinancialAssistance = endedLongAgo
    ? random.chance(woman ? 0.8 : 0.5)
    : !inProgramme && random.chance(0.15);
  const disability = random.chance(0.06);

  const summary = writeSummary(random, { occupations, field, hoursPerWeek, days, wantedKinds });
  const { firstName, lastName } = drawName(random, origin, woman, summary);
  const coachNotes = writeCoachNotes(random, {
    disability,
    longTermFinancialAssistance,
    endsSoon: inProgramme && periodEnds.getTime() <= addMonths(today, 7).getTime(),
    shortEducation,
  });

  // Consent and status follow their shares at any size (see `spread`): 8 % without consent (DRAFT), and of the
  // others a few kept in DRAFT or PAUSED; the rest PUBLISHED.
  const stage = drawn.stage;
  const consentScopes =
    stage < 0.08
      ? null
      : random.chance(0.85)
        ? [ConsentScope.ANONYMISED_PROFILE, ConsentScope.INTRODUCTION]
        : [ConsentScope.ANONYMISED_PROFILE];
  const status =
    stage < 0.13 ? ProfileStatus.DRAFT : stage < 0.18 ? ProfileStatus.PAUSED : ProfileStatus.PUBLISHED;

  const hasPhone = random.chance(0.85);
  const hasEmail = random.chance(0.6);
  return {
    index,
    participant: {
      firstName,
      lastName,
      personnummer,
      // 070-174 06 05 … 070-174 06 99: mobile numbers the Swedish regulator (PTS) reserves for fiction.
      phone: hasPhone ? `070-174 06 ${String(5 + (index % 95)).padStart(2, '0')}` : null,
      email: hasEmail ? `${ascii(firstName)}.${ascii(lastName)}${index}@example.com` : null,
      // Agrees with the personnummer's gender digit and the priority group "women".
      gender: woman ? Gender.WOMAN : Gender.MAN,
    },
    consentScopes,
    profile: {
      occupations: occupations.map(({ key, years }) => ({
        occupationConceptId: OCCUPATIONS[key].conceptId,
        yearsOfExperience: years,
      })),
      skillConceptIds: skills.map((skill) => SKILLS[skill]),
      educationLevelConceptId: EDUCATION[education].conceptId,
      swedishLevel,
      languages: languages.map(({ key, level }) => ({ languageConceptId: LANGUAGES[key], level })),
      drivingLicenceConceptIds: drivingLicences,
      availableFrom,
      hoursPerWeek,
      freeWeekdays,
      homeMunicipalityConceptId: MUNICIPALITIES[home].conceptId,
      travelReach,
      wantedKinds,
      interests,
      summary,
      establishmentPeriodEndsOn: isoDate(periodEnds),
      priorityGroups: {
        woman,
        shortEducation,
        disability,
        longTermFinancialAssistance,
      },
      coachNotes,
    },
    status,
    facts: { woman, age, origin: origin.key, education, field, samordningsnummer },
  };
}

function drawAge(random: Random, under40: boolean): number {
  const band = under40
    ? random.weighted<readonly [number, number]>([
        [[20, 24], 16],
        [[25, 29], 30],
        [[30, 34], 30],
        [[35, 39], 24],
      ])
    : random.weighted<readonly [number, number]>([
        [[40, 44], 34],
        [[45, 49], 26],
        [[50, 54], 20],
        [[55, 59], 13],
        [[60, 64], 7],
      ]);
  return random.int(band[0], band[1]);
}

/**
 * A valid personnummer (or, for about one in sixteen, samordningsnummer: day + 60) of someone born in
 * DEMO_REFERENCE_YEAR − age, with the gender digit (the third of the last four) even for women and odd for men.
 * Never one already in `taken`.
 */
function drawPersonnummer(
  random: Random,
  age: number,
  woman: boolean,
  prefixes: readonly number[],
  taken: Set<string>,
): { personnummer: string; samordningsnummer: boolean } {
  const year = DEMO_REFERENCE_YEAR - age;
  const samordningsnummer = random.chance(0.06);
  for (;;) {
    const month = random.int(1, 12);
    const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const serial = `${random.pick(prefixes)}${random.int(0, 9)}${2 * random.int(0, 4) + (woman ? 0 : 1)}`;
    const yymmdd = `${String(year % 100).padStart(2, '0')}${pad2(month)}${pad2(day + (samordningsnummer ? 60 : 0))}`;
    const ten = withLuhnCheckDigit(`${yymmdd}${serial}`);
    const personnummer = `${Math.floor(year / 100)}${ten.slice(0, 6)}-${ten.slice(6)}`;
    if (taken.has(personnummer)) continue;
    taken.add(personnummer);
    return { personnummer, samordningsnummer };
  }
}

function drawExperience(
  random: Random,
  person: { woman: boolean; shortEducation: boolean; age: number; field: FieldKey },
): { key: OccupationKey; years: number }[] {
  // The pre-study: of those referred to Jobbspår, two thirds had worked little or not at all, many of them women.
  const worked = random.chance(person.shortEducation ? (person.woman ? 0.45 : 0.75) : 0.8);
  if (!worked) return [];
  const count = random.weighted([
    [1, 60],
    [2, 30],
    [3, 10],
  ]);
  const own = FIELDS[person.field].occupations;
  const keys = new Set<OccupationKey>([random.pick(own)]);
  while (keys.size < count) {
    const otherField = random.chance(0.6) ? person.field : random.pick(Object.keys(FIELDS) as FieldKey[]);
    keys.add(random.pick(FIELDS[otherField].occupations));
  }
  let yearsLeft = Math.max(1, person.age - 17);
  return [...keys].map((key) => {
    const years = Math.min(yearsLeft, random.int(1, 24) / 2);
    yearsLeft = Math.max(0.5, yearsLeft - years);
    return { key, years: Math.max(0.5, years) };
  });
}

function drawLanguages(
  random: Random,
  origin: Origin,
  education: EducationKey,
): { key: LanguageKey; level: LanguageLevel }[] {
  const native = random.weighted(origin.native);
  const languages = [{ key: native, level: LanguageLevel.NATIVE }];
  for (const [key, probability] of origin.other) {
    if (key === native || !random.chance(probability)) continue;
    const level =
      key === 'engelska'
        ? education === 'POST_SECONDARY' || education === 'POST_SECONDARY_SHORT'
          ? random.weighted([
              [LanguageLevel.GOOD, 50],
              [LanguageLevel.FLUENT, 50],
            ])
          : education === 'UPPER_SECONDARY'
            ? random.weighted([
                [LanguageLevel.BASIC, 50],
                [LanguageLevel.GOOD, 50],
              ])
            : LanguageLevel.BASIC
        : random.weighted([
            [LanguageLevel.BASIC, 30],
            [LanguageLevel.GOOD, 45],
            [LanguageLevel.FLUENT, 25],
          ]);
    languages.push({ key, level });
  }
  return languages.slice(0, 4);
}

const INTERESTS_BY_FIELD: Record<FieldKey, readonly string[]> = {
  CHILDREN: ['barn och ungdomar', 'pyssel och skapande', 'sång och musik', 'läxhjälp', 'lek och rörelse'],
  CARE: ['omsorg om äldre', 'hälsa och friskvård', 'promenader', 'att hjälpa andra', 'matlagning'],
  CLEANING: ['ordning och reda', 'hemmafix', 'trädgård', 'träning'],
  KITCHEN: ['matlagning', 'bakning', 'kaffe', 'mat från olika kök'],
  SHOP: ['mode', 'kundkontakt', 'inredning', 'att lära sig nya språk'],
  WAREHOUSE: ['bilar och motorer', 'träning', 'teknik', 'cykling'],
  PROPERTY: ['trädgård', 'snickeri', 'friluftsliv', 'att laga saker'],
};

const COMMON_INTERESTS = [
  'fotboll',
  'löpning',
  'sömnad',
  'hantverk',
  'IT och datorer',
  'fiske',
  'föreningsliv',
  'volontärarbete',
  'teckning och måleri',
  'läsning',
  'schack',
  'dans',
  'natur och skärgård',
];

function drawInterests(random: Random, field: FieldKey): string[] {
  const own = random.sample(INTERESTS_BY_FIELD[field], random.int(1, 2));
  const common = random.sample(COMMON_INTERESTS, random.int(0, 2));
  return [...new Set([...own, ...common])];
}

/** A name of the origin's region that the summary does not happen to contain (the API would refuse it). */
function drawName(
  random: Random,
  origin: Origin,
  woman: boolean,
  summary: string,
): { firstName: string; lastName: string } {
  const words = new Set(summary.toLocaleLowerCase('sv').split(/[^\p{L}]+/u));
  const free = (names: readonly string[]) => {
    const usable = names.filter((name) =>
      name.split(/[\s-]+/u).every((part) => !words.has(part.toLocaleLowerCase('sv'))),
    );
    return usable.length > 0 ? usable : names;
  };
  const firstName = random.pick(free(woman ? origin.female : origin.male));
  const lastName = random.pick(free(origin.family.filter((name) => name !== firstName)));
  return { firstName, lastName };
}

/**
 * The same for every Swedish level: the employer view shows the level itself, generalised or hidden when it would
 * single someone out, so the summary must not say it ("Läser SFI kurs B" would undo that).
 */
const SWEDISH_STUDIES = 'Läser svenska och vill gärna använda språket i arbetet.';

const TRAITS = [
  'noggrann och punktlig',
  'lugn och tålmodig',
  'social och hjälpsam',
  'nyfiken och lär sig gärna nytt',
  'van att arbeta fysiskt',
  'ansvarsfull och tar egna initiativ',
  'van att arbeta i grupp',
  'glad och serviceinriktad',
];

const KIND_WORDS: Record<PlacementKind, string> = {
  [PlacementKind.PRAKTIK]: 'praktik',
  [PlacementKind.EXTRATJANST]: 'extratjänst',
  [PlacementKind.JOBBSPAR]: 'Jobbspår',
  [PlacementKind.ETABLERINGSJOBB]: 'etableringsjobb',
};

/**
 * The summary for employers, in Swedish: experience, wishes, Swedish studies, availability and a trait. It never
 * names the person, their origin or gender, nor any quasi-identifier the employer view generalises to keep people
 * from being singled out (age, home municipality, education level, Swedish level, languages): a summary must not
 * undo that.
 */
function writeSummary(
  random: Random,
  profile: {
    occupations: { key: OccupationKey; years: number }[];
    field: FieldKey;
    hoursPerWeek: number;
    days: number;
    wantedKinds: PlacementKind[];
  },
): string {
  const sentences: string[] = [];
  const [first, ...rest] = profile.occupations;
  if (first) {
    const more =
      rest.length > 0
        ? ` och har även arbetat som ${rest.map((o) => OCCUPATIONS[o.key].noun).join(' och ')}`
        : '';
    const noun = OCCUPATIONS[first.key].noun;
    sentences.push(
      random.chance(0.5)
        ? `Har ${formatYears(first.years)} erfarenhet som ${noun}${more}.`
        : `Har arbetat som ${noun} i ${formatDuration(first.years)}${more.replace(' och har även arbetat', ', även')}.`,
    );
  } else {
    sentences.push(
      random.pick([
        'Har inte haft någon anställning tidigare men har lång erfarenhet av att ta hand om ett hushåll.',
        'Saknar tidigare anställning och vill nu ta första steget in i arbetslivet.',
        'Har arbetat ideellt och hjälpt till i familjens verksamhet.',
      ]),
    );
  }
  const kinds = profile.wantedKinds.map((kind) => KIND_WORDS[kind]);
  const area = FIELDS[profile.field].area;
  sentences.push(
    random.pick([
      `Vill arbeta inom ${area} och söker ${joinWords(kinds)}.`,
      `Söker ${joinWords(kinds)} inom ${area}.`,
      `Är intresserad av ${area} och öppen för ${joinWords(kinds)}.`,
    ]),
  );
  sentences.push(SWEDISH_STUDIES);
  sentences.push(
    profile.hoursPerWeek >= 40
      ? 'Kan arbeta heltid.'
      : profile.days === 5
        ? 'Kan arbeta halvdagar alla vardagar vid sidan av studierna.'
        : `Kan arbeta ${DAY_WORDS[profile.days]} dagar i veckan vid sidan av studierna.`,
  );
  sentences.push(`Beskriver sig själv som ${random.pick(TRAITS)}.`);
  return sentences.join(' ');
}

const DAY_WORDS: Record<number, string> = { 1: 'en', 2: 'två', 3: 'tre', 4: 'fyra', 5: 'fem' };

function formatYears(years: number): string {
  if (years < 1) return 'ett halvårs';
  const whole = Number.isInteger(years) ? String(years) : String(years).replace('.', ',');
  return years === 1 ? 'ett års' : `${whole} års`;
}

/** "ett halvår", "ett år", "1,5 år", "6 år" */
function formatDuration(years: number): string {
  if (years < 1) return 'ett halvår';
  if (years === 1) return 'ett år';
  return `${String(years).replace('.', ',')} år`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words.at(-1)}`;
}

function writeCoachNotes(
  random: Random,
  facts: {
    disability: boolean;
    longTermFinancialAssistance: boolean;
    endsSoon: boolean;
    shortEducation: boolean;
  },
): string {
  const notes: string[] = [];
  if (facts.endsSoon)
    notes.push('Etableringsperioden slutar inom sju månader: planera nästa steg tillsammans med Af.');
  if (facts.longTermFinancialAssistance) notes.push('Har ekonomiskt bistånd sedan länge; samordna med A&F.');
  if (facts.disability)
    notes.push('Har en funktionsvariation; behöver anpassningar på arbetsplatsen enligt handlingsplanen.');
  if (facts.shortEducation && random.chance(0.4)) notes.push('Vill kombinera praktik med studier på SFI.');
  if (random.chance(0.2)) notes.push('Önskar språkstöd de första veckorna på en ny arbetsplats.');
  return notes.join(' ');
}

function sortWeekdays(days: Weekday[]): Weekday[] {
  return [...days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** A generated participant with the organisation and the coach who registers them. */
export interface DemoParticipant {
  organisation: 'varmdo' | 'nacka';
  coachEmail: string;
  generated: GeneratedParticipant;
}

const VARMDO_COACHES = ['coach@varmdo.example', 'coach2@varmdo.example'];
const NACKA_COACHES = ['coach@nacka.example'];

/**
 * The demo's participants: `size` of Värmdö (home mostly Värmdö, a few in neighbouring municipalities) shared by
 * its two coaches, and a tenth as many of Nacka. Their birth numbers start with different digits (0–8 and 9), so
 * the two sets never share a personnummer.
 */
export function generateDemoParticipants(size: number, seed: number, today?: Date): DemoParticipant[] {
  const varmdo = generateParticipants(size, seed, {
    today,
    homes: VARMDO_HOMES,
    birthNumberPrefixes: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  });
  const nacka = generateParticipants(Math.round(size / 10), seed + 1, {
    today,
    homes: NACKA_HOMES,
    birthNumberPrefixes: [9],
  });
  return [
    ...varmdo.map((generated, i) => ({
      organisation: 'varmdo' as const,
      coachEmail: VARMDO_COACHES[i % VARMDO_COACHES.length]!,
      generated,
    })),
    ...nacka.map((generated, i) => ({
      organisation: 'nacka' as const,
      coachEmail: NACKA_COACHES[i % NACKA_COACHES.length]!,
      generated,
    })),
  ];
}
