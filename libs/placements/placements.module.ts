import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpeningsModule } from '#libs/openings';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { Placement } from './entities/placement.entity.js';
import { PlacementViews } from './placement-views.js';
import { PlacementsResolver } from './placements.resolver.js';
import { PlacementsService } from './placements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Placement]), ParticipantsModule, OpeningsModule, PersonalDataModule],
  providers: [PlacementsService, PlacementViews, PlacementsResolver],
  exports: [PlacementsService],
})
export class PlacementsModule {}
