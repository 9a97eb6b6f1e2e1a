import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { UserType } from '#libs/users';
import { NormaliseEmail } from '#libs/validation';

@InputType()
export class LoginInput {
  @Field()
  @NormaliseEmail()
  @IsString()
  @MaxLength(254)
  email!: string;

  /** Capped so that nobody can make the server hash a megabyte. */
  @Field()
  @IsString()
  @MaxLength(256)
  password!: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}
