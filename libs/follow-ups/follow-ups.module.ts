import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#libs/notifications';
import { ParticipantsModule } from '#libs/participants';
import { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpsResolver } from './follow-ups.resolver.js';
import { FollowUpsService } from './follow-ups.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUp]), NotificationsModule, ParticipantsModule],
  providers: [FollowUpsService, FollowUpsResolver],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
