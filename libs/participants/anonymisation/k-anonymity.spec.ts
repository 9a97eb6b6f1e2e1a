import { SwedishLevel } from '#libs/vocabulary';
import {
  generalise,
  generaliseToStableFloors,
  type Disclosure,
  type QuasiIdentifiers,
} from './k-anonymity.js';
import { ageBand, ageBands, AgeBandWidth } from './age-band.js';

const YEAR = 2026;
/** The age bands of someone `age` years old in YEAR (born YEAR − age). */
const aged = (age: number) => ageBands(YEAR - age, YEAR);

const GYMNASIAL = { sunCode: '3', label: 'Gymnasial utbildning' };
const EFTERGYMNASIAL = { sunCode: '5', label: 'Eftergymnasial utbildning, minst 2 år' };

function person(overrides: Partial<QuasiIdentifiers> = {}): QuasiIdentifiers {
  return {
    ageBands: aged(32),
    municipality: 'Värmdö',
    county: 'Stockholms län',
    education: GYMNASIAL,
    swedishLevel: SwedishLevel.SFI_C,
    hasRareLanguage: false,
    ...overrides,
  };
}

function population(entries: Array<[count: number, qi: QuasiIdentifiers]>): Map<string, QuasiIdentifiers> {
  const map = new Map<string, QuasiIdentifiers>();
  for (const [count, qi] of entries) for (let i = 0; i < count; i++) map.set(`p${map.size}`, qi);
  return map;
}

/** Every visible combination must be shared by at least k shown profiles. */
function expectKAnonymous(
  result: Map<string, Disclosure | null>,
  profiles: Map<string, QuasiIdentifiers>,
  k: number,
) {
  const groups = new Map<string, number>();
  for (const [id, disclosure] of result) {
    if (!disclosure) continue;
    // What an employer sees: the shown values, and "annat språk" only where there is one to show.
    const { showsRareLanguages, ...shown } = disclosure;
    const key = JSON.stringify({ ...shown, rare: showsRareLanguages && profiles.get(id)!.hasRareLanguage });
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const count of groups.values()) expect(count).toBeGreaterThanOrEqual(k);
}

describe('generalise (k-anonymity)', () => {
  it('shows everything when each combination is shared by k profiles', () => {
    const profiles = population([[5, person()]]);
    const result = generalise(profiles, 5).disclosures;
    expect(result.get('p0')).toEqual({
      ageBand: '32–36',
      municipality: 'Värmdö',
      county: 'Stockholms län',
      educationLevel: 'Gymnasial utbildning',
      swedishLevel: SwedishLevel.SFI_C,
      showsRareLanguages: true,
    });
  });

  it('generalises the one person of a small municipality to the county, and no one is unique', () => {
    const profiles = population([
      [10, person()],
      [4, person({ municipality: 'Nacka' })],
      [1, person({ municipality: 'Nykvarn' })],
    ]);
    const result = generalise(profiles, 5).disclosures;
    expectKAnonymous(result, profiles, 5);
    expect(result.get('p0')!.municipality).toBe('Värmdö');
    const nykvarn = result.get('p14')!;
    expect(nykvarn.municipality).toBeNull();
    expect(nykvarn.county).toBe('Stockholms län');
  });

  it('widens the age band before it hides anything else, keeping the municipality', () => {
    const profiles = population([
      [3, person({ ageBands: aged(28) })],
      [2, person({ ageBands: aged(33) })],
    ]);
    const result = generalise(profiles, 5).disclosures;
    expectKAnonymous(result, profiles, 5);
    expect([...result.values()].map((d) => [d!.ageBand, d!.municipality, d!.educationLevel])).toEqual(
      Array(5).fill(['27–36', 'Värmdö', 'Gymnasial utbildning']),
    );
  });

  it('climbs the ladder until the combination is shared, keeping the county and the Swedish level', () => {
    const profiles = population([
      [3, person({ ageBands: aged(28) })],
      [2, person({ ageBands: aged(33), education: EFTERGYMNASIAL })],
    ]);
    const result = generalise(profiles, 5).disclosures;
    expectKAnonymous(result, profiles, 5);
    for (const disclosure of result.values()) {
      expect(disclosure).toMatchObject({ ageBand: null, municipality: null, educationLevel: null });
      expect(disclosure!.county).toBe('Stockholms län');
      expect(disclosure!.swedishLevel).toBe(SwedishLevel.SFI_C);
    }
  });

  it('hides a rare language when it alone makes a combination unique', () => {
    const profiles = population([
      [5, person()],
      [1, person({ hasRareLanguage: true })],
      [4, person({ ageBands: aged(60) })],
    ]);
    const result = generalise(profiles, 5).disclosures;
    expectKAnonymous(result, profiles, 5);
    expect(result.get('p0')!.showsRareLanguages).toBe(true);
  });

  it('withholds profiles while fewer than k are published', () => {
    const profiles = population([[3, person()]]);
    const result = generalise(profiles, 5).disclosures;
    expect([...result.values()]).toEqual([null, null, null]);
  });

  it('stays k-anonymous over a large random population', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const profiles = new Map<string, QuasiIdentifiers>();
    for (let i = 0; i < 2000; i++) {
      profiles.set(
        `p${i}`,
        person({
          ageBands: aged(18 + Math.floor(random() * 47)),
          municipality: pick(['Värmdö', 'Nacka', 'Nykvarn', 'Tyresö', 'Haninge', 'Solna']),
          education: pick([
            GYMNASIAL,
            EFTERGYMNASIAL,
            { sunCode: '1', label: 'Förgymnasial kortare än 9 år' },
          ]),
          swedishLevel: pick(Object.values(SwedishLevel)),
          hasRareLanguage: random() < 0.05,
        }),
      );
    }
    const result = generalise(profiles, 5).disclosures;
    expectKAnonymous(result, profiles, 5);
    const withheld = [...result.values()].filter((d) => d === null).length;
    expect(withheld).toBeLessThan(20);
  });

  it('never shows a profile more precisely than it was shown before, even when more profiles arrive', () => {
    const before = population([
      [1, person({ ageBands: aged(50) })],
      [4, person({ ageBands: aged(27) })],
    ]);
    const first = generalise(before, 5);
    expect(first.disclosures.get('p0')!.ageBand).toBeNull();
    const after = new Map([...before, ['p5', person({ ageBands: aged(27) })]]);
    const second = generalise(after, 5, first.steps);
    // Without the floors p1–p4 would now show 27–31 and leave p0 alone with "no age": the two reads single p0 out.
    for (const id of ['p1', 'p2', 'p3', 'p4']) expect(second.disclosures.get(id)!.ageBand).toBeNull();
    expect(second.disclosures.get('p0')).not.toBeNull();
    expect(generalise(after, 5).disclosures.get('p1')!.ageBand).toBe('27–31');
  });

  it('settles floors: a profile that climbed past where the others now wait is shown once their floors rise', () => {
    // Same municipality and education; ages 20 years apart, so alike only once the age is hidden (step 4).
    const person = (age: number): QuasiIdentifiers => ({
      ageBands: aged(age),
      municipality: 'Värmdö',
      county: 'Stockholms län',
      education: { sunCode: '3', label: 'Gymnasial utbildning' },
      swedishLevel: SwedishLevel.SFI_C,
      hasRareLanguage: false,
    });
    const profiles = new Map([
      ['x', person(30)],
      ['y', person(50)],
      ['w', person(70)],
    ]);
    const floors = new Map([['w', 3]]);
    // One pass: w starts three steps higher, is past steps 4 and 5 (alike for these three) by the time x and y
    // meet there, and climbs on alone; x and y stop at step 4.
    const once = generalise(profiles, 2, floors);
    expect(once.disclosures.get('w')).toBeNull();
    expect(once.steps.get('x')).toBe(4);
    // From x's and y's raised floors, w meets them at step 4: the stable result shows all three.
    const settled = generaliseToStableFloors(floors, (current) => generalise(profiles, 2, current));
    expect([...settled.generalisation.steps]).toEqual([
      ['x', 4],
      ['y', 4],
      ['w', 4],
    ]);
    expect(settled.floors).toEqual(
      new Map([
        ['w', 4],
        ['x', 4],
        ['y', 4],
      ]),
    );
    expect(generalise(profiles, 2, settled.floors).steps).toEqual(settled.generalisation.steps);
  });
});

describe('ageBand', () => {
  it('is a cohort of birth years: nobody crosses into another band at New Year', () => {
    for (let birthYear = 1940; birthYear <= 2010; birthYear++) {
      // Everyone born in the same cohort as someone on 31 December still shares their band on 1 January.
      for (let other = 1940; other <= 2010; other++) {
        for (const width of [AgeBandWidth.FIVE_YEARS, AgeBandWidth.TEN_YEARS, AgeBandWidth.TWENTY_YEARS]) {
          const before = ageBand(birthYear, width, 2026) === ageBand(other, width, 2026);
          const after = ageBand(birthYear, width, 2027) === ageBand(other, width, 2027);
          expect([birthYear, other, width, after]).toEqual([birthYear, other, width, before]);
        }
      }
    }
  });

  it('writes the ages the cohort has this year, each band within one of the next width', () => {
    expect(ageBand(1995, AgeBandWidth.FIVE_YEARS, 2026)).toBe('27–31');
    expect(ageBand(1999, AgeBandWidth.FIVE_YEARS, 2027)).toBe('28–32');
    expect(ageBand(1995, AgeBandWidth.TEN_YEARS, 2026)).toBe('27–36');
    expect(ageBand(1995, AgeBandWidth.TWENTY_YEARS, 2026)).toBe('27–46');
    expect(ageBand(2008, AgeBandWidth.TWENTY_YEARS, 2026)).toBe('16–26');
    expect(ageBand(1950, AgeBandWidth.FIVE_YEARS, 2026)).toBe('67+');
    for (let birthYear = 1950; birthYear <= 2010; birthYear++) {
      const five = ageBands(birthYear, 2026)[AgeBandWidth.FIVE_YEARS];
      const sameFive = (other: number) => ageBands(other, 2026)[AgeBandWidth.FIVE_YEARS] === five;
      for (let other = 1950; other <= 2010; other++) {
        if (!sameFive(other)) continue;
        expect(ageBands(other, 2026)[AgeBandWidth.TEN_YEARS]).toBe(
          ageBands(birthYear, 2026)[AgeBandWidth.TEN_YEARS],
        );
      }
    }
  });
});
