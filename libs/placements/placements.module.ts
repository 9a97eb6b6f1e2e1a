import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Placement } from './entities/placement.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Placement])],
  providers: [],
  exports: [],
})
export class PlacementsModule {}
