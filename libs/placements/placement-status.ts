import { registerEnumType } from '@nestjs/graphql';

/** PLANNED → ACTIVE → COMPLETED | ENDED_EARLY; a PLANNED placement can be CANCELLED before it starts. */
export enum PlacementStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED_EARLY = 'ENDED_EARLY',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PlacementStatus, { name: 'PlacementStatus' });

/** Placements that hold the participant's time: two of these may not overlap. */
export const OCCUPYING_STATUSES = [PlacementStatus.PLANNED, PlacementStatus.ACTIVE] as const;
