import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '#libs/taxonomy';
import { TracksModule } from '#libs/tracks';
import { Opening } from './entities/opening.entity.js';
import { OpeningViews } from './opening-views.js';
import { OpeningsResolver } from './openings.resolver.js';
import { OpeningsService } from './openings.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Opening]), TaxonomyModule, TracksModule],
  providers: [OpeningsService, OpeningViews, OpeningsResolver],
  exports: [OpeningsService, OpeningViews],
})
export class OpeningsModule {}
