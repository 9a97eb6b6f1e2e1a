import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationType } from '#libs/organisations';
import { TaxonomyConceptType } from '#libs/taxonomy';
import { SwedishLevel } from '#libs/vocabulary';
import type { TrackEnrolment } from '../entities/track-enrolment.entity.js';
import type { TrackIntake } from '../entities/track-intake.entity.js';

@ObjectType('TrackIntake')
export class TrackIntakeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  trackId!: string;

  @Field()
  trackName!: string;

  @Field({ description: 'First day, YYYY-MM-DD.' })
  startDate!: string;

  @Field(() => Int)
  places!: number;

  @Field(() => Int)
  placesTaken!: number;

  @Field(() => Int)
  placesLeft!: number;

  static from(intake: TrackIntake, trackName: string): TrackIntakeType {
    return {
      id: intake.id,
      trackId: intake.trackId,
      trackName,
      startDate: intake.startDate,
      places: intake.places,
      placesTaken: intake.placesTaken,
      placesLeft: intake.places - intake.placesTaken,
    };
  }
}

@ObjectType('Track', {
  description:
    'A Jobbspår: praktik, SFI and vocational Swedish for one occupational field, in intakes of fixed size.',
})
export class TrackType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationType, { description: 'The municipality organisation that runs the track.' })
  organisation!: OrganisationType;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => TaxonomyConceptType)
  municipality!: TaxonomyConceptType;

  @Field(() => [TaxonomyConceptType])
  occupations!: TaxonomyConceptType[];

  @Field(() => Int)
  praktikWeeks!: number;

  @Field(() => Int)
  sfiHoursPerWeek!: number;

  @Field()
  vocationalSwedish!: boolean;

  @Field(() => String, { nullable: true })
  course!: string | null;

  @Field(() => SwedishLevel, { nullable: true, description: 'Prerequisite.' })
  minimumSwedishLevel!: SwedishLevel | null;

  @Field(() => TaxonomyConceptType, { nullable: true, description: 'Prerequisite: a top-level SUN level.' })
  minimumEducationLevel!: TaxonomyConceptType | null;

  @Field(() => TaxonomyConceptType, { nullable: true, description: 'Prerequisite.' })
  requiredDrivingLicence!: TaxonomyConceptType | null;

  @Field(() => [OrganisationType], {
    description: 'Employers that take participants in praktik and may hire after the track.',
  })
  partners!: OrganisationType[];

  @Field(() => [TrackIntakeType], { description: 'By start date.' })
  intakes!: TrackIntakeType[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('TrackEnrolment', { description: "A participant's place in an intake. No personal data." })
export class TrackEnrolmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  intakeId!: string;

  @Field(() => ID)
  participantId!: string;

  @Field()
  enrolledAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  static from(enrolment: TrackEnrolment): TrackEnrolmentType {
    return {
      id: enrolment.id,
      intakeId: enrolment.intakeId,
      participantId: enrolment.participantId,
      enrolledAt: enrolment.enrolledAt,
      withdrawnAt: enrolment.withdrawnAt,
    };
  }
}
