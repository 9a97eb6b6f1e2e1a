import { registerEnumType } from '@nestjs/graphql';

/**
 * The participant's gender as they state it to their coach: coach-only personal data, for the key figures' breakdown
 * (women fall behind in establishment). Never in the employer view, a search document, a job payload or a log.
 */
export enum Gender {
  WOMAN = 'WOMAN',
  MAN = 'MAN',
  OTHER = 'OTHER',
  NOT_STATED = 'NOT_STATED',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Coach-only personal data; NOT_STATED unless the participant said.',
});
