export { hasValidLuhnCheckDigit } from './luhn.js';
export {
  normaliseOrganisationNumber,
  organisationNumberProblem,
  formatOrganisationNumber,
} from './organisation-number.js';
