import { registerEnumType } from '@nestjs/graphql';

/** The check-ins of a placement's follow-up plan, and the outcome 90 days after it ended. */
export enum FollowUpKind {
  /** One week after the start. */
  WEEK_ONE = 'WEEK_ONE',
  /** Halfway through (placements with a last day). */
  MIDPOINT = 'MIDPOINT',
  /** On the last day. */
  END = 'END',
  /** 90 days after the last day: the status the national key figure counts. */
  OUTCOME = 'OUTCOME',
}

export enum FollowUpStatus {
  /** Waiting for its day (a delayed job). */
  SCHEDULED = 'SCHEDULED',
  /** Its day came: the coach was notified (and the employer asked for feedback). */
  DUE = 'DUE',
  DONE = 'DONE',
  /** The placement was cancelled, or ended before this check-in's day. */
  CANCELLED = 'CANCELLED',
}

registerEnumType(FollowUpKind, { name: 'FollowUpKind' });
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

/** Who wrote a follow-up entry: the municipality's coach or the employer (or association) side. */
export enum FollowUpSide {
  COACH = 'COACH',
  EMPLOYER = 'EMPLOYER',
}

export enum Attendance {
  ALWAYS = 'ALWAYS',
  MOSTLY = 'MOSTLY',
  SOMETIMES = 'SOMETIMES',
  RARELY = 'RARELY',
}

export enum SwedishProgress {
  NONE = 'NONE',
  SOME = 'SOME',
  CLEAR = 'CLEAR',
}

export enum DropoutRisk {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** The status 90 days after a placement ended, as the national key figure counts it. */
export enum PlacementOutcome {
  WORK = 'WORK',
  STUDIES = 'STUDIES',
  /** A labour-market programme. */
  PROGRAMME = 'PROGRAMME',
  NONE = 'NONE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(FollowUpSide, { name: 'FollowUpSide' });
registerEnumType(Attendance, { name: 'Attendance' });
registerEnumType(SwedishProgress, { name: 'SwedishProgress' });
registerEnumType(DropoutRisk, { name: 'DropoutRisk' });
registerEnumType(PlacementOutcome, { name: 'PlacementOutcome' });
