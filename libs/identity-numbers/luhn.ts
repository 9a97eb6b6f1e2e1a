/** Luhn (mod 10) check over a string of digits, as used by Swedish organisationsnummer and personnummer. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to a string of digits: `811218987` → `8112189876`. */
export function withLuhnCheckDigit(digits: string): string {
  for (let check = 0; check <= 9; check++) {
    if (hasValidLuhnCheckDigit(`${digits}${check}`)) return `${digits}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}
