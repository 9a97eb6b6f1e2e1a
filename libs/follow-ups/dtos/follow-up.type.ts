import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Attendance,
  DropoutRisk,
  FollowUpKind,
  FollowUpSide,
  FollowUpStatus,
  PlacementOutcome,
  SwedishProgress,
} from '../follow-up-kind.js';

@ObjectType('FollowUp', { description: "A check-in of a placement's follow-up plan, or its 90-day outcome." })
export class FollowUpType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  placementId!: string;

  @Field(() => FollowUpKind)
  kind!: FollowUpKind;

  @Field({ description: 'YYYY-MM-DD: the day it is due; moves with the placement’s dates while SCHEDULED.' })
  dueOn!: string;

  @Field(() => FollowUpStatus)
  status!: FollowUpStatus;

  @Field(() => Date, { nullable: true })
  becameDueAt!: Date | null;

  @Field({ description: 'DUE and its day has passed.' })
  overdue!: boolean;

  @Field(() => PlacementOutcome, { nullable: true, description: 'OUTCOME only, once recorded.' })
  outcome!: PlacementOutcome | null;

  @Field(() => String, { nullable: true })
  outcomeNote!: string | null;
}

@ObjectType('EmployerFollowUpEntry', {
  description: 'What the employer side said about a placement in one of your openings.',
})
export class EmployerFollowUpEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  placementId!: string;

  @Field(() => ID, { nullable: true, description: 'The check-in it answers.' })
  followUpId!: string | null;

  @Field(() => Attendance)
  attendance!: Attendance;

  @Field()
  tasksPerformed!: string;

  @Field(() => SwedishProgress)
  swedishProgress!: SwedishProgress;

  @Field(() => Int)
  satisfaction!: number;

  @Field(() => DropoutRisk)
  dropoutRisk!: DropoutRisk;

  @Field()
  text!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('FollowUpEntry', {
  description: 'What one side said about how a placement goes (coaches’ view).',
})
export class FollowUpEntryType extends EmployerFollowUpEntryType {
  @Field(() => FollowUpSide)
  side!: FollowUpSide;

  @Field(() => ID, { description: 'Who wrote it.' })
  authorId!: string;

  @Field(() => String, { nullable: true, description: 'The coach’s own note (coach entries only).' })
  coachNote!: string | null;
}
