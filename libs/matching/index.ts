export { MatchingModule } from './matching.module.js';
export {
  MatchProposal,
  type ScoreComponent,
  type UnmetRequirement,
} from './entities/match-proposal.entity.js';
export { ProposalStatus, ProposalOrigin, RejectionReason } from './proposal-status.js';
