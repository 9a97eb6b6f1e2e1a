/** Swedish county codes (länskod) in use since 2007. */
const COUNTY_CODES = new Set([
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
]);

/** Why `value` is not a kommunkod (4 digits, starting with a county code), or null when it is one. */
export function municipalityCodeProblem(value: string): string | null {
  if (!/^\d{4}$/.test(value)) return 'must be a kommunkod of 4 digits, for example 0120';
  if (!COUNTY_CODES.has(value.slice(0, 2))) return 'does not start with a Swedish county code';
  return null;
}
