import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { currentLogContext } from '#libs/logging';
import { paginate, type Page } from '#libs/pagination';
import type { PersonalDataAccessLogArgs } from './dtos/personal-data-access.args.js';
import { PersonalDataAccess } from './personal-data-access.entity.js';
import type { PersonalDataAction } from './personal-data-action.js';

export interface PersonalDataAccessRecord {
  participantId: string;
  organisationId: string;
  action: PersonalDataAction;
  fields: string[];
}

/** The audit log of personal data: every read, write, reveal and erasure, written before the data leaves. */
@Injectable()
export class PersonalDataAuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PersonalDataAccess) private readonly entries: Repository<PersonalDataAccess>,
  ) {}

  async record(
    actor: Principal,
    purpose: string,
    records: PersonalDataAccessRecord[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (records.length === 0) return;
    const correlationId = currentLogContext().correlationId ?? null;
    await manager.insert(
      PersonalDataAccess,
      records.map((record) => ({ ...record, actorUserId: actor.userId, purpose, correlationId })),
    );
  }

  /** The entries about participants of the admin's own organisation, newest first. */
  list(organisationId: string, args: PersonalDataAccessLogArgs): Promise<Page<PersonalDataAccess>> {
    const query = this.entries
      .createQueryBuilder('entry')
      .where('entry.organisationId = :organisationId', { organisationId });
    if (args.participantId) query.andWhere('entry.participantId = :participantId', args);
    if (args.actorUserId) query.andWhere('entry.actorUserId = :actorUserId', args);
    return paginate(query, args, { column: 'entry.accessed_at', direction: 'DESC' });
  }
}
