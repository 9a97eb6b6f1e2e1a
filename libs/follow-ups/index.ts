export { FollowUpsModule } from './follow-ups.module.js';
export { FollowUpsService } from './follow-ups.service.js';
export type { PlacementPeriod } from './follow-up-plan.js';
export { FollowedPlacements } from './followed-placements.js';
