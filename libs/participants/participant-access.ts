import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import { Participant } from './entities/participant.entity.js';

/**
 * Who may act for a participant: coaches and admins of the organisation that owns them. Other features (tracks,
 * matching) go through this service to reach a participant and their profile.
 */
@Injectable()
export class ParticipantAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The participant, when `caller` is a coach or admin of the owning organisation and the participant is not
   * erased. NOT_FOUND for unknown or erased ids, FORBIDDEN for another organisation's participant.
   * With `lock`, the row is locked FOR UPDATE in the caller's transaction.
   */
  async getManaged(
    caller: Principal,
    participantId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Participant> {
    const participant = await manager.findOne(Participant, {
      where: { id: participantId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!participant || participant.erasedAt) throw AppError.notFound('Participant');
    const mayManage =
      (caller.role === Role.COACH || caller.role === Role.ADMIN) &&
      caller.organisationId === participant.organisationId;
    if (!mayManage)
      throw AppError.forbidden("Only coaches and admins of the participant's organisation may do this");
    return participant;
  }

  /** The participant's responsible coach when active, else every active coach of the organisation (user ids). */
  async responsibleCoaches(
    participantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: Array<{ id: string; responsible: boolean }> = await manager.query(
      `SELECT u.id, u.id = pt.coach_id AS responsible FROM participants pt
       JOIN users u ON u.organisation_id = pt.organisation_id AND u.role = 'COACH' AND u.active
       WHERE pt.id = $1`,
      [participantId],
    );
    const responsible = rows.filter((row) => row.responsible);
    return (responsible.length > 0 ? responsible : rows).map((row) => row.id);
  }

  /** The participant's competence profile with occupations, skills and languages, or null before one is written. */
  profileOf(
    participantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CompetenceProfile | null> {
    return manager.findOne(CompetenceProfile, {
      where: { participantId },
      relations: { occupations: true, skills: true, languages: true },
    });
  }
}

/**
 * The `mine` filter (ParticipantListArgs) for a query over rows of a participant, whose id is `participantIdColumn`:
 * the caller is their responsible coach. Its condition and parameter, for `andWhere`.
 */
export function responsibleCoachIs(
  participantIdColumn: string,
  caller: Principal,
): [string, { responsibleCoachId: string }] {
  return [
    `EXISTS (SELECT 1 FROM participants pt WHERE pt.id = ${participantIdColumn} AND pt.coach_id = :responsibleCoachId)`,
    { responsibleCoachId: caller.userId },
  ];
}
