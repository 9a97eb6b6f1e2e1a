import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TaxonomyConceptType } from '#libs/taxonomy';
import { PlacementKind, SwedishLevel } from '#libs/vocabulary';
import { AvailabilityType, LanguageSkillType } from './competence-profile.type.js';

@ObjectType('AnonymisedExperience')
export class AnonymisedExperienceType {
  @Field(() => TaxonomyConceptType)
  occupation!: TaxonomyConceptType;

  @Field(() => Float)
  yearsOfExperience!: number;
}

@ObjectType('Area', { description: 'Where the person lives, generalised: municipality, county or neither.' })
export class AreaType {
  @Field(() => String, { nullable: true })
  municipality!: string | null;

  @Field(() => String, { nullable: true })
  county!: string | null;
}

/**
 * What employers see of a published competence profile: a fixed allow-list, generalised so that every visible
 * combination of age band, area, education level, Swedish level and rare languages is shared by at least
 * K_ANONYMITY published profiles. Never a name, personnummer, contact, birth date, gender, origin, flag or note.
 */
@ObjectType('AnonymisedProfile')
export class AnonymisedProfileType {
  @Field({ description: 'Pseudonymous id: not a database key of the participant.' })
  publicId!: string;

  @Field(() => [AnonymisedExperienceType])
  experience!: AnonymisedExperienceType[];

  @Field(() => [TaxonomyConceptType])
  skills!: TaxonomyConceptType[];

  @Field(() => [String], {
    description:
      'Concept ids of the `skills` an employer confirmed in a kompetensbevis after a completed placement: verified.',
  })
  verifiedSkillIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Exact SUN level or a broader band; null when hidden.',
  })
  educationLevel!: string | null;

  @Field(() => SwedishLevel, { nullable: true })
  swedishLevel!: SwedishLevel | null;

  @Field(() => [LanguageSkillType])
  languages!: LanguageSkillType[];

  @Field(() => [String], { description: 'Licence classes, for example B.' })
  drivingLicences!: string[];

  @Field(() => AvailabilityType)
  availability!: AvailabilityType;

  @Field(() => AreaType)
  area!: AreaType;

  @Field(() => String, {
    nullable: true,
    description:
      'Ages this year of a cohort of birth years, for example 27–31 (born 1995–1999, in 2026); wider or null when needed for anonymity.',
  })
  ageBand!: string | null;

  @Field(() => [PlacementKind])
  wantedKinds!: PlacementKind[];

  @Field()
  summary!: string;
}
