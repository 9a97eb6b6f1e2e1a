import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ParticipantListArgs } from '#libs/participants';
import { Trim } from '#libs/validation';
import {
  Attendance,
  DropoutRisk,
  FollowUpStatus,
  PlacementOutcome,
  SwedishProgress,
} from '../follow-up-kind.js';

@ArgsType()
export class FollowUpsArgs extends ParticipantListArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this placement's (of your organisation's participant).",
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  placementId?: string;

  @Field(() => FollowUpStatus, { nullable: true })
  @IsOptional()
  @IsEnum(FollowUpStatus)
  status?: FollowUpStatus;

  @Field({ nullable: true, description: 'Only those DUE whose day has passed.' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Only the placements' of this participant of your organisation.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  participantId?: string;
}

/** Free text of a follow-up entry. */
export const ENTRY_TEXT_LENGTH = 4_000;

@InputType()
export class FollowUpFeedbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  placementId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The check-in it answers (not the OUTCOME); none: in between.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  followUpId?: string;

  @Field(() => Attendance)
  @IsEnum(Attendance)
  attendance!: Attendance;

  @Field({ defaultValue: '', description: `What the person did; ${ENTRY_TEXT_LENGTH} characters at most.` })
  @Trim()
  @IsString()
  @MaxLength(ENTRY_TEXT_LENGTH)
  tasksPerformed: string = '';

  @Field(() => SwedishProgress)
  @IsEnum(SwedishProgress)
  swedishProgress!: SwedishProgress;

  @Field(() => Int, { description: '1 (not at all satisfied) to 5 (very satisfied).' })
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  satisfaction!: number;

  @Field(() => DropoutRisk)
  @IsEnum(DropoutRisk)
  dropoutRisk!: DropoutRisk;

  @Field({ defaultValue: '', description: `${ENTRY_TEXT_LENGTH} characters at most.` })
  @Trim()
  @IsString()
  @MaxLength(ENTRY_TEXT_LENGTH)
  text: string = '';
}

@InputType()
export class RecordFollowUpInput extends FollowUpFeedbackInput {
  @Field(() => String, { nullable: true, description: 'Your own note: never shown to the employer.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(ENTRY_TEXT_LENGTH)
  coachNote?: string;
}

@InputType()
export class RecordOutcomeInput {
  @Field(() => ID, {
    description: 'A COMPLETED or ENDED_EARLY placement of your organisation’s participant.',
  })
  @IsUUID('all', { message: 'is not a valid id' })
  placementId!: string;

  @Field(() => PlacementOutcome)
  @IsEnum(PlacementOutcome)
  outcome!: PlacementOutcome;

  @Field(() => String, { nullable: true, description: `${ENTRY_TEXT_LENGTH} characters at most.` })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(ENTRY_TEXT_LENGTH)
  note?: string;
}
