export { OpeningsModule } from './openings.module.js';
export { OpeningsService, COACH_VISIBLE_STATUSES } from './openings.service.js';
export { OpeningViews } from './opening-views.js';
export { Opening } from './entities/opening.entity.js';
export { OpeningStatus } from './opening-status.js';
export { OpeningType } from './dtos/opening.type.js';
export { CreateOpeningInput } from './dtos/opening.inputs.js';
export {
  ELIGIBILITY_RULES,
  durationProblem,
  eligibilityProblems,
  type EligibilityFacts,
  type EligibilityRule,
} from './eligibility.js';
