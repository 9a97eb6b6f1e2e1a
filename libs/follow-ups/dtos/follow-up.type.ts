import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FollowUpKind, FollowUpStatus } from '../follow-up-kind.js';

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
}
