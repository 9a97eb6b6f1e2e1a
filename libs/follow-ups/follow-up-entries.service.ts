import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { advisoryXactLock } from '#libs/database';
import type { Principal } from '#libs/access-control';
import { addDays, isoDate, parseIsoDate, todayInSweden } from '#libs/calendar';
import { AppError } from '#libs/errors';
import type {
  FollowUpFeedbackInput,
  RecordFollowUpInput,
  RecordOutcomeInput,
} from './dtos/follow-up.inputs.js';
import { FollowUpEntry } from './entities/follow-up-entry.entity.js';
import { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpKind, FollowUpSide, FollowUpStatus } from './follow-up-kind.js';
import { OUTCOME_AFTER_DAYS } from './follow-up-plan.js';
import { FollowedPlacements, type FollowedPlacement } from './followed-placements.js';

/** Placements one can say how they go: started, whether still running or ended. */
const FOLLOWED_STATUSES = ['ACTIVE', 'COMPLETED', 'ENDED_EARLY'];
const ENDED_STATUSES = ['COMPLETED', 'ENDED_EARLY'];

/**
 * Follow-up entries from both sides and the 90-day outcome. Coaches and admins of the participant's organisation
 * write COACH entries (with a note of their own) and the outcome, and read every entry; the employer's users write
 * EMPLOYER entries on placements in their organisation's openings and read only those, never a coach's.
 */
@Injectable()
export class FollowUpEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: FollowedPlacements,
  ) {}

  /** A coach's entry; answering a check-in makes it DONE. */
  recordAsCoach(caller: Principal, input: RecordFollowUpInput): Promise<FollowUpEntry> {
    return this.dataSource.transaction(async (manager) => {
      assertFollowed(await this.placements.forCoach(caller, input.placementId, manager));
      return this.write(manager, caller, input, FollowUpSide.COACH, input.coachNote ?? null);
    });
  }

  /** An employer's feedback on a placement in one of their organisation's openings. */
  recordAsEmployer(caller: Principal, input: FollowUpFeedbackInput): Promise<FollowUpEntry> {
    return this.dataSource.transaction(async (manager) => {
      assertFollowed(await this.placements.forEmployer(caller, input.placementId, manager));
      return this.write(manager, caller, input, FollowUpSide.EMPLOYER, null);
    });
  }

  /** Every entry of a placement of the caller's organisation's participant, oldest first. */
  async listForCoach(caller: Principal, placementId: string): Promise<FollowUpEntry[]> {
    await this.placements.forCoach(caller, placementId, this.dataSource.manager);
    return this.dataSource.manager.find(FollowUpEntry, {
      where: { placementId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The employer side's own entries of a placement in the caller's organisation's openings, oldest first. */
  async listForEmployer(caller: Principal, placementId: string): Promise<FollowUpEntry[]> {
    await this.placements.forEmployer(caller, placementId, this.dataSource.manager);
    return this.dataSource.manager.find(FollowUpEntry, {
      where: { placementId, side: FollowUpSide.EMPLOYER },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The status 90 days after the placement ended, on its OUTCOME check-in (made when the plan has none), which
   * becomes DONE. CONFLICT before the placement ended and before those 90 days passed; recording again corrects it.
   */
  recordOutcome(caller: Principal, input: RecordOutcomeInput): Promise<FollowUp> {
    return this.dataSource.transaction(async (manager) => {
      const placement = await this.placements.forCoach(caller, input.placementId, manager);
      assertNotErased(placement);
      if (!ENDED_STATUSES.includes(placement.status)) {
        throw AppError.conflict(
          `The placement is ${placement.status}: the outcome is recorded once it is COMPLETED or ENDED_EARLY`,
          'input.placementId',
        );
      }
      const dueOn = isoDate(addDays(parseIsoDate(placement.end_date!), OUTCOME_AFTER_DAYS));
      if (dueOn > todayInSweden()) {
        throw AppError.conflict(
          `The outcome is the status ${OUTCOME_AFTER_DAYS} days after the last day: record it from ${dueOn}`,
          'input.placementId',
        );
      }
      // Two coaches recording at once, without an OUTCOME check-in yet, must not both insert one: the second waits
      // and corrects the first's.
      await advisoryXactLock(manager, `placement-outcome:${input.placementId}`);
      const existing = await manager.findOne(FollowUp, {
        where: { placementId: input.placementId, kind: FollowUpKind.OUTCOME },
        lock: { mode: 'pessimistic_write' },
      });
      const outcome =
        existing ??
        manager.create(FollowUp, { placementId: input.placementId, kind: FollowUpKind.OUTCOME, dueOn });
      return manager.save(
        Object.assign(outcome, {
          outcome: input.outcome,
          outcomeNote: input.note ?? null,
          status: FollowUpStatus.DONE,
          doneBy: caller.userId,
          doneAt: new Date(),
        }),
      );
    });
  }

  private async write(
    manager: EntityManager,
    caller: Principal,
    input: FollowUpFeedbackInput,
    side: FollowUpSide,
    coachNote: string | null,
  ): Promise<FollowUpEntry> {
    if (input.followUpId) {
      const followUp = await manager.findOne(FollowUp, {
        where: { id: input.followUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!followUp || followUp.placementId !== input.placementId)
        throw AppError.badInput('input.followUpId', 'is not a follow-up of this placement');
      if (followUp.kind === FollowUpKind.OUTCOME)
        throw AppError.badInput('input.followUpId', 'is the outcome: record it with recordOutcome');
      if (followUp.status === FollowUpStatus.CANCELLED)
        throw AppError.badInput('input.followUpId', 'was cancelled');
      if (side === FollowUpSide.COACH && followUp.status !== FollowUpStatus.DONE) {
        await manager.update(FollowUp, followUp.id, {
          status: FollowUpStatus.DONE,
          doneBy: caller.userId,
          doneAt: new Date(),
        });
      }
    }
    return manager.save(
      manager.create(FollowUpEntry, {
        placementId: input.placementId,
        followUpId: input.followUpId ?? null,
        side,
        authorId: caller.userId,
        attendance: input.attendance,
        tasksPerformed: input.tasksPerformed,
        swedishProgress: input.swedishProgress,
        satisfaction: input.satisfaction,
        dropoutRisk: input.dropoutRisk,
        text: input.text,
        coachNote,
      }),
    );
  }
}

function assertNotErased(placement: FollowedPlacement): void {
  if (placement.erased) {
    throw AppError.conflict(
      'The person was erased: nothing more is recorded about them',
      'input.placementId',
    );
  }
}

function assertFollowed(placement: FollowedPlacement): void {
  assertNotErased(placement);
  if (!FOLLOWED_STATUSES.includes(placement.status)) {
    throw AppError.conflict(
      `The placement is ${placement.status}: follow-up entries are written once it has started`,
      'input.placementId',
    );
  }
}
