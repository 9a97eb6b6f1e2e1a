export { hasValidLuhnCheckDigit, withLuhnCheckDigit } from './luhn.js';
export {
  normaliseOrganisationNumber,
  organisationNumberProblem,
  formatOrganisationNumber,
} from './organisation-number.js';
export {
  parsePersonnummer,
  personnummerProblem,
  formatPersonnummer,
  type Personnummer,
} from './personnummer.js';
