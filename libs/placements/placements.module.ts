import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowUpsModule } from '#libs/follow-ups';
import { MatchingModule } from '#libs/matching';
import { NotificationsModule } from '#libs/notifications';
import { OpeningsModule } from '#libs/openings';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { TracksModule } from '#libs/tracks';
import { Placement } from './entities/placement.entity.js';
import { EstablishmentPeriodReminders } from './establishment-period-reminders.js';
import { PlacementLifecycle } from './placement-lifecycle.service.js';
import { PlacementViews } from './placement-views.js';
import { PlacementsResolver } from './placements.resolver.js';
import { PlacementsService } from './placements.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Placement]),
    ParticipantsModule,
    OpeningsModule,
    MatchingModule,
    FollowUpsModule,
    NotificationsModule,
    PersonalDataModule,
    TracksModule,
  ],
  providers: [
    PlacementsService,
    PlacementLifecycle,
    PlacementViews,
    PlacementsResolver,
    EstablishmentPeriodReminders,
  ],
  exports: [PlacementsService, PlacementLifecycle],
})
export class PlacementsModule {}
