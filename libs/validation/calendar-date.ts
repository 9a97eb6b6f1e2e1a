/** Why `value` is not a calendar date written YYYY-MM-DD, or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'must be a date written YYYY-MM-DD';
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'is not a date in the calendar';
  }
  if (year < 2000 || year > 2100) return 'must be a year between 2000 and 2100';
  return null;
}
