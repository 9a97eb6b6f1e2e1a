/** Widths of the age bands, fine to coarse; k-anonymity widens them step by step. */
export enum AgeBandWidth {
  FIVE_YEARS = 0,
  TEN_YEARS = 1,
  TWENTY_YEARS = 2,
}

const WIDTH_YEARS: Record<AgeBandWidth, number> = {
  [AgeBandWidth.FIVE_YEARS]: 5,
  [AgeBandWidth.TEN_YEARS]: 10,
  [AgeBandWidth.TWENTY_YEARS]: 20,
};
/** Cohorts start at this birth year and every width after it, so that each band lies within one of the next width. */
const FIRST_COHORT = 1960;
/** Nobody younger takes part: the youngest band is written from this age. */
const YOUNGEST_AGE = 16;

/**
 * The age band of a person born in `birthYear`, written as employers see it in `year`: `27–31`, `67+`. A band is a
 * fixed cohort of birth years (1995–1999, say), not a range of ages: at the turn of the year every member of a
 * cohort moves on together, so two reads on either side of New Year show no one crossing into another band, which
 * would give their exact birth year away. Everyone born before FIRST_COHORT shares the oldest band.
 */
export function ageBand(birthYear: number, width: AgeBandWidth, year: number): string {
  if (birthYear < FIRST_COHORT) return `${year - FIRST_COHORT + 1}+`;
  const size = WIDTH_YEARS[width];
  const first = FIRST_COHORT + Math.floor((birthYear - FIRST_COHORT) / size) * size;
  const oldest = year - first;
  const youngest = Math.max(YOUNGEST_AGE, year - (first + size - 1));
  return youngest >= oldest ? `${oldest}` : `${youngest}–${oldest}`;
}

/** The age band of a person born in `birthYear` at each width, as employers see them in `year`. */
export function ageBands(birthYear: number, year: number): Readonly<Record<AgeBandWidth, string>> {
  return {
    [AgeBandWidth.FIVE_YEARS]: ageBand(birthYear, AgeBandWidth.FIVE_YEARS, year),
    [AgeBandWidth.TEN_YEARS]: ageBand(birthYear, AgeBandWidth.TEN_YEARS, year),
    [AgeBandWidth.TWENTY_YEARS]: ageBand(birthYear, AgeBandWidth.TWENTY_YEARS, year),
  };
}
