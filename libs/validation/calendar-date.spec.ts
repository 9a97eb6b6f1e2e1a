import { calendarDateProblem } from './calendar-date.js';

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
