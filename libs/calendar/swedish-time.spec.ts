import { swedishTime, todayInSweden } from './swedish-time.js';

describe('swedishTime', () => {
  it('is 07:00 in Stockholm: 06:00 UTC in winter, 05:00 UTC in summer', () => {
    expect(swedishTime('2027-01-15', 7).toISOString()).toBe('2027-01-15T06:00:00.000Z');
    expect(swedishTime('2027-07-15', 7).toISOString()).toBe('2027-07-15T05:00:00.000Z');
  });

  it('follows the clock on the days it changes', () => {
    // Summer time from 02:00 on 28 March 2027, winter time again from 03:00 on 31 October 2027.
    expect(swedishTime('2027-03-28', 7).toISOString()).toBe('2027-03-28T05:00:00.000Z');
    expect(swedishTime('2027-03-28', 1).toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(swedishTime('2027-10-31', 7).toISOString()).toBe('2027-10-31T06:00:00.000Z');
  });
});

describe('todayInSweden', () => {
  it('is the day in Sweden, a day ahead of UTC late in the evening', () => {
    expect(todayInSweden(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInSweden(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});
