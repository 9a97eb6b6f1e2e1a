import { ratioText } from './report.js';

describe('ratioText', () => {
  it('prints two decimals', () => {
    expect(ratioText(0.6543, 0.8)).toBe('0.65');
    expect(ratioText(2.6231, 3)).toBe('2.62');
  });

  it('prints three when two would read as the goal although the ratio is not it', () => {
    expect(ratioText(0.7967, 0.8)).toBe('0.797');
    expect(ratioText(1.5031, 1.5)).toBe('1.503');
    expect(ratioText(1.4968, 1.5)).toBe('1.497');
    expect(ratioText(0.8, 0.8)).toBe('0.80');
  });
});
