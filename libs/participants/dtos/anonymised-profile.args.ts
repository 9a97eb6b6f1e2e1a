import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class PublicIdArgs {
  @Field()
  @IsString()
  @Length(1, 40)
  publicId!: string;
}
