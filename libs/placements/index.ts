export { PlacementsModule } from './placements.module.js';
export { PlacementsService } from './placements.service.js';
export { PlacementLifecycle } from './placement-lifecycle.service.js';
export { EndPlacementEarlyInput } from './dtos/placement.inputs.js';
export { Placement } from './entities/placement.entity.js';
export { PlacementStatus, OCCUPYING_STATUSES } from './placement-status.js';
export { PlacementEndReason } from './placement-end-reason.js';
export { EstablishmentPeriodReminders } from './establishment-period-reminders.js';
