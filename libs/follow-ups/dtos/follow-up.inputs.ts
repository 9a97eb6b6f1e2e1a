import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '#libs/pagination';
import { FollowUpStatus } from '../follow-up-kind.js';

@ArgsType()
export class FollowUpsArgs extends PageArgs {
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
}
