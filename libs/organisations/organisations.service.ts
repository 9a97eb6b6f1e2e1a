import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { AppError, isUniqueViolation } from '#libs/errors';
import { Outbox, syncSearch } from '#libs/outbox';
import { paginate, type Page } from '#libs/pagination';
import { SearchClient, SearchIndex } from '#libs/search';
import { TaxonomyService } from '#libs/taxonomy';
import type {
  CreateOrganisationInput,
  OrganisationsArgs,
  SearchOrganisationsArgs,
  UpdateOrganisationInput,
} from './dtos/organisation.inputs.js';
import { OrganisationKind } from './organisation-kind.js';
import { Organisation } from './organisation.entity.js';

const ORGANISATION_NUMBER_TAKEN = 'An organisation with this organisationsnummer already exists';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly outbox: Outbox,
    private readonly searchClient: SearchClient,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    await this.assertKnownMunicipality(input.municipalityCode);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await manager.save(manager.create(Organisation, { ...input }));
        await this.outbox.record(manager, [syncSearch(SearchIndex.Organisations, organisation.id)]);
        return organisation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisations_organisation_number')) {
        throw AppError.conflict(ORGANISATION_NUMBER_TAKEN, 'input.organisationNumber');
      }
      throw error;
    }
  }

  /**
   * An admin changes their own organisation and employer organisations (not another municipality, nor another
   * organisation into one: FORBIDDEN). Fields left out stay as they are.
   */
  async update(caller: Principal, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    if (input.municipalityCode !== undefined) await this.assertKnownMunicipality(input.municipalityCode);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.findOne(Organisation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organisation) throw AppError.notFound('Organisation');
      if (organisation.id !== caller.organisationId && organisation.kind === OrganisationKind.MUNICIPALITY)
        throw AppError.forbidden(`Only its own admins change ${organisation.name}`);
      // Made a municipality by another's admin, it would have no admin who may manage it (and its accounts) any more.
      if (organisation.id !== caller.organisationId && input.kind === OrganisationKind.MUNICIPALITY)
        throw AppError.forbidden(`Only its own admins make ${organisation.name} a MUNICIPALITY`);
      if (input.kind !== undefined && input.kind !== organisation.kind)
        await this.assertKindFits(manager, id, input.kind);
      const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const updated = await manager.save(manager.merge(Organisation, organisation, changes));
      await this.outbox.record(manager, [syncSearch(SearchIndex.Organisations, id)]);
      return updated;
    });
  }

  /**
   * CONFLICT on input.kind when the organisation holds what the new kind may not: coaches, admins, participants and
   * Jobbspår tracks belong to a municipality; extratjänster (draft or published) to a municipality, a region or an
   * association (libs/openings/eligibility.ts).
   */
  private async assertKindFits(manager: EntityManager, id: string, kind: OrganisationKind): Promise<void> {
    if (kind === OrganisationKind.MUNICIPALITY) return;
    const [held] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM users WHERE organisation_id = $1 AND role IN ('ADMIN', 'COACH')) AS "coaches or admins",
              (SELECT count(*)::int FROM participants WHERE organisation_id = $1) AS participants,
              (SELECT count(*)::int FROM tracks WHERE organisation_id = $1) AS tracks,
              (SELECT count(*)::int FROM openings WHERE organisation_id = $1 AND kind = 'EXTRATJANST'
                  AND status IN ('DRAFT', 'PUBLISHED') AND $2 NOT IN ('REGION', 'ASSOCIATION')) AS extratjänster`,
      [id, kind],
    )) as [Record<string, number>];
    const blocking = Object.entries(held).filter(([, count]) => count > 0);
    if (blocking.length > 0) {
      throw AppError.conflict(
        `A ${kind} cannot hold what this organisation has: ${blocking.map(([what, count]) => `${count} ${what}`).join(', ')}`,
        'input.kind',
      );
    }
  }

  /** The format is checked by the input; here, that the kommunkod is a municipality of the taxonomy. */
  private async assertKnownMunicipality(municipalityCode: string): Promise<void> {
    if (!(await this.taxonomy.municipalityByCode(municipalityCode))) {
      throw AppError.badInput('input.municipalityCode', 'is not the kommunkod of a Swedish municipality');
    }
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.find(id);
    if (!organisation) throw AppError.notFound('Organisation');
    return organisation;
  }

  find(id: string): Promise<Organisation | null> {
    return this.organisations.findOneBy({ id });
  }

  list(args: OrganisationsArgs): Promise<Page<Organisation>> {
    const query = this.organisations.createQueryBuilder('organisation');
    if (args.kind) query.where('organisation.kind = :kind', { kind: args.kind });
    return paginate(query, args, { column: 'organisation.name', direction: 'ASC' });
  }

  /** Typo-tolerant search in the organisations index, best match first. */
  async search(args: SearchOrganisationsArgs): Promise<Organisation[]> {
    const ids = await this.searchClient.searchIds(SearchIndex.Organisations, args.query, {
      filter: args.kind ? [`kind = ${JSON.stringify(args.kind)}`] : undefined,
      limit: args.first,
    });
    const rows = await this.organisations.findBy({ id: In(ids) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
