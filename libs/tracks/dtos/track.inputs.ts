import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs } from '#libs/pagination';
import { calendarDateProblem } from '#libs/calendar';
import { Absent, Satisfies, Trim } from '#libs/validation';
import { SwedishLevel } from '#libs/vocabulary';

export const TRACK_LIMITS = {
  nameLength: [3, 200],
  descriptionLength: 4000,
  courseLength: 200,
  occupations: 20,
  partners: 100,
  praktikWeeks: 104,
  sfiHoursPerWeek: 40,
  intakePlaces: 500,
} as const;

const conceptId = { each: true, message: 'each must be a concept id' } as const;

@InputType()
export class CreateTrackInput {
  @Field()
  @Trim()
  @IsString()
  @Length(...TRACK_LIMITS.nameLength)
  name!: string;

  @Field({ defaultValue: '' })
  @Trim()
  @IsString()
  @MaxLength(TRACK_LIMITS.descriptionLength)
  description: string = '';

  @Field({ description: 'The municipality the track runs in (JobTech concept id).' })
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId!: string;

  @Field(() => [String], { description: 'The occupations the track leads to (JobTech concept ids).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TRACK_LIMITS.occupations)
  @ArrayUnique()
  @IsString(conceptId)
  @MaxLength(100, { each: true })
  occupationConceptIds!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(TRACK_LIMITS.praktikWeeks)
  praktikWeeks!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(TRACK_LIMITS.sfiHoursPerWeek)
  sfiHoursPerWeek!: number;

  @Field({ defaultValue: false, description: 'Vocational Swedish (yrkessvenska) is part of the track.' })
  @IsBoolean()
  vocationalSwedish: boolean = false;

  @Field(() => String, {
    nullable: true,
    description: 'A course that is part of the track, e.g. Hygienkurs.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TRACK_LIMITS.courseLength)
  course?: string | null;

  @Field(() => SwedishLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SwedishLevel)
  minimumSwedishLevel?: SwedishLevel | null;

  @Field(() => String, { nullable: true, description: 'A top-level SUN 2020 education level concept id.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  minimumEducationLevelConceptId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  requiredDrivingLicenceConceptId?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Employers that take participants in praktik and may hire after the track.',
  })
  @IsArray()
  @ArrayMaxSize(TRACK_LIMITS.partners)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each must be a valid id' })
  partnerOrganisationIds: string[] = [];
}

/** Fields left out stay as they are; the nullable ones are cleared with null. */
@InputType()
export class UpdateTrackInput {
  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(...TRACK_LIMITS.nameLength)
  name?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @MaxLength(TRACK_LIMITS.descriptionLength)
  description?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId?: string;

  @Field(() => [String], { nullable: true })
  @Absent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TRACK_LIMITS.occupations)
  @ArrayUnique()
  @IsString(conceptId)
  @MaxLength(100, { each: true })
  occupationConceptIds?: string[];

  @Field(() => Int, { nullable: true })
  @Absent()
  @IsInt()
  @Min(0)
  @Max(TRACK_LIMITS.praktikWeeks)
  praktikWeeks?: number;

  @Field(() => Int, { nullable: true })
  @Absent()
  @IsInt()
  @Min(0)
  @Max(TRACK_LIMITS.sfiHoursPerWeek)
  sfiHoursPerWeek?: number;

  @Field({ nullable: true })
  @Absent()
  @IsBoolean()
  vocationalSwedish?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TRACK_LIMITS.courseLength)
  course?: string | null;

  @Field(() => SwedishLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SwedishLevel)
  minimumSwedishLevel?: SwedishLevel | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  minimumEducationLevelConceptId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  requiredDrivingLicenceConceptId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the partner list.' })
  @Absent()
  @IsArray()
  @ArrayMaxSize(TRACK_LIMITS.partners)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each must be a valid id' })
  partnerOrganisationIds?: string[];
}

@InputType()
export class AddTrackIntakeInput {
  @Field({ description: 'First day, YYYY-MM-DD.' })
  @Trim()
  @Satisfies(calendarDateProblem)
  startDate!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(TRACK_LIMITS.intakePlaces)
  places!: number;
}

@ArgsType()
export class TracksArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only tracks in this municipality (concept id).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  municipalityConceptId?: string;
}

@ArgsType()
export class TrackEnrolmentsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  intakeId!: string;

  @Field({ defaultValue: false, description: 'Also list enrolments that were withdrawn.' })
  @IsBoolean()
  includeWithdrawn: boolean = false;
}
