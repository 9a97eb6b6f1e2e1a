import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '#libs/pagination';

@ArgsType()
export class PersonalDataAccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  participantId?: string;

  @Field(() => ID, { nullable: true, description: 'Only the accesses of this user.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  actorUserId?: string;
}
