import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#libs/notifications';
import { ParticipantsModule } from '#libs/participants';
import { FollowUpEntry } from './entities/follow-up-entry.entity.js';
import { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpEntriesService } from './follow-up-entries.service.js';
import { FollowUpsResolver } from './follow-ups.resolver.js';
import { FollowUpsService } from './follow-ups.service.js';
import { FollowedPlacements } from './followed-placements.js';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUp, FollowUpEntry]), NotificationsModule, ParticipantsModule],
  providers: [FollowedPlacements, FollowUpsService, FollowUpEntriesService, FollowUpsResolver],
  exports: [FollowUpsService, FollowedPlacements, FollowUpEntriesService],
})
export class FollowUpsModule {}
