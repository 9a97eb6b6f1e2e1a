import { registerEnumType } from '@nestjs/graphql';
import type { Participant } from './entities/participant.entity.js';

/** What the participant agreed to. Publishing needs ANONYMISED_PROFILE; revealing identity needs INTRODUCTION. */
export enum ConsentScope {
  /** Employers may browse the anonymised competence profile. */
  ANONYMISED_PROFILE = 'ANONYMISED_PROFILE',
  /** After a confirmed match, the employer may learn the first name and the coach as contact. */
  INTRODUCTION = 'INTRODUCTION',
}

registerEnumType(ConsentScope, { name: 'ConsentScope' });

/** Whether the participant's consent covers `scope` now. */
export function hasConsent(participant: Participant, scope: ConsentScope): boolean {
  return (
    participant.consentGivenAt !== null &&
    participant.consentWithdrawnAt === null &&
    participant.consentScopes.includes(scope)
  );
}
