import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { calendarDateProblem } from '#libs/calendar';
import { Absent, NormaliseEmail, Satisfies, Trim } from '#libs/validation';
import { PageArgs } from '#libs/pagination';

import { PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { OpeningStatus } from '../opening-status.js';

export const OPENING_LIMITS = {
  titleLength: [3, 200],
  textLength: 4000,
  nameLength: [2, 200],
  places: [1, 500],
  hoursPerWeek: [1, 40],
  skills: 30,
  languages: 20,
  drivingLicences: 15,
} as const;

const PHONE = /^\+?[0-9][0-9 ()-]{5,38}$/;
const eachConceptId = { each: true, message: 'each must be a concept id' } as const;
const DATE_DESCRIPTION = 'YYYY-MM-DD';

/** A new opening starts as a DRAFT; eligibility is checked when it is published. */
@InputType()
export class CreateOpeningInput {
  @Field(() => PlacementKind)
  @IsEnum(PlacementKind)
  kind!: PlacementKind;

  @Field()
  @Trim()
  @IsString()
  @Length(...OPENING_LIMITS.titleLength)
  title!: string;

  @Field({ description: 'JobTech occupation concept id.' })
  @Trim()
  @IsString()
  @Length(1, 100)
  occupationConceptId!: string;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.skills)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  requiredSkillConceptIds: string[] = [];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.skills)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  niceToHaveSkillConceptIds: string[] = [];

  @Field(() => SwedishLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SwedishLevel)
  minimumSwedishLevel?: SwedishLevel | null;

  @Field(() => [String], { defaultValue: [], description: 'Languages that help in this job (concept ids).' })
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.languages)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  usefulLanguageConceptIds: string[] = [];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.drivingLicences)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  requiredDrivingLicenceConceptIds: string[] = [];

  @Field({ description: 'Where the work is: a municipality concept id.' })
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId!: string;

  @Field(() => [Weekday], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsEnum(Weekday, { each: true })
  weekdays: Weekday[] = [];

  @Field(() => Int)
  @IsInt()
  @Min(OPENING_LIMITS.hoursPerWeek[0])
  @Max(OPENING_LIMITS.hoursPerWeek[1])
  hoursPerWeek!: number;

  @Field({ description: DATE_DESCRIPTION })
  @Trim()
  @Satisfies(calendarDateProblem)
  startDate!: string;

  @Field(() => String, { nullable: true, description: `Last day, ${DATE_DESCRIPTION}; none: open-ended.` })
  @IsOptional()
  @Trim()
  @Satisfies(calendarDateProblem)
  endDate?: string | null;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(OPENING_LIMITS.places[0])
  @Max(OPENING_LIMITS.places[1])
  places: number = 1;

  @Field(() => String, { nullable: true, description: 'The named workplace supervisor (handledare).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.nameLength[1])
  supervisorName?: string | null;

  @Field(() => String, { nullable: true, description: 'Language support offered (språkstöd).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  languageSupport?: string | null;

  @Field(() => String, { nullable: true, description: 'Adaptations for disability (funktionsvariation).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  disabilityAdaptations?: string | null;

  @Field({ defaultValue: '', description: 'The requirement specification (kravspecifikation).' })
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  requirementSpecification: string = '';

  @Field({ description: "The employer's contact person." })
  @Trim()
  @IsString()
  @Length(...OPENING_LIMITS.nameLength)
  contactName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NormaliseEmail()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'must be a phone number of digits, spaces, -, ( ) and an optional leading +' })
  contactPhone?: string | null;

  @Field({
    defaultValue: false,
    description: 'ETABLERINGSJOBB: the employer is bound by a collective agreement on etableringsjobb.',
  })
  @IsBoolean()
  collectiveAgreementConfirmed: boolean = false;

  @Field(() => ID, { nullable: true, description: 'JOBBSPAR: the track intake the opening gives places in.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  trackIntakeId?: string | null;
}

/**
 * Fields left out stay as they are; null clears the optional ones. A PUBLISHED opening is checked for eligibility
 * again after the change.
 */
@InputType()
export class UpdateOpeningInput {
  @Field(() => PlacementKind, { nullable: true })
  @Absent()
  @IsEnum(PlacementKind)
  kind?: PlacementKind;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(...OPENING_LIMITS.titleLength)
  title?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(1, 100)
  occupationConceptId?: string;

  @Field(() => [String], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.skills)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  requiredSkillConceptIds?: string[];

  @Field(() => [String], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.skills)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  niceToHaveSkillConceptIds?: string[];

  @Field(() => SwedishLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SwedishLevel)
  minimumSwedishLevel?: SwedishLevel | null;

  @Field(() => [String], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.languages)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  usefulLanguageConceptIds?: string[];

  @Field(() => [String], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMaxSize(OPENING_LIMITS.drivingLicences)
  @ArrayUnique()
  @IsString(eachConceptId)
  @MaxLength(100, { each: true })
  requiredDrivingLicenceConceptIds?: string[];

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId?: string;

  @Field(() => [Weekday], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsEnum(Weekday, { each: true })
  weekdays?: Weekday[];

  @Field(() => Int, { nullable: true })
  @Absent()
  @IsInt()
  @Min(OPENING_LIMITS.hoursPerWeek[0])
  @Max(OPENING_LIMITS.hoursPerWeek[1])
  hoursPerWeek?: number;

  @Field({ nullable: true, description: DATE_DESCRIPTION })
  @Absent()
  @Trim()
  @Satisfies(calendarDateProblem)
  startDate?: string;

  @Field(() => String, { nullable: true, description: DATE_DESCRIPTION })
  @IsOptional()
  @Trim()
  @Satisfies(calendarDateProblem)
  endDate?: string | null;

  @Field(() => Int, { nullable: true })
  @Absent()
  @IsInt()
  @Min(OPENING_LIMITS.places[0])
  @Max(OPENING_LIMITS.places[1])
  places?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.nameLength[1])
  supervisorName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  languageSupport?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  disabilityAdaptations?: string | null;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @MaxLength(OPENING_LIMITS.textLength)
  requirementSpecification?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(...OPENING_LIMITS.nameLength)
  contactName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NormaliseEmail()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'must be a phone number of digits, spaces, -, ( ) and an optional leading +' })
  contactPhone?: string | null;

  @Field({ nullable: true })
  @Absent()
  @IsBoolean()
  collectiveAgreementConfirmed?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  trackIntakeId?: string | null;
}

@ArgsType()
export class OpeningsArgs extends PageArgs {
  @Field(() => OpeningStatus, {
    nullable: true,
    description:
      'Coaches and admins see PUBLISHED and FILLED openings only; other statuses give an empty page.',
  })
  @IsOptional()
  @IsEnum(OpeningStatus)
  status?: OpeningStatus;

  @Field(() => PlacementKind, { nullable: true })
  @IsOptional()
  @IsEnum(PlacementKind)
  kind?: PlacementKind;

  @Field(() => String, { nullable: true, description: 'Only openings in this municipality (concept id).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId?: string;

  @Field(() => String, { nullable: true, description: 'Only openings in this county (län, concept id).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  countyConceptId?: string;

  @Field(() => ID, { nullable: true, description: 'Only openings of this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  organisationId?: string;
}
