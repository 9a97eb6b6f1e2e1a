import { registerEnumType } from '@nestjs/graphql';

/** What the participant agreed to. Publishing needs ANONYMISED_PROFILE; revealing identity needs INTRODUCTION. */
export enum ConsentScope {
  /** Employers may browse the anonymised competence profile. */
  ANONYMISED_PROFILE = 'ANONYMISED_PROFILE',
  /** After a confirmed match, the employer may learn the first name and the coach as contact. */
  INTRODUCTION = 'INTRODUCTION',
}

registerEnumType(ConsentScope, { name: 'ConsentScope' });
