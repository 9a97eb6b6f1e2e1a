import { registerEnumType } from '@nestjs/graphql';

/** Why a placement ended before its last day (the coach picks one and adds a note). */
export enum PlacementEndReason {
  HEALTH = 'HEALTH',
  LANGUAGE = 'LANGUAGE',
  EMPLOYER_NEEDS_CHANGED = 'EMPLOYER_NEEDS_CHANGED',
  /** A conflict at the workplace. */
  WORKPLACE_CONFLICT = 'WORKPLACE_CONFLICT',
  MOVED = 'MOVED',
  GOT_JOB = 'GOT_JOB',
  STARTED_STUDIES = 'STARTED_STUDIES',
  OTHER = 'OTHER',
}

registerEnumType(PlacementEndReason, {
  name: 'PlacementEndReason',
  valuesMap: {
    GOT_JOB: { description: 'A good exit: the person got a job.' },
    STARTED_STUDIES: { description: 'A good exit: the person started studies.' },
  },
});
