import {
  formatOrganisationNumber,
  normaliseOrganisationNumber,
  organisationNumberProblem,
} from './organisation-number.js';

describe('organisationsnummer', () => {
  it.each(['5560360793', '2120000142', '8020026129'])('accepts %s', (value) => {
    expect(organisationNumberProblem(value)).toBeNull();
  });

  it('normalises the usual way of writing it', () => {
    expect(normaliseOrganisationNumber(' 556036-0793 ')).toBe('5560360793');
    expect(formatOrganisationNumber('5560360793')).toBe('556036-0793');
  });

  it.each([
    ['556036079', 'must have 10 digits'],
    ['55603607931', 'must have 10 digits'],
    ['55603607a3', 'must have 10 digits'],
    ['5560360794', 'wrong check digit'],
    ['8112189876', 'legal entity'],
  ])('refuses %s: %s', (value, problem) => {
    expect(organisationNumberProblem(value)).toContain(problem);
  });
});
