import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '#libs/pagination';

@InputType()
export class ConfirmProposalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  proposalId!: string;
}

@ArgsType()
export class PlacementsArgs extends PageArgs {
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
