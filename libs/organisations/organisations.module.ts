import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '#libs/taxonomy';
import { OrganisationSearchProjection } from './organisation-search.projection.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), TaxonomyModule],
  providers: [OrganisationsService, OrganisationsResolver, OrganisationSearchProjection],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
