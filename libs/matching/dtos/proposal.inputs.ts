import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ParticipantListArgs } from '#libs/participants';
import { Trim } from '#libs/validation';
import { ProposalOrigin, ProposalStatus, RejectionReason } from '../proposal-status.js';

export const PROPOSAL_LIMITS = {
  noteLength: 1000,
  messageLength: [1, 1000],
  bestOpenings: 50,
} as const;

const ID_MESSAGE = { message: 'is not a valid id' } as const;

@ArgsType()
export class ProposalsArgs extends ParticipantListArgs {
  @Field(() => ID, { nullable: true, description: 'Only proposals for this opening.' })
  @IsOptional()
  @IsUUID('all', ID_MESSAGE)
  openingId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only proposals of this participant of your organisation.',
  })
  @IsOptional()
  @IsUUID('all', ID_MESSAGE)
  participantId?: string;

  @Field(() => ProposalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;

  @Field(() => ProposalOrigin, {
    nullable: true,
    description: "Only matching's proposals, or only employers' requests for an introduction.",
  })
  @IsOptional()
  @IsEnum(ProposalOrigin)
  origin?: ProposalOrigin;
}

@ArgsType()
export class BestOpeningsArgs {
  @Field(() => ID)
  @IsUUID('all', ID_MESSAGE)
  participantId!: string;

  @Field(() => Int, { defaultValue: 10, description: `1 to ${PROPOSAL_LIMITS.bestOpenings}.` })
  @IsInt()
  @Min(1)
  @Max(PROPOSAL_LIMITS.bestOpenings)
  first: number = 10;
}

@InputType()
export class RejectProposalInput {
  @Field(() => ID)
  @IsUUID('all', ID_MESSAGE)
  proposalId!: string;

  @Field(() => RejectionReason)
  @IsEnum(RejectionReason)
  reason!: RejectionReason;

  @Field(() => String, {
    nullable: true,
    description: `Required when the reason is OTHER; at most ${PROPOSAL_LIMITS.noteLength} characters.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.noteLength)
  note?: string;
}

@InputType()
export class RequestIntroductionInput {
  @Field(() => ID, { description: "One of your organisation's PUBLISHED openings." })
  @IsUUID('all', ID_MESSAGE)
  openingId!: string;

  @Field({ description: 'The public id of an anonymised profile you can see.' })
  @Trim()
  @IsString()
  @Length(1, 100)
  publicId!: string;

  @Field({ description: 'To the coach: why this profile, what you offer.' })
  @Trim()
  @IsString()
  @Length(...PROPOSAL_LIMITS.messageLength)
  message!: string;
}
