import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationType } from '#libs/organisations';
import { TaxonomyConceptType } from '#libs/taxonomy';
import { TrackIntakeType } from '#libs/tracks';
import { PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { OpeningStatus } from '../opening-status.js';

@ObjectType('Opening', { description: 'A placement request (opening) of an employer or association.' })
export class OpeningType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field(() => OpeningStatus)
  status!: OpeningStatus;

  @Field()
  title!: string;

  @Field(() => TaxonomyConceptType)
  occupation!: TaxonomyConceptType;

  @Field(() => [TaxonomyConceptType])
  requiredSkills!: TaxonomyConceptType[];

  @Field(() => [TaxonomyConceptType])
  niceToHaveSkills!: TaxonomyConceptType[];

  @Field(() => SwedishLevel, { nullable: true })
  minimumSwedishLevel!: SwedishLevel | null;

  @Field(() => [TaxonomyConceptType])
  usefulLanguages!: TaxonomyConceptType[];

  @Field(() => [TaxonomyConceptType])
  requiredDrivingLicences!: TaxonomyConceptType[];

  @Field(() => TaxonomyConceptType)
  municipality!: TaxonomyConceptType;

  @Field(() => TaxonomyConceptType, { description: 'The county (län) of the municipality.' })
  county!: TaxonomyConceptType;

  @Field(() => [Weekday])
  weekdays!: Weekday[];

  @Field(() => Int)
  hoursPerWeek!: number;

  @Field({ description: 'YYYY-MM-DD' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; none: open-ended.' })
  endDate!: string | null;

  @Field(() => Int)
  places!: number;

  @Field(() => Int, { description: 'Places given to confirmed matches.' })
  placesTaken!: number;

  @Field(() => Int)
  placesLeft!: number;

  @Field(() => String, { nullable: true, description: 'The named workplace supervisor (handledare).' })
  supervisorName!: string | null;

  @Field(() => String, { nullable: true })
  languageSupport!: string | null;

  @Field(() => String, { nullable: true })
  disabilityAdaptations!: string | null;

  @Field({ description: 'The requirement specification (kravspecifikation).' })
  requirementSpecification!: string;

  @Field()
  contactName!: string;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field()
  collectiveAgreementConfirmed!: boolean;

  @Field(() => TrackIntakeType, { nullable: true, description: 'JOBBSPAR: the track intake.' })
  trackIntake!: TrackIntakeType | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
