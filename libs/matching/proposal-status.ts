import { registerEnumType } from '@nestjs/graphql';

/**
 * PROPOSED → CONFIRMED (a placement was made) | REJECTED (by a coach, with a reason) | EXPIRED (its inputs changed and
 * it no longer qualifies, or the opening filled or closed). Matching may bring an EXPIRED proposal back; it never
 * touches a CONFIRMED or REJECTED one.
 */
export enum ProposalStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ProposalStatus, { name: 'ProposalStatus' });

/** Who started the proposal. */
export enum ProposalOrigin {
  /** The scoring worker ranked the profile in the opening's top N (or the opening in the profile's). */
  MATCHING = 'MATCHING',
  /** An employer asked for an introduction to an anonymised profile for one of its openings. */
  EMPLOYER_REQUEST = 'EMPLOYER_REQUEST',
}

registerEnumType(ProposalOrigin, { name: 'ProposalOrigin' });

/** Why a coach rejected a proposal; stored to learn from later. */
export enum RejectionReason {
  SKILLS_DO_NOT_FIT = 'SKILLS_DO_NOT_FIT',
  LANGUAGE_LEVEL = 'LANGUAGE_LEVEL',
  SCHEDULE = 'SCHEDULE',
  TRAVEL = 'TRAVEL',
  TIMING = 'TIMING',
  HEALTH_OR_CIRCUMSTANCES = 'HEALTH_OR_CIRCUMSTANCES',
  PARTICIPANT_DECLINED = 'PARTICIPANT_DECLINED',
  BETTER_MATCH_ELSEWHERE = 'BETTER_MATCH_ELSEWHERE',
  EMPLOYER_CONCERNS = 'EMPLOYER_CONCERNS',
  OTHER = 'OTHER',
}

registerEnumType(RejectionReason, { name: 'RejectionReason' });
