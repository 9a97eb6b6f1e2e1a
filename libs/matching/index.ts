export { MatchingModule } from './matching.module.js';
export {
  MatchProposal,
  type ScoreComponent,
  type UnmetRequirement,
} from './entities/match-proposal.entity.js';
export { ProposalStatus, ProposalOrigin, RejectionReason } from './proposal-status.js';
export { MatchingTriggers } from './matching-triggers.js';
export { MatchingService, lockOpenings } from './matching.service.js';
export { ProposalsService } from './proposals.service.js';
export { RequestIntroductionInput } from './dtos/proposal.inputs.js';
export { ProposalType } from './dtos/proposal.type.js';
export { ALGORITHM_VERSION, settingsFingerprint } from './scoring.js';
export { MatchingData } from './matching-data.js';
export type { CandidateDocument } from './candidates/candidate.projection.js';
export { epochDays, swedishRank, OPEN_END_DAYS } from './hard-constraints.js';
