import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MatchProposal } from './entities/match-proposal.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([MatchProposal])],
  providers: [],
  exports: [],
})
export class MatchingModule {}
