import type { SwedishLevel } from '#libs/vocabulary';
import { AgeBandWidth } from './age-band.js';

/** What employers could use, in combination, to single a person out. */
export interface QuasiIdentifiers {
  /** Its age band at each width (age-band.ts: birth-year cohorts), null without a birth year. */
  ageBands: Readonly<Record<AgeBandWidth, string>> | null;
  municipality: string | null;
  county: string | null;
  /** Top-level SUN 2020 code (0–6) and its label. */
  education: { sunCode: string; label: string } | null;
  swedishLevel: SwedishLevel | null;
  /** Speaks a language that fewer than k published profiles share (shown as "annat språk"). */
  hasRareLanguage: boolean;
}

/** What the employer view shows of the quasi-identifiers; null means hidden. */
export interface Disclosure {
  ageBand: string | null;
  municipality: string | null;
  county: string | null;
  educationLevel: string | null;
  swedishLevel: SwedishLevel | null;
  /** Whether rare languages are listed as "annat språk" (true) or left out (false). */
  showsRareLanguages: boolean;
}

type Area = 'MUNICIPALITY' | 'COUNTY' | 'HIDDEN';
type Education = 'EXACT' | 'BAND' | 'HIDDEN';

interface Step {
  area: Area;
  age: AgeBandWidth | null;
  education: Education;
  rareLanguages: boolean;
  swedishLevel: boolean;
}

/**
 * The generalisation ladder, most precise first; each step generalises one thing more. A profile climbs it until
 * its visible combination is shared by at least k published profiles. The order follows what matters for a
 * placement: age says nothing about fitness for a placement (and must not steer hiring), so the age band widens
 * and goes first; the SUN level becomes förgymnasial/gymnasial/eftergymnasial; rare languages are left out; only
 * then does the area widen (municipality → county → hidden), since commuting decides whether a placement works;
 * the Swedish level, the most common requirement, is hidden last.
 */
const LADDER: readonly Step[] = [
  {
    area: 'MUNICIPALITY',
    age: AgeBandWidth.FIVE_YEARS,
    education: 'EXACT',
    rareLanguages: true,
    swedishLevel: true,
  },
  {
    area: 'MUNICIPALITY',
    age: AgeBandWidth.TEN_YEARS,
    education: 'EXACT',
    rareLanguages: true,
    swedishLevel: true,
  },
  {
    area: 'MUNICIPALITY',
    age: AgeBandWidth.TEN_YEARS,
    education: 'BAND',
    rareLanguages: true,
    swedishLevel: true,
  },
  {
    area: 'MUNICIPALITY',
    age: AgeBandWidth.TWENTY_YEARS,
    education: 'BAND',
    rareLanguages: true,
    swedishLevel: true,
  },
  { area: 'MUNICIPALITY', age: null, education: 'BAND', rareLanguages: true, swedishLevel: true },
  { area: 'MUNICIPALITY', age: null, education: 'BAND', rareLanguages: false, swedishLevel: true },
  { area: 'COUNTY', age: null, education: 'BAND', rareLanguages: false, swedishLevel: true },
  { area: 'COUNTY', age: null, education: 'HIDDEN', rareLanguages: false, swedishLevel: true },
  { area: 'HIDDEN', age: null, education: 'HIDDEN', rareLanguages: false, swedishLevel: true },
  { area: 'HIDDEN', age: null, education: 'HIDDEN', rareLanguages: false, swedishLevel: false },
];

const EDUCATION_BANDS: Record<string, string> = {
  '0': 'Förgymnasial utbildning',
  '1': 'Förgymnasial utbildning',
  '2': 'Förgymnasial utbildning',
  '3': 'Gymnasial utbildning',
  '4': 'Eftergymnasial utbildning',
  '5': 'Eftergymnasial utbildning',
  '6': 'Eftergymnasial utbildning',
};

function disclose(qi: QuasiIdentifiers, step: Step): Disclosure {
  let education: string | null = null;
  if (qi.education && step.education === 'EXACT') education = qi.education.label;
  if (qi.education && step.education === 'BAND') education = EDUCATION_BANDS[qi.education.sunCode] ?? null;
  return {
    ageBand: qi.ageBands !== null && step.age !== null ? qi.ageBands[step.age] : null,
    municipality: step.area === 'MUNICIPALITY' ? qi.municipality : null,
    county: step.area === 'HIDDEN' ? null : qi.county,
    educationLevel: education,
    swedishLevel: step.swedishLevel ? qi.swedishLevel : null,
    showsRareLanguages: step.rareLanguages,
  };
}

function combination(qi: QuasiIdentifiers, disclosure: Disclosure): string {
  const { showsRareLanguages, ...shown } = disclosure;
  return JSON.stringify({ ...shown, rareLanguage: showsRareLanguages && qi.hasRareLanguage });
}

/** Generalised views of the published profiles: each profile's ladder step, and what it shows (null: withheld). */
export interface Generalisation {
  steps: Map<string, number>;
  disclosures: Map<string, Disclosure | null>;
}

/** Steps at or above this withhold the profile. */
const WITHHELD_STEP = LADDER.length;

/**
 * Generalises the employer view of every published profile so that each visible combination of quasi-identifiers
 * is shared by at least `k` of them (k-anonymity over exactly what is shown). Every profile in a group smaller
 * than k climbs one step; groups of k or more never lose a member, so this ends within the ladder's length.
 * Profiles still in a group smaller than k at the top are withheld until more profiles are published.
 *
 * `floors` are the steps profiles were already shown at: a profile never becomes more precise than it has been
 * shown, or two reads at different times could be compared to single a person out (the others of a group become
 * more precise, the one who does not is identified).
 */
export function generalise(
  profiles: ReadonlyMap<string, QuasiIdentifiers>,
  k: number,
  floors: ReadonlyMap<string, number> = new Map(),
): Generalisation {
  const level = new Map<string, number>(
    [...profiles.keys()].map((id) => [id, Math.min(floors.get(id) ?? 0, LADDER.length - 1)]),
  );
  for (let climbed = true; climbed;) {
    climbed = false;
    const groups = new Map<string, string[]>();
    for (const [id, qi] of profiles) {
      const step = LADDER[level.get(id)!];
      if (!step) continue;
      const key = combination(qi, disclose(qi, step));
      const group = groups.get(key);
      if (group) group.push(id);
      else groups.set(key, [id]);
    }
    for (const members of groups.values()) {
      if (members.length >= k) continue;
      for (const id of members) level.set(id, level.get(id)! + 1);
      climbed = true;
    }
  }
  const disclosures = new Map(
    [...profiles].map(([id, qi]) => {
      const step = LADDER[level.get(id)!];
      return [id, step ? disclose(qi, step) : null] as const;
    }),
  );
  return { steps: level, disclosures };
}

/**
 * Generalises (with `generaliseWith`, given floors) again and again with each shown profile's step as its floor,
 * until no floor rises; returns that generalisation and the floors it leaves behind. Computing from those floors
 * gives the same generalisation, so every process that reads them shows the same thing. (One pass is not enough:
 * a profile that started higher may climb past the step where the others, once their floors are raised, wait for
 * it, and be withheld in one pass and shown in the next.) Floors only rise and stop at the ladder's top, so this
 * ends within the ladder's length.
 */
export function generaliseToStableFloors<G extends Generalisation>(
  floors: ReadonlyMap<string, number>,
  generaliseWith: (floors: ReadonlyMap<string, number>) => G,
): { generalisation: G; floors: ReadonlyMap<string, number> } {
  let current = floors;
  for (;;) {
    const generalisation = generaliseWith(current);
    const raised = new Map(current);
    let rose = false;
    for (const [id, step] of generalisation.steps) {
      if (step < WITHHELD_STEP && step > (current.get(id) ?? 0)) {
        raised.set(id, step);
        rose = true;
      }
    }
    if (!rose) return { generalisation, floors: current };
    current = raised;
  }
}
