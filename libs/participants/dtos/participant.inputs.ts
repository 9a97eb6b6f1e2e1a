import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { PageArgs } from '#libs/pagination';
import { personnummerProblem } from '#libs/identity-numbers';
import { Absent, NormaliseEmail, Satisfies, Trim } from '#libs/validation';
import { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS } from '#libs/vocabulary';
import { ConsentScope } from '../consent-scope.js';
import { Gender } from '../gender.js';
import { ProfileStatus } from '../profile-status.js';

const PHONE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;
const PHONE_MESSAGE = 'must be a phone number such as 070-123 45 67 or +46 70 123 45 67';

@InputType()
export class CreateParticipantInput {
  @Field()
  @Trim()
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @Field({ description: 'Personnummer or samordningsnummer, 10 or 12 digits, with or without - or +.' })
  @Trim()
  @Satisfies(personnummerProblem)
  personnummer!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NormaliseEmail()
  @Length(3, 254)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The responsible coach; the caller when left out (coaches).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  coachId?: string | null;

  @Field(() => Gender, { defaultValue: Gender.NOT_STATED, description: 'Coach-only personal data.' })
  @IsEnum(Gender)
  gender: Gender = Gender.NOT_STATED;
}

/** Fields left out stay as they are; phone and email can be cleared with null. The personnummer does not change. */
@InputType()
export class UpdateParticipantInput {
  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NormaliseEmail()
  @Length(3, 254)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  @Absent()
  @IsUUID('all', { message: 'must be an id' })
  coachId?: string;

  @Field(() => Gender, { nullable: true, description: 'Coach-only personal data.' })
  @Absent()
  @IsEnum(Gender)
  gender?: Gender;
}

@InputType()
export class RecordConsentInput {
  @Field(() => [ConsentScope], {
    description: 'What the participant agreed to; ANONYMISED_PROFILE is needed to publish.',
  })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ConsentScope, { each: true })
  scopes!: ConsentScope[];
}

/**
 * The arguments of a list of participants, or of what belongs to them (placements, proposals, follow-ups): a page,
 * and `mine`, only those of the participants the caller is responsible coach for.
 */
@ArgsType()
export class ParticipantListArgs extends PageArgs {
  @Field({
    defaultValue: false,
    description: 'Only the participants the caller is responsible coach for, or what is theirs.',
  })
  @IsBoolean()
  mine: boolean = false;
}

@ArgsType()
export class ParticipantsArgs extends ParticipantListArgs {
  @Field(() => ProfileStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProfileStatus)
  status?: ProfileStatus;

  @Field({
    defaultValue: false,
    description:
      'Only those who need a placement before their etableringsperiod ends: it ends within ' +
      `${ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS} months (the latest a coach should act) and has not ended, and they ` +
      'have no planned or active placement. Reads the coach-only end date: audit-logged.',
  })
  @IsBoolean()
  establishmentPeriodEnding: boolean = false;
}

@ArgsType()
export class FindParticipantArgs {
  @Field()
  @Trim()
  @Satisfies(personnummerProblem)
  personnummer!: string;
}
