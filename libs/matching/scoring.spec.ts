import { DEFAULT_MATCH_WEIGHTS } from '#libs/config';
import { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { brokenHardConstraints, candidateFilter } from './hard-constraints.js';
import type { CandidateFacts, OpeningFacts } from './match-facts.js';
import { ALGORITHM_VERSION, scoreMatch, settingsFingerprint } from './scoring.js';

const TODAY = '2027-01-01';
const weights = { ...DEFAULT_MATCH_WEIGHTS };

const opening: OpeningFacts = {
  id: 'opening',
  organisationId: 'org',
  kind: PlacementKind.PRAKTIK,
  occupation: { id: 'stadare', label: 'Städare', groupId: 'ssyk-9111' },
  substitutes: { lokalvardare: 75 },
  requiredSkills: [
    { id: 'hygien', label: 'Hygienstädning' },
    { id: 'bygg', label: 'Byggstädning' },
    { id: 'flytt', label: 'Flyttstädning' },
    { id: 'fonster', label: 'Fönsterputs' },
  ],
  niceToHaveSkillIds: ['kemikalier'],
  minimumSwedishLevel: SwedishLevel.SFI_B,
  usefulLanguageIds: ['arabiska'],
  requiredDrivingLicences: [{ id: 'licence-b', code: 'B' }],
  municipalityId: 'varmdo',
  countyId: 'stockholm',
  weekdays: [Weekday.MONDAY, Weekday.TUESDAY],
  hoursPerWeek: 16,
  startDate: '2027-02-01',
  endDate: '2027-04-30',
  track: null,
  trackIntakeId: null,
};

const ideal: CandidateFacts = {
  profileId: 'profile',
  participantId: 'participant',
  published: true,
  occupations: [{ id: 'stadare', groupId: 'ssyk-9111', years: 4 }],
  skillIds: ['bygg', 'flytt', 'fonster', 'hygien', 'kemikalier'],
  languages: [{ id: 'arabiska', level: LanguageLevel.NATIVE }],
  swedishLevel: SwedishLevel.SFI_D,
  educationSunCode: '2',
  drivingLicenceIds: ['licence-b'],
  availableFrom: '2027-01-15',
  hoursPerWeek: 20,
  freeWeekdays: [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY],
  municipalityId: 'varmdo',
  countyId: 'stockholm',
  travelReach: 'HOME_MUNICIPALITY',
  wantedKinds: [PlacementKind.PRAKTIK],
  enrolledIntakeIds: [],
  occupied: [],
  establishmentPeriodEndsOn: '2027-05-01',
  priorityGroup: true,
};

const score = (candidate: Partial<CandidateFacts>, of: Partial<OpeningFacts> = {}) =>
  scoreMatch({ ...opening, ...of }, { ...ideal, ...candidate }, weights, TODAY);
const fitOf = (result: ReturnType<typeof score>, name: string) =>
  result.components.find((component) => component.name === name)!.fit;

describe('scoreMatch', () => {
  it('gives the person who meets everything 100, every component listed, nothing unmet', () => {
    const result = score({});
    expect(result.score).toBe(100);
    expect(result.components.map((component) => component.name)).toEqual(Object.keys(DEFAULT_MATCH_WEIGHTS));
    expect(result.unmet).toEqual([]);
    expect(result.broken).toEqual([]);
    expect(result.explanationSv).toMatch(/^Täcker 5 av 5 krav\. Samma yrke/);
    expect(result.explanationEn).toMatch(/^Covers 5 of 5 requirements\. Same occupation/);
  });

  it('explains a missing skill and licence in Swedish and English, and lowers the score', () => {
    const result = score({ skillIds: ['bygg', 'flytt', 'fonster', 'hygien'], drivingLicenceIds: [] });
    expect(result.explanationSv).toMatch(/^Täcker 4 av 5 krav; saknar B-körkort/);
    expect(result.explanationEn).toMatch(/^Covers 4 of 5 requirements; lacks driving licence B/);
    expect(result.unmet).toEqual([{ rule: 'DRIVING_LICENCE', sv: 'B-körkort', en: 'driving licence B' }]);
    expect(result.score).toBeLessThan(100);
    const withoutSkill = score({ skillIds: ['flytt', 'fonster', 'hygien', 'kemikalier'] });
    expect(withoutSkill.unmet).toEqual([{ rule: 'REQUIRED_SKILL', sv: 'Byggstädning', en: 'Byggstädning' }]);
    expect(withoutSkill.score).toBeCloseTo(100 - weights.requiredSkills / 5, 5);
  });

  it('credits the same occupation fully, the same SSYK group and a substitute partly, anything else not', () => {
    const same = fitOf(score({}), 'occupation');
    const group = fitOf(
      score({ occupations: [{ id: 'other', groupId: 'ssyk-9111', years: 4 }] }),
      'occupation',
    );
    const substitute = fitOf(
      score({ occupations: [{ id: 'lokalvardare', groupId: 'ssyk-9112', years: 4 }] }),
      'occupation',
    );
    const none = fitOf(
      score({ occupations: [{ id: 'kock', groupId: 'ssyk-5120', years: 4 }] }),
      'occupation',
    );
    expect(same).toBe(1);
    expect(group).toBeCloseTo(0.6);
    expect(substitute).toBeCloseTo(0.53, 2);
    expect(none).toBe(0);
    // Experience nudges: no years at all keeps 80 %.
    expect(
      fitOf(score({ occupations: [{ id: 'stadare', groupId: 'ssyk-9111', years: 0 }] }), 'occupation'),
    ).toBe(0.8);
  });

  it('scores the margin over the Swedish minimum, schedule, distance, urgency, priority and wanted kind', () => {
    expect(fitOf(score({ swedishLevel: SwedishLevel.SFI_B }), 'language')).toBeCloseTo(0.7 * 0.6 + 0.3);
    expect(fitOf(score({ freeWeekdays: [Weekday.MONDAY], hoursPerWeek: 8 }), 'schedule')).toBeCloseTo(
      0.3 + 0.2,
    );
    const unknownDays = score({ freeWeekdays: [], hoursPerWeek: 8 }).components.find(
      (component) => component.name === 'schedule',
    )!;
    expect(unknownDays).toMatchObject({
      fit: expect.closeTo(0.3 + 0.2),
      sv: 'lediga dagar okända, 8 av 16 timmar i veckan',
      en: 'free days unknown, 8 of 16 hours a week',
    });
    expect(fitOf(score({ municipalityId: 'nacka', travelReach: 'HOME_COUNTY' }), 'distance')).toBe(0.5);
    expect(
      fitOf(score({ countyId: 'uppsala', municipalityId: 'x', travelReach: 'ANYWHERE' }), 'distance'),
    ).toBe(0);
    expect(fitOf(score({ establishmentPeriodEndsOn: '2027-08-01' }), 'urgency')).toBe(1);
    expect(fitOf(score({ establishmentPeriodEndsOn: '2027-08-02' }), 'urgency')).toBe(0);
    expect(fitOf(score({ priorityGroup: false }), 'priorityGroups')).toBe(0);
    expect(fitOf(score({ wantedKinds: [] }), 'wantedKind')).toBe(0.5);
  });

  it('is deterministic, and its inputs hash follows the inputs, the weights and the algorithm only', () => {
    const a = score({});
    const b = score({});
    expect(b).toEqual(a);
    expect(score({ hoursPerWeek: 19 }).inputsHash).not.toBe(a.inputsHash);
    expect(scoreMatch(opening, ideal, { ...weights, urgency: 7 }, TODAY).inputsHash).not.toBe(a.inputsHash);
    // Another day with the same urgency is the same input.
    expect(scoreMatch(opening, ideal, weights, '2027-01-02').inputsHash).toBe(a.inputsHash);
    expect(ALGORITHM_VERSION).toMatch(/\S/);
  });

  it('scales to 0–100 whatever the weights sum to', () => {
    const doubled = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, v * 2])) as typeof weights;
    expect(scoreMatch(opening, { ...ideal, priorityGroup: false }, doubled, TODAY).score).toBe(
      score({ priorityGroup: false }).score,
    );
  });
});

describe('brokenHardConstraints', () => {
  it.each<[string, Partial<CandidateFacts>, Partial<OpeningFacts>]>([
    ['PUBLISHED', { published: false }, {}],
    ['AVAILABLE_BY_START', { availableFrom: '2027-02-02' }, {}],
    ['AVAILABLE_BY_START', { availableFrom: null }, {}],
    ['SWEDISH_LEVEL', { swedishLevel: SwedishLevel.SFI_A }, {}],
    ['SWEDISH_LEVEL', { swedishLevel: null }, {}],
    ['WANTED_KIND', { wantedKinds: [PlacementKind.EXTRATJANST] }, {}],
    ['OVERLAPPING_PLACEMENT', { occupied: [{ start: '2027-04-30', end: '2027-06-01' }] }, {}],
    ['OVERLAPPING_PLACEMENT', { occupied: [{ start: '2026-01-01', end: null }] }, {}],
    ['TRAVEL_REACH', { municipalityId: 'nacka' }, {}],
    ['TRAVEL_REACH', { travelReach: 'HOME_COUNTY', countyId: 'uppsala' }, {}],
    [
      'PREREQUISITE_EDUCATION_LEVEL',
      {},
      {
        kind: PlacementKind.JOBBSPAR,
        track: {
          minimumSwedishLevel: null,
          minimumEducation: { sunCode: '3', label: 'Gymnasial' },
          requiredDrivingLicence: null,
        },
      },
    ],
    [
      'ENROLLED_IN_INTAKE',
      { enrolledIntakeIds: ['another-intake'] },
      { kind: PlacementKind.JOBBSPAR, trackIntakeId: 'intake-1' },
    ],
  ])('finds %s broken', (rule, candidate, of) => {
    const rules = brokenHardConstraints(
      { ...opening, ...of },
      { ...ideal, wantedKinds: of.kind ? [] : ideal.wantedKinds, ...candidate },
    ).map((broken) => broken.rule);
    expect(rules).toEqual([rule]);
  });

  it("explains a track's unmet prerequisite in Swedish in Swedish", () => {
    const [broken] = brokenHardConstraints(
      {
        ...opening,
        kind: PlacementKind.JOBBSPAR,
        track: {
          minimumSwedishLevel: null,
          minimumEducation: null,
          requiredDrivingLicence: { conceptId: 'licence-c', code: 'C' },
        },
      },
      { ...ideal, wantedKinds: [] },
    );
    expect(broken).toEqual({
      rule: 'PREREQUISITE_DRIVING_LICENCE',
      sv: 'uppfyller inte spårets förkunskapskrav (spåret kräver körkort av klass C, som profilen inte har)',
      en: 'the track needs a driving licence of class C, which the profile does not list',
    });
  });

  it("accepts a participant holding a place in a Jobbspår opening's intake", () => {
    expect(
      brokenHardConstraints(
        { ...opening, kind: PlacementKind.JOBBSPAR, trackIntakeId: 'intake-1' },
        { ...ideal, wantedKinds: [], enrolledIntakeIds: ['intake-0', 'intake-1'] },
      ),
    ).toEqual([]);
    expect(candidateFilter({ ...opening, trackIntakeId: 'intake-1' })).toContain(
      'enrolledIntakeIds = "intake-1"',
    );
  });

  it('accepts open to any kind, a placement that ends before the start, and ANYWHERE', () => {
    expect(
      brokenHardConstraints(opening, {
        ...ideal,
        wantedKinds: [],
        occupied: [{ start: '2026-10-01', end: '2027-01-31' }],
        travelReach: 'ANYWHERE',
        municipalityId: 'uppsala',
        countyId: 'uppsala',
      }),
    ).toEqual([]);
  });

  it('builds the Meilisearch filter of the same constraints', () => {
    const filter = candidateFilter({
      ...opening,
      track: {
        minimumSwedishLevel: SwedishLevel.SFI_C,
        minimumEducation: null,
        requiredDrivingLicence: { conceptId: 'licence-b', code: 'B' },
      },
    });
    expect(filter).toContain('availableFrom <= 20850');
    expect(filter).toContain('swedishRank >= 3');
    expect(filter).toContain('wantedKinds = "PRAKTIK"');
    expect(filter).toContain(
      'occupiedUntil IS NULL OR occupiedUntil < 20850 OR occupiedFrom > 20938 OR occupiedPeriods > 1',
    );
    expect(filter).toContain('drivingLicenceIds = "licence-b"');
    expect(filter).toContain('travelReach = "HOME_MUNICIPALITY" AND municipalityId = "varmdo"');
  });
});

describe('settingsFingerprint', () => {
  const settings = { topN: 20, candidateLimit: 500, weights: DEFAULT_MATCH_WEIGHTS };

  it('follows the weights, the top N and the candidate limit, not the order the weights are written in', () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_MATCH_WEIGHTS).reverse(),
    ) as typeof DEFAULT_MATCH_WEIGHTS;
    expect(settingsFingerprint({ ...settings, weights: reordered })).toBe(settingsFingerprint(settings));
    expect(settingsFingerprint({ ...settings, weights: { ...DEFAULT_MATCH_WEIGHTS, urgency: 30 } })).not.toBe(
      settingsFingerprint(settings),
    );
    expect(settingsFingerprint({ ...settings, topN: 10 })).not.toBe(settingsFingerprint(settings));
    expect(settingsFingerprint({ ...settings, candidateLimit: 1_000 })).not.toBe(
      settingsFingerprint(settings),
    );
  });
});
