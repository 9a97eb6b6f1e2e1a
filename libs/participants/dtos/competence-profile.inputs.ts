import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { calendarDateProblem } from '#libs/calendar';
import { Absent, Satisfies, Trim } from '#libs/validation';
import { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { TravelReach } from '../travel-reach.js';

/** Skills a competence profile holds at most: what the coach enters and what kompetensbevis add. */
export const PROFILE_SKILLS_MAX = 100;

@InputType()
export class ProfileOccupationInput {
  @Field({ description: 'JobTech occupation-name concept id.' })
  @IsString()
  @Length(1, 40)
  occupationConceptId!: string;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'must be a number of years with at most one decimal' })
  @Min(0)
  @Max(60)
  yearsOfExperience!: number;
}

@InputType()
export class ProfileLanguageInput {
  @Field({ description: 'JobTech language concept id (not Swedish: see swedishLevel).' })
  @IsString()
  @Length(1, 40)
  languageConceptId!: string;

  @Field(() => LanguageLevel)
  @IsEnum(LanguageLevel)
  level!: LanguageLevel;
}

@InputType()
export class PriorityGroupsInput {
  @Field()
  @IsBoolean()
  woman!: boolean;

  @Field({ description: 'At most förgymnasial education.' })
  @IsBoolean()
  shortEducation!: boolean;

  @Field({ description: 'Funktionsvariation.' })
  @IsBoolean()
  disability!: boolean;

  @Field({ description: 'Långvarigt ekonomiskt bistånd.' })
  @IsBoolean()
  longTermFinancialAssistance!: boolean;
}

/** Every field is optional: fields left out stay as they are; lists replace the whole list. */
@InputType()
export class UpdateCompetenceProfileInput {
  @Field(() => [ProfileOccupationInput], { nullable: true })
  @Absent()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProfileOccupationInput)
  occupations?: ProfileOccupationInput[];

  @Field(() => [String], {
    nullable: true,
    description: `JobTech skill concept ids, at most ${PROFILE_SKILLS_MAX} (kompetensbevis add theirs).`,
  })
  @Absent()
  @ArrayMaxSize(PROFILE_SKILLS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  skillConceptIds?: string[];

  @Field(() => String, { nullable: true, description: 'Top-level SUN 2020 education level concept id.' })
  @IsOptional()
  @IsString()
  educationLevelConceptId?: string | null;

  @Field(() => SwedishLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SwedishLevel)
  swedishLevel?: SwedishLevel | null;

  @Field(() => [ProfileLanguageInput], { nullable: true })
  @Absent()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProfileLanguageInput)
  languages?: ProfileLanguageInput[];

  @Field(() => [String], { nullable: true, description: 'JobTech driving-licence concept ids.' })
  @Absent()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsString({ each: true })
  drivingLicenceConceptIds?: string[];

  @Field(() => String, { nullable: true, description: 'Available from this date (YYYY-MM-DD).' })
  @IsOptional()
  @Satisfies(calendarDateProblem)
  availableFrom?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  hoursPerWeek?: number | null;

  @Field(() => [Weekday], { nullable: true, description: 'Weekdays free from SFI and other commitments.' })
  @Absent()
  @ArrayUnique()
  @IsEnum(Weekday, { each: true })
  freeWeekdays?: Weekday[];

  @Field(() => String, { nullable: true, description: 'JobTech municipality concept id.' })
  @IsOptional()
  @IsString()
  homeMunicipalityConceptId?: string | null;

  @Field(() => TravelReach, { nullable: true })
  @Absent()
  @IsEnum(TravelReach)
  travelReach?: TravelReach;

  @Field(() => [PlacementKind], { nullable: true })
  @Absent()
  @ArrayUnique()
  @IsEnum(PlacementKind, { each: true })
  wantedKinds?: PlacementKind[];

  @Field(() => [String], { nullable: true })
  @Absent()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  interests?: string[];

  @Field({ nullable: true, description: 'Written for employers; must not contain personal data.' })
  @Absent()
  @Trim()
  @IsString()
  @MaxLength(1000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Coach-only: end of the etableringsperiod.' })
  @IsOptional()
  @Satisfies(calendarDateProblem)
  establishmentPeriodEndsOn?: string | null;

  @Field(() => PriorityGroupsInput, { nullable: true, description: 'Coach-only.' })
  @Absent()
  @ValidateNested()
  @Type(() => PriorityGroupsInput)
  priorityGroups?: PriorityGroupsInput;

  @Field({ nullable: true, description: 'Coach-only.' })
  @Absent()
  @IsString()
  @MaxLength(4000)
  coachNotes?: string;
}
