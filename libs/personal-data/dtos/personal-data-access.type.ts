import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PersonalDataAction } from '../personal-data-action.js';
import type { PersonalDataAccess } from '../personal-data-access.entity.js';

@ObjectType('PersonalDataAccess', {
  description: 'Who accessed which personal data of which participant, when.',
})
export class PersonalDataAccessType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  actorUserId!: string;

  @Field(() => ID)
  participantId!: string;

  @Field(() => PersonalDataAction)
  action!: PersonalDataAction;

  @Field(() => [String])
  fields!: string[];

  @Field()
  purpose!: string;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;

  @Field()
  accessedAt!: Date;

  static from(entry: PersonalDataAccess): PersonalDataAccessType {
    const { id, actorUserId, participantId, action, fields, purpose, correlationId, accessedAt } = entry;
    return { id, actorUserId, participantId, action, fields, purpose, correlationId, accessedAt };
  }
}
