import { Module } from '@nestjs/common';
import { OrganisationsModule } from '#libs/organisations';
import { TaxonomyModule } from '#libs/taxonomy';
import { KeyFiguresRepository } from './key-figures.repository.js';
import { KeyFiguresResolver } from './key-figures.resolver.js';
import { KeyFiguresService } from './key-figures.service.js';

@Module({
  imports: [OrganisationsModule, TaxonomyModule],
  providers: [KeyFiguresRepository, KeyFiguresService, KeyFiguresResolver],
  exports: [KeyFiguresService],
})
export class KeyFiguresModule {}
