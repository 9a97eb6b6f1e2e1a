/*
 * Small-cell suppression of the key figures. A count of people (or of things each about one person: proposals,
 * placements, outcomes, enrolments) below MIN_COUNT could point to someone in a municipality of ~150 participants, so
 * it is never shown; neither is a figure computed from one. Zero is shown: it singles out no one.
 */

/** The smallest count of people shown. */
export const MIN_COUNT = 5;

/** A count as shown: `value` null when suppressed. */
export interface Count {
  value: number | null;
  suppressed: boolean;
}

export const SUPPRESSED: Count = Object.freeze({ value: null, suppressed: true });

/** Primary suppression: 1–4 hidden, 0 and 5 or more shown. */
export function count(value: number): Count {
  return value > 0 && value < MIN_COUNT ? SUPPRESSED : { value, suppressed: false };
}

/**
 * The cells of one breakdown of a total (placements by gender, ended placements by reason …). Cells of 1–4 are hidden.
 * Then, while exactly one cell is hidden (the total minus the shown cells would give it back) or the hidden cells
 * hold fewer than MIN_COUNT together (two hidden cells adding up to 2 are both 1), the smallest other cell above zero
 * is hidden too: secondary suppression. A zero is never taken, since "hidden" would then point at the other hidden
 * cells. When the total itself is hidden, so is every cell, zeros too: the cells would add up to it, and zeros would
 * tell who the few are not. `hiddenFirst`: cells hidden from the start, for a reason outside this breakdown.
 */
export function breakdown(
  values: readonly number[],
  totalSuppressed = false,
  hiddenFirst: ReadonlySet<number> = new Set(),
): Count[] {
  if (totalSuppressed) return values.map(() => SUPPRESSED);
  const cells = values.map((value, index) => (hiddenFirst.has(index) ? SUPPRESSED : count(value)));
  const hidden = () => cells.filter((cell) => cell.suppressed).length;
  const hiddenSum = () =>
    values.reduce((total, value, index) => total + (cells[index]!.suppressed ? value : 0), 0);
  while (hidden() === 1 || (hidden() > 1 && hiddenSum() < MIN_COUNT)) {
    let next = -1;
    values.forEach((value, index) => {
      if (!cells[index]!.suppressed && value > 0 && (next < 0 || value < values[next]!)) next = index;
    });
    if (next < 0) break;
    cells[next] = SUPPRESSED;
  }
  return cells;
}

/**
 * `numerator / denominator`, rounded to three decimals, or null when either is hidden or the denominator is below
 * MIN_COUNT: a share of a hidden count would give the count back.
 */
export function share(numerator: Count, denominator: Count): number | null {
  if (numerator.suppressed || denominator.suppressed || denominator.value === null) return null;
  if (denominator.value < MIN_COUNT || numerator.value === null) return null;
  return Math.round((numerator.value / denominator.value) * 1000) / 1000;
}

/** The sum of shown counts, hidden when any of them is. */
export function sum(...counts: Count[]): Count {
  if (counts.some((part) => part.suppressed)) return SUPPRESSED;
  return { value: counts.reduce((total, part) => total + (part.value ?? 0), 0), suppressed: false };
}
