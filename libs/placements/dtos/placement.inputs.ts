import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { calendarDateProblem } from '#libs/calendar';
import { PageArgs } from '#libs/pagination';
import { ParticipantListArgs } from '#libs/participants';
import { Satisfies, Trim } from '#libs/validation';
import { PlacementEndReason } from '../placement-end-reason.js';
import { PlacementStatus } from '../placement-status.js';

/** A note on an early end or a cancellation: what happened, in a few sentences. */
export const PLACEMENT_NOTE_LENGTH: [number, number] = [1, 2_000];

@InputType()
export class PlacementChangeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  placementId!: string;
}

@InputType()
export class EndPlacementEarlyInput extends PlacementChangeInput {
  @Field(() => PlacementEndReason, { description: 'GOT_JOB and STARTED_STUDIES count as good exits.' })
  @IsEnum(PlacementEndReason)
  reason!: PlacementEndReason;

  @Field({ description: `What happened; ${PLACEMENT_NOTE_LENGTH[1]} characters at most. Coaches only.` })
  @Trim()
  @IsString()
  @Length(...PLACEMENT_NOTE_LENGTH)
  note!: string;

  @Field({ description: 'The last day, YYYY-MM-DD: not before the start, before the planned last day.' })
  @Trim()
  @Satisfies(calendarDateProblem)
  lastDay!: string;
}

@InputType()
export class ReschedulePlacementInput extends PlacementChangeInput {
  @Field({ description: 'YYYY-MM-DD' })
  @Trim()
  @Satisfies(calendarDateProblem)
  startDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day, YYYY-MM-DD; null: open-ended; left out: the last day stays.',
  })
  @IsOptional()
  @Trim()
  @Satisfies(calendarDateProblem)
  endDate?: string | null;
}

@InputType()
export class CancelPlacementInput extends PlacementChangeInput {
  @Field({ description: `Why; ${PLACEMENT_NOTE_LENGTH[1]} characters at most. Coaches only.` })
  @Trim()
  @IsString()
  @Length(...PLACEMENT_NOTE_LENGTH)
  note!: string;
}

@InputType()
export class ConfirmProposalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  proposalId!: string;
}

@ArgsType()
export class PlacementsArgs extends ParticipantListArgs {
  @Field(() => ID, { nullable: true, description: 'Only placements in this opening.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  openingId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only placements of this participant of your organisation.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  participantId?: string;

  @Field(() => [PlacementStatus], {
    nullable: true,
    description: 'Only placements in one of these statuses.',
  })
  @IsOptional()
  @IsEnum(PlacementStatus, { each: true })
  @ArrayMaxSize(Object.keys(PlacementStatus).length)
  status?: PlacementStatus[];
}

@ArgsType()
export class EmployerPlacementsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only placements in this one of your organisation's openings.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  openingId?: string;
}
