import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { todayInSweden } from '#libs/calendar';
import { AppError } from '#libs/errors';
import { FollowUpsService, type PlacementPeriod } from '#libs/follow-ups';
import { MatchingTriggers } from '#libs/matching';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import { OpeningsService, durationProblem } from '#libs/openings';
import { ParticipantAccess, ParticipantErasure, ProfileChanges } from '#libs/participants';
import type { EndPlacementEarlyInput, ReschedulePlacementInput } from './dtos/placement.inputs.js';
import { Placement } from './entities/placement.entity.js';
import { PlacementEndReason } from './placement-end-reason.js';
import { OVERLAP_CONSTRAINT, isExclusionViolation } from './placement-overlap.js';
import { PlacementStatus } from './placement-status.js';

/** The statuses each change starts from. */
const FROM: Record<'start' | 'complete' | 'endEarly' | 'cancel' | 'reschedule', readonly PlacementStatus[]> =
  {
    start: [PlacementStatus.PLANNED],
    complete: [PlacementStatus.ACTIVE],
    endEarly: [PlacementStatus.ACTIVE],
    cancel: [PlacementStatus.PLANNED],
    reschedule: [PlacementStatus.PLANNED, PlacementStatus.ACTIVE],
  };

/**
 * A placement's life after the confirmation: PLANNED → ACTIVE → COMPLETED | ENDED_EARLY, or PLANNED → CANCELLED.
 * Coaches and admins of the participant's organisation make each change, and the follow-up plan follows it. Ending early or cancelling gives the place
 * back to the opening and asks matching, in the same transaction (through the outbox), for new proposals for both
 * the participant and the opening: when a placement does not work, find what would.
 *
 * Locks follow the confirmation's order — participant, then placement, then opening — so that the two never wait
 * for each other in a circle.
 */
@Injectable()
export class PlacementLifecycle implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ParticipantAccess,
    private readonly profileChanges: ProfileChanges,
    private readonly matchingTriggers: MatchingTriggers,
    private readonly openings: OpeningsService,
    private readonly followUps: FollowUpsService,
    private readonly erasure: ParticipantErasure,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.erasure.register('placements', (participantId, manager) => this.erase(participantId, manager));
  }

  /**
   * Erasure, in its transaction: the participant's open placements end today (PLANNED ones are cancelled, ACTIVE ones
   * end early for OTHER, but one whose last day has come is COMPLETED and keeps its place), the places of those ended
   * early or cancelled go back, every open check-in of their follow-up plans is cancelled, and every
   * free text about the person — notes on the placements, follow-up texts and outcome notes — is emptied. The rows
   * stay, without them, as anonymous counts; nothing more is recorded about the person.
   */
  private async erase(participantId: string, manager: EntityManager): Promise<void> {
    const placements = await manager.find(Placement, {
      where: { participantId, status: In([PlacementStatus.PLANNED, PlacementStatus.ACTIVE]) },
      lock: { mode: 'pessimistic_write' },
    });
    for (const placement of placements) {
      if (placement.status === PlacementStatus.PLANNED) {
        await manager.update(Placement, placement.id, { status: PlacementStatus.CANCELLED });
      } else if (placement.endDate !== null && placement.endDate <= today()) {
        // Run to its last day, only not marked so: completed, and its place stays taken, as completing it would.
        await manager.update(Placement, placement.id, { status: PlacementStatus.COMPLETED });
        continue;
      } else {
        const lastDay = today() < placement.startDate ? placement.startDate : today();
        await manager.update(Placement, placement.id, {
          status: PlacementStatus.ENDED_EARLY,
          endDate: lastDay,
          endReason: PlacementEndReason.OTHER,
        });
      }
      await this.placeBack(placement, manager);
    }
    await manager.query('UPDATE placements SET end_note = NULL WHERE participant_id = $1', [participantId]);
    // Every open check-in of the plans is cancelled there, not ended: nobody is asked about the person again (an
    // ended plan's last check-in would come due).
    await this.followUps.erase(participantId, manager);
  }

  /** PLANNED → ACTIVE: the person has started (not before the start date). */
  start(caller: Principal, placementId: string): Promise<Placement> {
    return this.change(caller, placementId, 'start', async (placement, manager) => {
      if (placement.startDate > today()) {
        throw AppError.conflict(
          `The placement starts on ${placement.startDate}: mark it started from that day (or move its dates)`,
          'input.placementId',
        );
      }
      await manager.update(Placement, placement.id, { status: PlacementStatus.ACTIVE });
      // Also makes the plan of a placement confirmed before follow-up plans existed.
      await this.followUps.sync(manager, period(placement, { state: 'RUNNING' }));
      await this.followUps.started(manager, placement.id, placement.employerOrganisationId);
    });
  }

  /**
   * ACTIVE → COMPLETED: the placement ran its course, to its last day (an open-ended one ends today). The employer is
   * asked to confirm the skills the person showed (the kompetensbevis), and matching looks for what comes next: the
   * period no longer occupies the person (an open-ended one had kept them from every later opening).
   */
  complete(caller: Principal, placementId: string): Promise<Placement> {
    return this.change(caller, placementId, 'complete', async (placement, manager) => {
      if (placement.endDate !== null && placement.endDate > today()) {
        throw AppError.conflict(
          `The placement runs until ${placement.endDate}: end it early instead (endPlacementEarly)`,
          'input.placementId',
        );
      }
      const endDate = placement.endDate ?? today();
      await manager.update(Placement, placement.id, { status: PlacementStatus.COMPLETED, endDate });
      await this.followUps.sync(manager, period(placement, { endDate, state: 'ENDED' }));
      await this.participantChanged(placement, manager);
      await this.notifications.notifyEmployers(
        manager,
        placement.employerOrganisationId,
        NotificationKind.COMPETENCE_CERTIFICATE_REQUESTED,
        placement.id,
        { placementId: placement.id },
      );
    });
  }

  /**
   * ACTIVE → ENDED_EARLY on `lastDay`, with a reason and a note. The place goes back to the opening and new proposals
   * are asked for, for the participant and for the opening.
   */
  endEarly(caller: Principal, input: EndPlacementEarlyInput): Promise<Placement> {
    return this.change(caller, input.placementId, 'endEarly', async (placement, manager) => {
      if (input.lastDay > today()) {
        throw AppError.badInput(
          'input.lastDay',
          'must not be after today: record the early end on its last day',
        );
      }
      if (input.lastDay < placement.startDate) {
        throw AppError.badInput('input.lastDay', `must not be before the start, ${placement.startDate}`);
      }
      if (placement.endDate !== null && input.lastDay >= placement.endDate) {
        throw AppError.badInput(
          'input.lastDay',
          `must be before the planned last day, ${placement.endDate}: else complete the placement`,
        );
      }
      await manager.update(Placement, placement.id, {
        status: PlacementStatus.ENDED_EARLY,
        endDate: input.lastDay,
        endReason: input.reason satisfies PlacementEndReason,
        endNote: input.note,
      });
      await this.followUps.sync(manager, period(placement, { endDate: input.lastDay, state: 'ENDED' }));
      await this.givePlaceBack(placement, manager);
    });
  }

  /** PLANNED → CANCELLED before it started, with a note. As with an early end, the place goes back. */
  cancel(caller: Principal, placementId: string, note: string): Promise<Placement> {
    return this.change(caller, placementId, 'cancel', async (placement, manager) => {
      await manager.update(Placement, placement.id, { status: PlacementStatus.CANCELLED, endNote: note });
      await this.followUps.sync(manager, period(placement, { state: 'CANCELLED' }));
      await this.givePlaceBack(placement, manager);
    });
  }

  /**
   * Moves a PLANNED or ACTIVE placement's period; the follow-up plan's scheduled check-ins move with it, and
   * matching sees the participant's new period. CONFLICT when it would overlap another placement of the participant;
   * BAD_USER_INPUT when an ACTIVE one would start after today or end today or earlier, before its planned end, or the
   * period is longer than its kind allows (a praktik six months, an etableringsjobb 24; both must end).
   */
  async reschedule(caller: Principal, input: ReschedulePlacementInput): Promise<Placement> {
    try {
      return await this.change(caller, input.placementId, 'reschedule', async (placement, manager) => {
        // Left out, the last day stays; only an explicit null makes the placement open-ended.
        const endDate = input.endDate === undefined ? placement.endDate : input.endDate;
        if (endDate !== null && endDate < input.startDate) {
          throw input.endDate === undefined
            ? AppError.badInput('input.startDate', `must not be after the last day, ${endDate}`)
            : AppError.badInput('input.endDate', 'must not be before the start date');
        }
        if (placement.status === PlacementStatus.ACTIVE && input.startDate > today()) {
          throw AppError.badInput(
            'input.startDate',
            'must not be after today: the placement has started (only a PLANNED one can be moved later)',
          );
        }
        // An extension recorded late may end in the past; a running placement cut short to a day that has come is
        // ended early, with its reason (completing it after moving its end back would count it as run to its end).
        if (
          placement.status === PlacementStatus.ACTIVE &&
          endDate !== null &&
          endDate <= today() &&
          (placement.endDate === null || endDate < placement.endDate)
        ) {
          throw AppError.badInput(
            'input.endDate',
            'must not be an earlier day that has come: a running placement that ends before its planned last day is ended early (endPlacementEarly), with its reason',
          );
        }
        const tooLong = durationProblem(placement.kind, input.startDate, endDate);
        // On the field the caller sent: a start moved earlier with the last day kept makes the period too long too.
        if (tooLong)
          throw AppError.badInput(input.endDate === undefined ? 'input.startDate' : 'input.endDate', tooLong);
        await manager.update(Placement, placement.id, { startDate: input.startDate, endDate });
        await this.followUps.sync(
          manager,
          period(placement, { startDate: input.startDate, endDate, state: 'RUNNING' }),
        );
        await this.participantChanged(placement, manager);
      });
    } catch (error) {
      if (isExclusionViolation(error, OVERLAP_CONSTRAINT)) {
        throw AppError.conflict(
          'The participant has another placement in an overlapping period',
          'input.startDate',
        );
      }
      throw error;
    }
  }

  /**
   * Runs `apply` on the placement, locked, after checking who asks and that the placement is in the status `kind`
   * starts from; returns the placement as it is afterwards.
   */
  private async change(
    caller: Principal,
    placementId: string,
    kind: keyof typeof FROM,
    apply: (placement: Placement, manager: EntityManager) => Promise<void>,
  ): Promise<Placement> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Placement, { id: placementId });
      if (!found) throw AppError.notFound('Placement');
      await this.access.getManaged(caller, found.participantId, manager, true);
      const placement = await manager.findOneOrFail(Placement, {
        where: { id: placementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!FROM[kind].includes(placement.status)) {
        throw AppError.conflict(
          `The placement is ${placement.status}, not ${FROM[kind].join(' or ')}`,
          'input.placementId',
        );
      }
      await apply(placement, manager);
      return manager.findOneByOrFail(Placement, { id: placementId });
    });
  }

  /**
   * The opening gets its place back (OpeningsService.placeGivenBack: a FILLED one may be PUBLISHED again). Matching
   * is asked for new proposals for both sides: the participant's periods changed, and so did the opening.
   */
  private async givePlaceBack(placement: Placement, manager: EntityManager): Promise<void> {
    await this.placeBack(placement, manager);
    await this.participantChanged(placement, manager);
  }

  /** The place back to the opening (see givePlaceBack), and matching asked to rank the opening again. */
  private async placeBack(placement: Placement, manager: EntityManager): Promise<void> {
    await this.openings.placeGivenBack(placement.openingId, manager);
    await this.matchingTriggers.openingChanged(placement.openingId, manager);
  }

  /** The participant's periods changed: their candidate document and proposals follow. */
  private async participantChanged(placement: Placement, manager: EntityManager): Promise<void> {
    const [profile] = (await manager.query('SELECT id FROM competence_profiles WHERE participant_id = $1', [
      placement.participantId,
    ])) as Array<{ id: string }>;
    if (profile) await this.profileChanges.changed([profile.id], manager);
  }
}

/** The placement's period for its follow-up plan, with `changes`. */
function period(
  placement: Placement,
  changes: Partial<PlacementPeriod> & Pick<PlacementPeriod, 'state'>,
): PlacementPeriod {
  return {
    placementId: placement.id,
    startDate: placement.startDate,
    endDate: placement.endDate,
    ...changes,
  };
}

/** Today in Sweden, YYYY-MM-DD: the day coaches mean (a placement completed at 00:30 ended that day). */
function today(): string {
  return todayInSweden();
}
