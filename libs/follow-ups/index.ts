export { FollowUpsModule } from './follow-ups.module.js';
export { FollowUpsService } from './follow-ups.service.js';
export { FollowUp } from './entities/follow-up.entity.js';
export { FollowUpKind, FollowUpStatus } from './follow-up-kind.js';
export type { PlacementPeriod } from './follow-up-plan.js';
