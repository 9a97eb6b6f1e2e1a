import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { calendarDateProblem } from '#libs/calendar';
import { PageInfo } from '#libs/pagination';
import { Satisfies, Trim } from '#libs/validation';
import { PlacementKind, SwedishLevel } from '#libs/vocabulary';
import { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';

export const PROFILE_SEARCH_LIMITS = { queryLength: 200, conceptIds: 20, first: [1, 100] } as const;

const eachConceptId = { each: true, message: 'each must be a concept id' } as const;

/**
 * Employer browse filters: every one is on a value employers are shown. Occupations match any of the given ones;
 * skills, languages and driving licences must all be shown on the profile.
 */
@InputType()
export class ProfileSearchFilter {
  @Field(() => [String], { nullable: true, description: 'Any of these occupations (concept ids).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_SEARCH_LIMITS.conceptIds)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  occupationConceptIds?: string[];

  @Field(() => [String], { nullable: true, description: 'All of these skills (concept ids).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_SEARCH_LIMITS.conceptIds)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  skillConceptIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'All of these languages (concept ids); rare languages are shown as "annat språk" and match none.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_SEARCH_LIMITS.conceptIds)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  languageConceptIds?: string[];

  @Field(() => SwedishLevel, {
    nullable: true,
    description: 'At least this Swedish level; profiles whose level is hidden do not match.',
  })
  @IsOptional()
  @IsEnum(SwedishLevel)
  minSwedishLevel?: SwedishLevel;

  @Field(() => String, {
    nullable: true,
    description: 'A municipality or county (län) concept id: profiles shown as living there.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  areaConceptId?: string;

  @Field(() => String, { nullable: true, description: 'Available on or before this day, YYYY-MM-DD.' })
  @IsOptional()
  @Trim()
  @Satisfies(calendarDateProblem)
  availableBy?: string;

  @Field(() => PlacementKind, { nullable: true, description: 'Wants this kind of placement.' })
  @IsOptional()
  @IsEnum(PlacementKind)
  placementKind?: PlacementKind;

  @Field(() => [String], {
    nullable: true,
    description: 'All of these driving licence classes, for example B.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsString({ each: true, message: 'each must be a licence class' })
  @MaxLength(10, { each: true })
  drivingLicences?: string[];
}

@ArgsType()
export class ProfileSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: `Free text over occupations, skills, languages and the summary; at most ${PROFILE_SEARCH_LIMITS.queryLength} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_SEARCH_LIMITS.queryLength)
  query?: string;

  @Field(() => ProfileSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfileSearchFilter)
  filter?: ProfileSearchFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(PROFILE_SEARCH_LIMITS.first[0])
  @Max(PROFILE_SEARCH_LIMITS.first[1])
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType('FacetCount', {
  description:
    'A number of profiles. Below K_ANONYMITY it is never given exactly: count is null and fewerThan is k.',
})
export class FacetCountType {
  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field(() => Int, { nullable: true, description: 'Set (to k) when there are fewer than k.' })
  fewerThan!: number | null;
}

@ObjectType('FacetValue')
export class FacetValueType {
  @Field({
    description: 'What to filter on: a concept id, a Swedish level, a licence class or a placement kind.',
  })
  value!: string;

  @Field()
  label!: string;

  @Field(() => FacetCountType)
  count!: FacetCountType;
}

@ObjectType('ProfileSearchFacets', { description: 'How many matching profiles show each value, most first.' })
export class ProfileSearchFacetsType {
  @Field(() => [FacetValueType])
  occupations!: FacetValueType[];

  @Field(() => [FacetValueType])
  skills!: FacetValueType[];

  @Field(() => [FacetValueType])
  languages!: FacetValueType[];

  @Field(() => [FacetValueType], { description: 'Municipalities and counties.' })
  areas!: FacetValueType[];

  @Field(() => [FacetValueType])
  swedishLevels!: FacetValueType[];

  @Field(() => [FacetValueType])
  drivingLicences!: FacetValueType[];

  @Field(() => [FacetValueType])
  placementKinds!: FacetValueType[];
}

@ObjectType('ProfileSearchResult')
export class ProfileSearchResultType {
  @Field(() => [AnonymisedProfileType])
  nodes!: AnonymisedProfileType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => FacetCountType, { description: 'How many profiles match.' })
  total!: FacetCountType;

  @Field(() => ProfileSearchFacetsType)
  facets!: ProfileSearchFacetsType;
}
