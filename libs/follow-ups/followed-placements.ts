import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';

/** What follow-ups read of a placement. */
export interface FollowedPlacement {
  status: string;
  end_date: string | null;
  participant_id: string;
  coach_organisation_id: string;
  employer_organisation_id: string;
  /** The participant was erased: nothing more is recorded about them. */
  erased: boolean;
}

/**
 * The placements follow-ups belong to, read with SQL (placements import follow-ups to keep the plan), and who may
 * follow them up: coaches and admins of the participant's organisation, the employer's users for its openings.
 */
@Injectable()
export class FollowedPlacements {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The placement, or null. Inside a write's transaction its participant and then the placement are locked FOR
   * SHARE, before any check-in, in the order placement changes and erasure lock them (participant, placement, its
   * check-ins): an entry and a change of the same placement queue, never deadlock, and an entry that waited for an
   * erasure reads the participant as the erasure left them (erased), not as they were when it began.
   */
  async find(
    placementId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FollowedPlacement | null> {
    const lock = manager.queryRunner?.isTransactionActive ? 'FOR SHARE' : '';
    if (lock) {
      await manager.query(
        `SELECT 1 FROM participants WHERE id = (SELECT participant_id FROM placements WHERE id = $1) FOR SHARE`,
        [placementId],
      );
    }
    const [placement] = (await manager.query(
      `SELECT pl.status, pl.end_date::text, pl.participant_id, pl.coach_organisation_id,
              pl.employer_organisation_id, pt.erased_at IS NOT NULL AS erased
         FROM placements pl JOIN participants pt ON pt.id = pl.participant_id
        WHERE pl.id = $1 ${lock ? `${lock} OF pl` : ''}`,
      [placementId],
    )) as FollowedPlacement[];
    return placement ?? null;
  }

  /** The placement, when the caller is a coach or admin of the participant's organisation. */
  async forCoach(
    caller: Principal,
    placementId: string,
    manager?: EntityManager,
  ): Promise<FollowedPlacement> {
    const placement = await this.existing(placementId, manager);
    const mayFollow =
      (caller.role === Role.COACH || caller.role === Role.ADMIN) &&
      placement.coach_organisation_id === caller.organisationId;
    if (!mayFollow)
      throw AppError.forbidden("Only placements of your organisation's participants are yours to follow up");
    return placement;
  }

  /** The placement, when it is in one of the caller's (an employer's) organisation's openings. */
  async forEmployer(
    caller: Principal,
    placementId: string,
    manager?: EntityManager,
  ): Promise<FollowedPlacement> {
    const placement = await this.existing(placementId, manager);
    if (caller.role !== Role.EMPLOYER || placement.employer_organisation_id !== caller.organisationId)
      throw AppError.forbidden("Only placements in your own organisation's openings are yours to follow up");
    return placement;
  }

  /** The placement, when the caller follows it up from either side: `forEmployer` for employers, else `forCoach`. */
  forCaller(caller: Principal, placementId: string, manager?: EntityManager): Promise<FollowedPlacement> {
    return caller.role === Role.EMPLOYER
      ? this.forEmployer(caller, placementId, manager)
      : this.forCoach(caller, placementId, manager);
  }

  private async existing(placementId: string, manager?: EntityManager): Promise<FollowedPlacement> {
    const placement = await this.find(placementId, manager);
    if (!placement) throw AppError.notFound('Placement');
    return placement;
  }
}
