import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OpeningType } from '#libs/openings';
import { PlacementKind } from '#libs/vocabulary';
import { PlacementEndReason } from '../placement-end-reason.js';
import { PlacementStatus } from '../placement-status.js';

/**
 * A confirmed match as the coaches and admins of the participant's organisation see it. Employers get
 * `EmployerPlacement` instead: a separate type, so that no participant id is reachable from an employer's query.
 */
@ObjectType('Placement', {
  description: 'A confirmed match: the participant takes one place of the opening.',
})
export class PlacementType {
  @Field(() => ID)
  id!: string;

  @Field(() => PlacementStatus)
  status!: PlacementStatus;

  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field({ description: "YYYY-MM-DD: the opening's start date." })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; none: open-ended.' })
  endDate!: string | null;

  @Field(() => OpeningType)
  opening!: OpeningType;

  @Field(() => ID)
  participantId!: string;

  @Field(() => ID, { nullable: true, description: 'The confirmed proposal.' })
  proposalId!: string | null;

  @Field(() => ID, { description: 'The coach or admin who confirmed it.' })
  confirmedBy!: string;

  @Field(() => PlacementEndReason, { nullable: true, description: 'Why it ended early (ENDED_EARLY only).' })
  endReason!: PlacementEndReason | null;

  @Field(() => String, { nullable: true, description: 'The note on an early end or a cancellation.' })
  endNote!: string | null;

  @Field()
  confirmedAt!: Date;
}

@ObjectType('PlacementContact', { description: 'Whom the employer talks to about the placement: the coach.' })
export class PlacementContactType {
  @Field()
  name!: string;

  @Field()
  email!: string;
}

@ObjectType('PlacementIntroduction', {
  description:
    'What the employer learns about the person after the confirmation: the first name, only when the participant ' +
    'consented to INTRODUCTION, and the confirming coach as contact. Nothing else about the person, ever.',
})
export class PlacementIntroductionType {
  @Field(() => String, {
    nullable: true,
    description:
      'Null without INTRODUCTION consent, after erasure and once the placement is cancelled. Each time it is shown, it is audit-logged.',
  })
  firstName!: string | null;

  @Field(() => PlacementContactType)
  contact!: PlacementContactType;
}

@ObjectType('EmployerPlacement', {
  description: "A confirmed match in one of your organisation's openings, as the employer sees it.",
})
export class EmployerPlacementType {
  @Field(() => ID)
  id!: string;

  @Field(() => PlacementStatus)
  status!: PlacementStatus;

  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field({ description: 'YYYY-MM-DD' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; none: open-ended.' })
  endDate!: string | null;

  @Field(() => OpeningType)
  opening!: OpeningType;

  @Field()
  confirmedAt!: Date;

  @Field(() => PlacementIntroductionType)
  introduction!: PlacementIntroductionType;
}
