import {
  addDays,
  addMonths,
  calendarDateProblem,
  isoDate,
  lastDayWithin,
  parseIsoDate,
  startOfDay,
} from './calendar-date.js';

describe('calendarDateProblem', () => {
  it.each(['2027-01-01', '2028-02-29', '2027-12-31'])('accepts %s', (value) => {
    expect(calendarDateProblem(value)).toBeNull();
  });

  it.each([
    ['2027-02-29', 'is not a date in the calendar'],
    ['2027-13-01', 'is not a date in the calendar'],
    ['2027-1-1', 'must be a date written YYYY-MM-DD'],
    ['2027-01-01T00:00:00Z', 'must be a date written YYYY-MM-DD'],
    ['1899-01-01', 'must be a year between 2000 and 2100'],
  ])('refuses %s', (value, problem) => {
    expect(calendarDateProblem(value)).toBe(problem);
  });
});

describe('addMonths', () => {
  it.each([
    ['2027-01-15', 1, '2027-02-15'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-05-10', -12, '2026-05-10'],
    ['2027-05-10', 0, '2027-05-10'],
  ])('%s + %i months is %s', (start, months, end) => {
    expect(isoDate(addMonths(parseIsoDate(start), months))).toBe(end);
  });
});

describe('lastDayWithin', () => {
  it.each([
    ['2027-01-01', 6, '2027-06-30'],
    ['2027-01-15', 6, '2027-07-14'],
    ['2027-08-31', 6, '2028-02-28'],
    ['2026-08-31', 6, '2027-02-27'],
    ['2027-03-01', 24, '2029-02-28'],
    ['2027-11-10', 3, '2028-02-09'],
  ])('%s + %i months ends on %s', (start, months, end) => {
    expect(lastDayWithin(start, months)).toBe(end);
  });
});

describe('addDays, startOfDay, isoDate', () => {
  it('counts whole days across month and year ends and the DST change', () => {
    expect(isoDate(addDays(parseIsoDate('2027-12-30'), 3))).toBe('2028-01-02');
    expect(isoDate(addDays(parseIsoDate('2028-03-01'), -1))).toBe('2028-02-29');
    expect(isoDate(addDays(parseIsoDate('2027-03-27'), 1))).toBe('2027-03-28');
    expect(isoDate(addDays(parseIsoDate('2027-03-28'), 1))).toBe('2027-03-29');
  });

  it('takes the UTC day of a moment and drops its time', () => {
    const day = startOfDay(new Date('2027-06-05T23:59:59.999Z'));
    expect(day.toISOString()).toBe('2027-06-05T00:00:00.000Z');
    expect(isoDate(day)).toBe('2027-06-05');
    expect(parseIsoDate('2027-06-05')).toEqual(day);
  });
});
