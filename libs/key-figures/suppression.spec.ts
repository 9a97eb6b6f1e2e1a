import { breakdown, count, share, sum, SUPPRESSED } from './suppression.js';

const shown = (value: number) => ({ value, suppressed: false });

describe('small-cell suppression', () => {
  it('hides counts of 1 to 4 and shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 120].map(count)).toEqual([shown(0), SUPPRESSED, SUPPRESSED, shown(5), shown(120)]);
  });

  it('leaves a breakdown without small cells as it is', () => {
    expect(breakdown([12, 0, 7])).toEqual([shown(12), shown(0), shown(7)]);
  });

  it('hides the smallest other cell above zero when exactly one cell is hidden', () => {
    // Total 30: with 3 hidden and the rest shown, 30 − 12 − 0 − 9 − 6 would give the 3 back.
    const cells = breakdown([12, 3, 0, 9, 6]);
    expect(cells).toEqual([shown(12), SUPPRESSED, shown(0), shown(9), SUPPRESSED]);
    // What is left: the two hidden cells hold 9 between them, and one of 1–4 and one of 5 or more splits 9 in four ways.
    const hiddenSum = 30 - cells.reduce((total, cell) => total + (cell.value ?? 0), 0);
    expect(hiddenSum).toBe(9);
  });

  it('takes the first of equal smallest cells as the second one', () => {
    expect(breakdown([7, 2, 7])).toEqual([SUPPRESSED, SUPPRESSED, shown(7)]);
  });

  it('hides nothing more when two or more cells are already hidden', () => {
    expect(breakdown([2, 3, 40])).toEqual([SUPPRESSED, SUPPRESSED, shown(40)]);
  });

  it('hides one more when the hidden cells hold fewer than five together', () => {
    // Two hidden cells adding up to 2 would both be 1.
    expect(breakdown([1, 1, 9, 20])).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, shown(20)]);
    expect(breakdown([1, 4, 9, 20])).toEqual([SUPPRESSED, SUPPRESSED, shown(9), shown(20)]);
  });

  it('stops when no cell above zero is left to hide', () => {
    expect(breakdown([2, 0, 0])).toEqual([SUPPRESSED, shown(0), shown(0)]);
  });

  it('never picks a zero as the second cell', () => {
    expect(breakdown([0, 4, 0, 6])).toEqual([shown(0), SUPPRESSED, shown(0), SUPPRESSED]);
  });

  it('hides every cell, zeros included, of a hidden total', () => {
    expect(breakdown([3, 0, 0], true)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(breakdown([12, 9], true)).toEqual([SUPPRESSED, SUPPRESSED]);
  });

  it('gives no share of a hidden count or of fewer than five', () => {
    expect(share(shown(6), shown(8))).toBe(0.75);
    expect(share(shown(0), shown(5))).toBe(0);
    expect(share(shown(1), shown(3))).toBeNull();
    expect(share(SUPPRESSED, shown(20))).toBeNull();
    expect(share(shown(20), SUPPRESSED)).toBeNull();
    expect(share(shown(2), shown(3))).toBeNull();
  });

  it('adds shown counts and hides a sum with a hidden part', () => {
    expect(sum(shown(5), shown(0), shown(7))).toEqual(shown(12));
    expect(sum(shown(5), SUPPRESSED)).toEqual(SUPPRESSED);
  });
});
