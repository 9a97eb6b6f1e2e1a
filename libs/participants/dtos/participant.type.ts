import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConsentScope } from '../consent-scope.js';
import { Gender } from '../gender.js';
import { CompetenceProfileType } from './competence-profile.type.js';

@ObjectType('Consent')
export class ConsentType {
  @Field({ description: 'Whether consent is given and not withdrawn.' })
  active!: boolean;

  @Field(() => Date, { nullable: true })
  givenAt!: Date | null;

  @Field(() => [ConsentScope])
  scopes!: ConsentScope[];

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

/**
 * A participant with personal data, for coaches and admins of the owning organisation only. Every read of the
 * personal fields is written to the audit log.
 */
@ObjectType('Participant')
export class ParticipantType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID, { nullable: true, description: 'The responsible coach.' })
  coachId!: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  lastName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal data: personnummer or samordningsnummer, YYYYMMDD-NNNN.',
  })
  personnummer?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  email?: string | null;

  @Field(() => Int, { nullable: true, description: 'Personal data.' })
  birthYear?: number | null;

  @Field(() => Gender, { nullable: true, description: 'Personal data, coach-only.' })
  gender?: Gender | null;

  @Field(() => ConsentType)
  consent!: ConsentType;

  @Field(() => CompetenceProfileType, {
    nullable: true,
    description: 'The competence profile; null after erasure.',
  })
  profile?: CompetenceProfileType | null;

  @Field()
  createdAt!: Date;
}
