export { FollowUpsModule } from './follow-ups.module.js';
export { FollowUpsService } from './follow-ups.service.js';
export { FollowUpEntriesService } from './follow-up-entries.service.js';
export { FollowUpFeedbackInput, RecordFollowUpInput, RecordOutcomeInput } from './dtos/follow-up.inputs.js';
export { Attendance, DropoutRisk, PlacementOutcome, SwedishProgress } from './follow-up-kind.js';
export type { PlacementPeriod } from './follow-up-plan.js';
export { FollowedPlacements } from './followed-placements.js';
