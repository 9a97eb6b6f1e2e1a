import { registerEnumType } from '@nestjs/graphql';

export enum PersonalDataAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  /** Revealed to an employer after a confirmed match (issue: matching). */
  REVEAL = 'REVEAL',
  ERASE = 'ERASE',
}

registerEnumType(PersonalDataAction, { name: 'PersonalDataAction' });
