import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrackEnrolment } from './entities/track-enrolment.entity.js';
import { TrackIntake } from './entities/track-intake.entity.js';
import { Track } from './entities/track.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Track, TrackIntake, TrackEnrolment])],
  providers: [],
  exports: [],
})
export class TracksModule {}
