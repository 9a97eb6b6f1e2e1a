import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParticipantsModule } from '#libs/participants';
import { TaxonomyModule } from '#libs/taxonomy';
import { TrackEnrolment } from './entities/track-enrolment.entity.js';
import { TrackIntake } from './entities/track-intake.entity.js';
import { Track } from './entities/track.entity.js';
import { TracksResolver } from './tracks.resolver.js';
import { TracksService } from './tracks.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Track, TrackIntake, TrackEnrolment]),
    ParticipantsModule,
    TaxonomyModule,
  ],
  providers: [TracksService, TracksResolver],
  exports: [TracksService],
})
export class TracksModule {}
