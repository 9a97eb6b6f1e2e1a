import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Settings } from 'meilisearch';
import { In, MoreThan, type Repository } from 'typeorm';
import { AsSearchProjection, SearchIndex, type SearchProjection } from '#libs/search';
import type { OrganisationKind } from './organisation-kind.js';
import { Organisation } from './organisation.entity.js';

export interface OrganisationDocument {
  id: string;
  kind: OrganisationKind;
  name: string;
  organisationNumber: string;
  municipalityCode: string;
}

/** Organisations are not personal data: the whole row is searchable, for typo-tolerant lookup by name. */
@Injectable()
@AsSearchProjection()
export class OrganisationSearchProjection implements SearchProjection<OrganisationDocument> {
  readonly index = SearchIndex.Organisations;
  readonly settings: Settings = {
    searchableAttributes: ['name', 'organisationNumber'],
    filterableAttributes: ['kind', 'municipalityCode'],
    sortableAttributes: ['name'],
  };

  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  async load(ids: string[]): Promise<OrganisationDocument[]> {
    const rows = await this.organisations.findBy({ id: In(ids) });
    return rows.map(({ id, kind, name, organisationNumber, municipalityCode }) => ({
      id,
      kind,
      name,
      organisationNumber,
      municipalityCode,
    }));
  }

  async idsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.organisations.find({
      select: { id: true },
      where: afterId === null ? {} : { id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }
}
