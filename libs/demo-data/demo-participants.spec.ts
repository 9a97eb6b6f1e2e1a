import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { organisationNumberProblem, parsePersonnummer } from '#libs/identity-numbers';
import {
  ConsentScope,
  CreateParticipantInput,
  ProfileStatus,
  UpdateCompetenceProfileInput,
} from '#libs/participants';
import { InputValidationPipe } from '#libs/validation';
import { SWEDISH_LEVELS_ASCENDING } from '#libs/vocabulary';
import { allDemoUsers, DEMO_ORGANISATIONS, DEMO_USERS } from './demo-organisations.js';
import { demoConceptIds, EDUCATION, LANGUAGES, MUNICIPALITIES } from './demo-concepts.js';
import {
  DEMO_DISTRIBUTION,
  DEMO_REFERENCE_YEAR,
  generateParticipants,
  NACKA_HOMES,
} from './demo-participants.js';

const TODAY = new Date(Date.UTC(2026, 10, 23));
const share = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length / items.length;

describe('generated participants', () => {
  const people = generateParticipants(150, 2026, { today: TODAY });

  it('are the same for the same seed, differ for another, and the first n of more are the n', () => {
    expect(generateParticipants(150, 2026, { today: TODAY })).toEqual(people);
    expect(generateParticipants(40, 2026, { today: TODAY })).toEqual(people.slice(0, 40));
    const other = generateParticipants(150, 7, { today: TODAY });
    expect(other.map((p) => p.participant.personnummer)).not.toEqual(
      people.map((p) => p.participant.personnummer),
    );
  });

  it.each([150, 2000])('follow the distributions of domain.md (%i people)', (count) => {
    const set = count === 150 ? people : generateParticipants(count, 99, { today: TODAY });
    const tolerance = count === 150 ? 0.03 : 0.01;
    const facts = set.map((p) => p.facts);
    const education = (keys: string[]) => share(facts, (f) => keys.includes(f.education));
    // Värmdö 2017: 45 % at most förgymnasial, 28 % gymnasial, 14 % eftergymnasial at least 2 years.
    expect(Math.abs(education(['PRIMARY_SHORT', 'PRIMARY']) - 0.45)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(education(['UPPER_SECONDARY']) - 0.28)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(education(['POST_SECONDARY']) - 0.14)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(education(['POST_SECONDARY_SHORT']) - 0.13)).toBeLessThanOrEqual(tolerance);
    // Stockholm 2020: 55 % women, 71 % under 40, ages 20–64.
    expect(Math.abs(share(facts, (f) => f.woman) - DEMO_DISTRIBUTION.women)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(share(facts, (f) => f.age < 40) - DEMO_DISTRIBUTION.under40)).toBeLessThanOrEqual(
      tolerance,
    );
    expect(Math.min(...facts.map((f) => f.age))).toBeGreaterThanOrEqual(20);
    expect(Math.max(...facts.map((f) => f.age))).toBeLessThanOrEqual(64);
  });

  it('have valid personnummer that agree with age and gender (and a gender that agrees with it), some samordningsnummer, none twice', () => {
    const many = generateParticipants(2000, 11, { today: TODAY });
    const numbers = new Set<string>();
    for (const { participant, facts } of many) {
      const parsed = parsePersonnummer(participant.personnummer, TODAY);
      if (typeof parsed === 'string') throw new Error(`${participant.personnummer}: ${parsed}`);
      expect(DEMO_REFERENCE_YEAR - parsed.birthDate.year).toBe(facts.age);
      expect(parsed.isSamordningsnummer).toBe(facts.samordningsnummer);
      expect(Number(parsed.digits.charAt(10)) % 2 === 0).toBe(facts.woman);
      expect(participant.gender).toBe(facts.woman ? 'WOMAN' : 'MAN');
      numbers.add(parsed.digits);
    }
    expect(numbers.size).toBe(many.length);
    expect(share(many, (p) => p.facts.samordningsnummer)).toBeGreaterThan(0.03);
  });

  it('keep two sets apart when their birth numbers start with different digits', () => {
    const a = generateParticipants(1500, 1, { birthNumberPrefixes: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
    const b = generateParticipants(300, 1, { birthNumberPrefixes: [9], homes: NACKA_HOMES });
    const numbers = new Set(a.map((p) => p.participant.personnummer));
    expect(b.some((p) => numbers.has(p.participant.personnummer))).toBe(false);
  });

  it('have realistic profiles: languages, Swedish levels, homes, flags consistent with the data', () => {
    const languages = people.flatMap((p) => p.profile.languages!.map((l) => l.languageConceptId));
    for (const common of ['arabiska', 'tigrinja', 'dari', 'somaliska', 'ukrainska', 'persiska'] as const)
      expect(languages).toContain(LANGUAGES[common]);
    expect(new Set(languages).size).toBeGreaterThan(12);
    for (const level of SWEDISH_LEVELS_ASCENDING)
      expect(people.filter((p) => p.profile.swedishLevel === level).length).toBeGreaterThan(5);
    const inVarmdo = share(
      people,
      (p) => p.profile.homeMunicipalityConceptId === MUNICIPALITIES['0120'].conceptId,
    );
    expect(inVarmdo).toBeGreaterThan(0.8);
    expect(inVarmdo).toBeLessThan(1);
    for (const { profile, facts } of people) {
      const short: string[] = [EDUCATION.PRIMARY_SHORT.conceptId, EDUCATION.PRIMARY.conceptId];
      expect(profile.priorityGroups!.woman).toBe(facts.woman);
      expect(profile.priorityGroups!.shortEducation).toBe(short.includes(profile.educationLevelConceptId!));
      expect(profile.wantedKinds!.length).toBeGreaterThan(0);
      expect(profile.freeWeekdays!.length).toBeGreaterThan(0);
    }
    const within7Months = people.filter((p) => {
      const ends = new Date(`${p.profile.establishmentPeriodEndsOn}T00:00:00Z`);
      return ends >= TODAY && ends.getTime() - TODAY.getTime() <= 213 * 86_400_000;
    });
    expect(within7Months.length).toBeGreaterThan(10);
    expect(share(people, (p) => p.profile.priorityGroups!.disability)).toBeGreaterThan(0);
    expect(share(people, (p) => p.profile.priorityGroups!.longTermFinancialAssistance)).toBeGreaterThan(0.05);
    expect(share(people, (p) => p.profile.occupations!.length > 0)).toBeGreaterThan(0.5);
  });

  it('publish most profiles, each with consent; some stay DRAFT or PAUSED', () => {
    expect(share(people, (p) => p.status === ProfileStatus.PUBLISHED)).toBeGreaterThan(0.7);
    expect(people.some((p) => p.status === ProfileStatus.DRAFT)).toBe(true);
    expect(people.some((p) => p.status === ProfileStatus.PAUSED)).toBe(true);
    for (const person of people.filter((p) => p.status !== ProfileStatus.DRAFT))
      expect(person.consentScopes).toContain(ConsentScope.ANONYMISED_PROFILE);
    expect(share(people, (p) => p.consentScopes !== null)).toBeGreaterThan(0.85);
  });

  it('write summaries without personal data or quasi-identifiers: no name, number, email, age, place, language, Swedish or education level', () => {
    const places = Object.values(MUNICIPALITIES).map((m) => m.name.toLowerCase());
    for (const { participant, profile, facts } of generateParticipants(400, 3, { today: TODAY })) {
      const summary = profile.summary!;
      expect(summary.length).toBeGreaterThan(40);
      expect(summary.length).toBeLessThanOrEqual(1000);
      const words = new Set(summary.toLowerCase().split(/[^\p{L}]+/u));
      for (const part of `${participant.firstName} ${participant.lastName}`.toLowerCase().split(/[\s-]+/u))
        expect(words.has(part)).toBe(false);
      expect(summary).not.toMatch(/\d{4,}|@|\+\d/);
      expect(summary).not.toContain(String(facts.age));
      for (const place of places) expect(summary.toLowerCase()).not.toContain(place);
      for (const language of ['arabiska', 'tigrinja', 'dari', 'somaliska', 'ukrainska', 'engelska'])
        expect(words.has(language)).toBe(false);
      // The Swedish level (SFI A–D, SVA) and the education level are shown, or generalised, by the employer view.
      expect(summary).not.toMatch(/\bsfi\b|\bkurs [a-d]\b|andraspråk|\bsva\b/iu);
      expect(summary).not.toMatch(/gymnasi|högskol|universitet|grundskol|förgymnasial/iu);
    }
  });

  it('are valid API inputs, checked by the same validation as the GraphQL API', async () => {
    const pipe = new InputValidationPipe();
    for (const { participant, profile } of people) {
      await pipe.transform(participant, { type: 'body', metatype: CreateParticipantInput, data: 'input' });
      await pipe.transform(profile, { type: 'body', metatype: UpdateCompetenceProfileInput, data: 'input' });
    }
  });

  it('use only concept ids of the built-in taxonomy subset (and of the full taxonomy, when present)', () => {
    const directories = [
      join(process.cwd(), 'libs', 'taxonomy', 'demo-subset'),
      join(process.cwd(), '..', 'shared', 'data', 'taxonomy'),
    ].filter((directory) => existsSync(directory));
    const files = {
      occupations: 'occupation_names_jobtech.csv',
      skills: 'skills_jobtech.csv',
      languages: 'languages_jobtech.csv',
      municipalities: 'municipalities_se.csv',
      educationLevels: 'sun2020_education_levels.csv',
      drivingLicences: 'driving_licences_jobtech.csv',
    } as const;
    for (const directory of directories) {
      for (const [kind, ids] of Object.entries(demoConceptIds()) as [keyof typeof files, string[]][]) {
        const text = readFileSync(join(directory, files[kind]), 'utf8');
        const known = new Set(
          text.split('\n').map((line) => /([A-Za-z0-9]{4}_[A-Za-z0-9]{3}_[A-Za-z0-9]{3})/.exec(line)?.[1]),
        );
        expect(ids.filter((id) => !known.has(id))).toEqual([]);
      }
    }
  });

  it('scale to benchmark sizes with distinct personnummer', () => {
    const participants = generateParticipants(10_000, 5, { today: TODAY });
    expect(participants).toHaveLength(10_000);
    expect(new Set(participants.map((p) => p.participant.personnummer)).size).toBe(10_000);
  });
});

describe('demo organisations and logins', () => {
  it('have valid, distinct organisationsnummer and kommunkoder of Stockholms län', () => {
    const numbers = DEMO_ORGANISATIONS.map((o) => o.organisationNumber);
    expect(new Set(numbers).size).toBe(25);
    for (const organisation of DEMO_ORGANISATIONS) {
      expect(organisationNumberProblem(organisation.organisationNumber)).toBeNull();
      expect(organisation.municipalityCode).toMatch(/^01\d\d$/);
    }
  });

  it('print a short list of logins; every account has its own email', () => {
    expect(DEMO_USERS.length).toBeLessThanOrEqual(10);
    const emails = allDemoUsers().map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
