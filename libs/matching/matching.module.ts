import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#libs/notifications';
import { OpeningsModule } from '#libs/openings';
import { ParticipantsModule } from '#libs/participants';
import { TracksModule } from '#libs/tracks';
import { CandidateProjection } from './candidates/candidate.projection.js';
import { MatchProposal } from './entities/match-proposal.entity.js';
import { MatchingData } from './matching-data.js';
import { MatchingTriggers } from './matching-triggers.js';
import { MatchingService } from './matching.service.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([MatchProposal]),
    ParticipantsModule,
    OpeningsModule,
    NotificationsModule,
    TracksModule,
  ],
  providers: [
    MatchingData,
    CandidateProjection,
    MatchingTriggers,
    MatchingService,
    ProposalsService,
    ProposalsResolver,
  ],
  exports: [MatchingTriggers, ProposalsService],
})
export class MatchingModule {}
