import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlacementEndReason } from '#libs/placements';
import { PlacementKind } from '#libs/vocabulary';

@ObjectType('Count', {
  description:
    'A count of people (or of proposals, placements, outcomes or enrolments, each about one person). Counts of 1–4 ' +
    'are suppressed (`value` null); so are more cells of a breakdown when one alone, or cells holding fewer than 5 ' +
    'together, would be, and every cell of a breakdown whose total is suppressed. 0 is shown.',
})
export class CountType {
  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType('OpeningKindFigures')
export class OpeningKindFiguresType {
  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field(() => Int, {
    description: 'Openings of this kind published in the period (not personal data: shown).',
  })
  openings!: number;

  @Field(() => Int, { description: 'Their places.' })
  placesOffered!: number;

  @Field(() => CountType, {
    description:
      'Their places that got a confirmed placement not cancelled (an early end still filled it), at most the places.',
  })
  placesFilled!: CountType;

  @Field(() => Float, {
    nullable: true,
    description: 'placesFilled / placesOffered, 0–1; null when suppressed.',
  })
  fillRate!: number | null;
}

@ObjectType('OpeningFigures')
export class OpeningFiguresType {
  @Field(() => Int, { description: 'Openings published in the period.' })
  published!: number;

  @Field(() => Int)
  placesOffered!: number;

  @Field(() => CountType)
  placesFilled!: CountType;

  @Field(() => Float, { nullable: true, description: 'placesFilled / placesOffered, 0–1.' })
  fillRate!: number | null;

  @Field(() => [OpeningKindFiguresType], { description: 'Every kind, in a fixed order, zeros included.' })
  byKind!: OpeningKindFiguresType[];
}

@ObjectType('ProposalFigures', {
  description:
    'Match proposals a coach decided in the period (confirmed or rejected; expired ones are no decision).',
})
export class ProposalFiguresType {
  @Field(() => CountType)
  decided!: CountType;

  @Field(() => CountType)
  confirmed!: CountType;

  @Field(() => CountType)
  rejected!: CountType;

  @Field(() => Float, { nullable: true, description: 'confirmed / decided, 0–1.' })
  confirmedShare!: number | null;
}

@ObjectType('EndReasonCount')
export class EndReasonCountType {
  @Field(() => PlacementEndReason)
  reason!: PlacementEndReason;

  @Field(() => CountType)
  count!: CountType;
}

@ObjectType('PlacementFigures')
export class PlacementFiguresType {
  @Field(() => CountType, { description: 'Placements confirmed in the period, whatever became of them.' })
  confirmed!: CountType;

  @Field(() => Float, {
    nullable: true,
    description:
      "Median days from the opening's publication to the confirmation, over the placements confirmed in the " +
      'period (one decimal); null with fewer than 5.',
  })
  medianDaysToConfirmation!: number | null;

  @Field(() => CountType, {
    description: 'Placements that ended in the period (their last day in it): completed + endedEarly.',
  })
  ended!: CountType;

  @Field(() => CountType)
  completed!: CountType;

  @Field(() => CountType)
  endedEarly!: CountType;

  @Field(() => [EndReasonCountType], {
    description:
      'endedEarly by reason, every reason in a fixed order; GOT_JOB and STARTED_STUDIES are good exits.',
  })
  endedEarlyByReason!: EndReasonCountType[];
}

@ObjectType('OutcomeFigures', {
  description:
    'The status 90 days after, of the placements that ended in the period (the national key figure), as the ' +
    'coaches recorded it: the six counts add up to `placements.ended`.',
})
export class OutcomeFiguresType {
  @Field(() => CountType)
  work!: CountType;

  @Field(() => CountType)
  studies!: CountType;

  @Field(() => CountType, { description: 'In a labour-market programme.' })
  programme!: CountType;

  @Field(() => CountType)
  none!: CountType;

  @Field(() => CountType)
  unknown!: CountType;

  @Field(() => CountType, {
    description: 'Not recorded (yet): the 90 days have not passed, or no one recorded it.',
  })
  notRecorded!: CountType;

  @Field(() => Float, {
    nullable: true,
    description: '(work + studies) / recorded outcomes (UNKNOWN included), 0–1.',
  })
  inWorkOrStudiesShare!: number | null;
}

@ObjectType('GroupFigures', {
  description:
    "One group of participants, by what their record says now (an erased participant's under NOT_STATED).",
})
export class GroupFiguresType {
  @Field({
    description: 'Stable code of the group, e.g. FORGYMNASIAL, SFI_B, WOMAN, SHORT_EDUCATION, NOT_STATED.',
  })
  group!: string;

  @Field({ description: 'Swedish label.' })
  label!: string;

  @Field(() => CountType, { description: 'Placements confirmed in the period.' })
  placementsConfirmed!: CountType;

  @Field(() => CountType, { description: 'Placements that ended in the period.' })
  placementsEnded!: CountType;

  @Field(() => CountType, { description: 'Of those, in work or studies 90 days after.' })
  inWorkOrStudies!: CountType;
}

@ObjectType('TrackIntakeFigures')
export class TrackIntakeFiguresType {
  @Field(() => ID)
  intakeId!: string;

  @Field()
  startDate!: string;

  @Field(() => Int)
  places!: number;

  @Field(() => CountType, { description: 'Participants enrolled now (withdrawals give the place back).' })
  filled!: CountType;

  @Field(() => Float, {
    nullable: true,
    description: 'filled / places, 0–1; null when `filled` is suppressed.',
  })
  fillRate!: number | null;
}

@ObjectType('TrackFigures')
export class TrackFiguresType {
  @Field(() => ID)
  trackId!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Places of its intakes starting in the period.' })
  places!: number;

  @Field(() => CountType)
  filled!: CountType;

  @Field(() => Float, { nullable: true })
  fillRate!: number | null;

  @Field(() => [TrackIntakeFiguresType], { description: 'Intakes starting in the period, earliest first.' })
  intakes!: TrackIntakeFiguresType[];
}

@ObjectType('KeyFigures', {
  description:
    'Key figures of an organisation or a municipality for a period, for coaches and admins. Counts of people below 5 ' +
    'are suppressed (see Count); shares, rates and medians computed from them or from fewer than 5 are null.',
})
export class KeyFiguresType {
  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => String, { nullable: true })
  municipalityCode!: string | null;

  @Field({ description: 'The organisation or the municipality, by name.' })
  scopeName!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => OpeningFiguresType)
  openings!: OpeningFiguresType;

  @Field(() => ProposalFiguresType)
  proposals!: ProposalFiguresType;

  @Field(() => PlacementFiguresType)
  placements!: PlacementFiguresType;

  @Field(() => OutcomeFiguresType)
  outcomes!: OutcomeFiguresType;

  @Field(() => [GroupFiguresType], {
    description:
      'By SUN education level: FORGYMNASIAL (SUN 0–2), GYMNASIAL (3), EFTERGYMNASIAL (4–6), NOT_STATED.',
  })
  byEducationLevel!: GroupFiguresType[];

  @Field(() => [GroupFiguresType], { description: 'By Swedish level: SFI_A … SVA, NOT_STATED.' })
  bySwedishLevel!: GroupFiguresType[];

  @Field(() => [GroupFiguresType], { description: 'By gender: WOMAN, MAN, OTHER, NOT_STATED.' })
  byGender!: GroupFiguresType[];

  @Field(() => [GroupFiguresType], {
    description:
      'By priority group: WOMAN, SHORT_EDUCATION, DISABILITY, LONG_TERM_ASSISTANCE, NONE (in none of them) and ' +
      'NOT_STATED (erased: no record left to say). ' +
      'One person can be in several groups, so these rows do not add up to the totals.',
  })
  byPriorityGroup!: GroupFiguresType[];

  @Field(() => [TrackFiguresType], {
    description:
      'Jobbspår tracks (of the organisation, or located in the municipality) with intakes starting in the period.',
  })
  tracks!: TrackFiguresType[];
}
