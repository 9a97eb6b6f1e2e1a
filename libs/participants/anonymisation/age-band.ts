/** Age bands from fine to coarse; k-anonymity widens them step by step. */
export enum AgeBandWidth {
  FIVE_YEARS = 0,
  TEN_YEARS = 1,
  TWENTY_YEARS = 2,
}

const BANDS: Record<AgeBandWidth, ReadonlyArray<readonly [number, number | null]>> = {
  [AgeBandWidth.FIVE_YEARS]: [
    [16, 24],
    [25, 29],
    [30, 34],
    [35, 39],
    [40, 44],
    [45, 49],
    [50, 54],
    [55, 59],
    [60, 64],
    [65, null],
  ],
  [AgeBandWidth.TEN_YEARS]: [
    [16, 29],
    [30, 39],
    [40, 49],
    [50, 59],
    [60, null],
  ],
  [AgeBandWidth.TWENTY_YEARS]: [
    [16, 39],
    [40, null],
  ],
};

/** The band an age falls in, written as employers see it: `25–29`, `60+`. */
export function ageBand(age: number, width: AgeBandWidth): string {
  const bands = BANDS[width];
  const [from, to] = bands.find(([, upper]) => upper === null || age <= upper) ?? bands.at(-1)!;
  return to === null ? `${from}+` : `${from}–${to}`;
}

/** Age in whole years at `today` from the birth year alone (what we keep): exact birth dates are never shown. */
export function ageFromBirthYear(birthYear: number, today = new Date()): number {
  return today.getUTCFullYear() - birthYear;
}
