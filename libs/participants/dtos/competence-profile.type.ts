import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TaxonomyConceptType } from '#libs/taxonomy';
import { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { ProfileStatus } from '../profile-status.js';
import { TravelReach } from '../travel-reach.js';

@ObjectType('OccupationExperience')
export class OccupationExperienceType {
  @Field(() => TaxonomyConceptType)
  occupation!: TaxonomyConceptType;

  @Field(() => Float)
  yearsOfExperience!: number;
}

@ObjectType('LanguageSkill')
export class LanguageSkillType {
  @Field({ description: 'The language name; "annat språk" in the employer view when it is rare.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'JobTech concept id; null when generalised.' })
  conceptId!: string | null;

  @Field(() => LanguageLevel, { nullable: true, description: 'Null for "annat språk" in the employer view.' })
  level!: LanguageLevel | null;
}

@ObjectType('Availability')
export class AvailabilityType {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  from!: string | null;

  @Field(() => Int, { nullable: true })
  hoursPerWeek!: number | null;

  @Field(() => [Weekday], { description: 'Weekdays free from SFI and other commitments.' })
  freeWeekdays!: Weekday[];
}

@ObjectType('PriorityGroups', { description: 'Coach-only priority-group flags from the Stockholm decision.' })
export class PriorityGroupsType {
  @Field()
  woman!: boolean;

  @Field()
  shortEducation!: boolean;

  @Field()
  disability!: boolean;

  @Field()
  longTermFinancialAssistance!: boolean;
}

/** The whole competence profile as the coach writes it, coach-only fields included. */
@ObjectType('CompetenceProfile')
export class CompetenceProfileType {
  @Field(() => ID)
  participantId!: string;

  @Field({ description: 'The pseudonym employers see.' })
  publicId!: string;

  @Field(() => ProfileStatus)
  status!: ProfileStatus;

  @Field(() => [OccupationExperienceType])
  occupations!: OccupationExperienceType[];

  @Field(() => [TaxonomyConceptType])
  skills!: TaxonomyConceptType[];

  @Field(() => [String], {
    description: 'Concept ids of the `skills` an employer confirmed in a kompetensbevis: shown as verified.',
  })
  verifiedSkillIds!: string[];

  @Field(() => TaxonomyConceptType, { nullable: true })
  educationLevel!: TaxonomyConceptType | null;

  @Field(() => SwedishLevel, { nullable: true })
  swedishLevel!: SwedishLevel | null;

  @Field(() => [LanguageSkillType])
  languages!: LanguageSkillType[];

  @Field(() => [TaxonomyConceptType])
  drivingLicences!: TaxonomyConceptType[];

  @Field(() => AvailabilityType)
  availability!: AvailabilityType;

  @Field(() => TaxonomyConceptType, { nullable: true })
  homeMunicipality!: TaxonomyConceptType | null;

  @Field(() => TravelReach)
  travelReach!: TravelReach;

  @Field(() => [PlacementKind])
  wantedKinds!: PlacementKind[];

  @Field(() => [String])
  interests!: string[];

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Coach-only.' })
  establishmentPeriodEndsOn!: string | null;

  @Field(() => PriorityGroupsType, { description: 'Coach-only.' })
  priorityGroups!: PriorityGroupsType;

  @Field({ description: 'Coach-only.' })
  coachNotes!: string;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  updatedAt!: Date;
}
