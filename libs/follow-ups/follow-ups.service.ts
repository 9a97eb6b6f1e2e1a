import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { TODAY_IN_SWEDEN_SQL, todayInSweden } from '#libs/calendar';
import { AppConfig } from '#libs/config';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import { Outbox, enqueueJob } from '#libs/outbox';
import { paginate, type Page } from '#libs/pagination';
import { ParticipantAccess, responsibleCoachIs } from '#libs/participants';
import { JobName, JobStatus, OnJob, type JobPayloads } from '#libs/queue';
import type { FollowUpsArgs } from './dtos/follow-up.inputs.js';
import { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpKind, FollowUpStatus } from './follow-up-kind.js';
import { checkInTime, plannedDates, type PlacementPeriod } from './follow-up-plan.js';
import { FollowedPlacements } from './followed-placements.js';

/**
 * The follow-up plan of each placement: check-ins that come due by delayed jobs and notify the coach (and ask the
 * employer for feedback). Placements keep it current with `sync` in the transaction of each change; a job whose
 * check-in moved, was cancelled or is already due does nothing.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationsService,
    private readonly access: ParticipantAccess,
    private readonly placements: FollowedPlacements,
  ) {}

  /**
   * Makes the plan of one placement match its period, in the caller's transaction: new check-ins are scheduled,
   * scheduled ones move with the dates (a new delayed job for the new day), those no longer wanted are cancelled.
   * Check-ins already due or done stay as they are, but a cancelled placement cancels every open one, a running
   * placement moved later moves its due check-ins, and its answered week-one, midpoint and last-day ones whose new
   * day is still to come, to their new days (scheduled again), and one that ended before its last-day check-in's day
   * gives that check-in, due and unanswered, the real last day.
   */
  async sync(manager: EntityManager, period: PlacementPeriod): Promise<void> {
    const existing = new Map(
      (
        await manager.find(FollowUp, {
          where: { placementId: period.placementId },
          lock: { mode: 'pessimistic_write' },
        })
      ).map((followUp) => [followUp.kind, followUp]),
    );
    const open = (followUp: FollowUp | undefined) =>
      followUp?.status === FollowUpStatus.SCHEDULED || followUp?.status === FollowUpStatus.DUE;
    const cancelled: FollowUp[] = [];
    const scheduled: FollowUp[] = [];
    const plannedAt = new Date();
    const today = todayInSweden(plannedAt);
    const wanted = period.state === 'CANCELLED' ? new Map<FollowUpKind, string>() : plannedDates(period);
    for (const kind of Object.values(FollowUpKind)) {
      const current = existing.get(kind);
      if (period.state === 'CANCELLED') {
        if (open(current)) cancelled.push(current!);
        continue;
      }
      // Once it ended, the open check-ins of the running placement stay only when their day is not after the end.
      if (period.state === 'ENDED' && (kind === FollowUpKind.WEEK_ONE || kind === FollowUpKind.MIDPOINT)) {
        if (open(current) && current!.dueOn > period.endDate!) cancelled.push(current!);
        continue;
      }
      const dueOn = wanted.get(kind);
      // Ended before the day its last-day check-in came due on (an early end recorded late): that check-in, not
      // answered, is about the real last day, and stays due.
      if (
        period.state === 'ENDED' &&
        kind === FollowUpKind.END &&
        current?.status === FollowUpStatus.DUE &&
        dueOn !== undefined &&
        dueOn < current.dueOn
      ) {
        await manager.update(FollowUp, current.id, { dueOn });
        continue;
      }
      // A running placement moved later (a start that slipped, an end extended): its check-ins come due again on
      // their new days. One due on the old day and not answered waits for its new day (else it would stay overdue
      // and nothing would come due on the new one); so does the outcome, which cannot be recorded before 90 days
      // after the new end. A week-one, midpoint or last-day check-in answered already asks again on its new day when
      // that is still to come: the answer was about the period as it was (the last day that became an extension,
      // say); its entries stay. (A new day already past: the answer given stands for it.)
      const movedLater =
        period.state === 'RUNNING' &&
        dueOn !== undefined &&
        current !== undefined &&
        dueOn > current.dueOn &&
        (current.status === FollowUpStatus.DUE ||
          (current.status === FollowUpStatus.DONE && kind !== FollowUpKind.OUTCOME && dueOn >= today));
      if (!movedLater && (current?.status === FollowUpStatus.DUE || current?.status === FollowUpStatus.DONE))
        continue;
      if (dueOn === undefined) {
        if (current?.status === FollowUpStatus.SCHEDULED) cancelled.push(current);
        continue;
      }
      if (current?.status === FollowUpStatus.SCHEDULED && current.dueOn === dueOn) continue;
      scheduled.push(
        current
          ? await manager.save(
              Object.assign(current, {
                dueOn,
                status: FollowUpStatus.SCHEDULED,
                becameDueAt: null,
                doneBy: null,
                doneAt: null,
              }),
            )
          : await manager.save(manager.create(FollowUp, { placementId: period.placementId, kind, dueOn })),
      );
    }
    if (cancelled.length > 0) {
      await manager.update(
        FollowUp,
        cancelled.map((followUp) => followUp.id),
        { status: FollowUpStatus.CANCELLED },
      );
    }
    await this.outbox.record(
      manager,
      scheduled.map((followUp) =>
        enqueueJob(
          {
            name: JobName.FollowUpDue,
            payload: { followUpId: followUp.id, dueOn: followUp.dueOn, plannedAt: plannedAt.toISOString() },
          },
          checkInTime(followUp.dueOn, plannedAt, this.config.followUps.dayMs),
        ),
      ),
    );
  }

  /**
   * Erasure: every open check-in of the participant's placements is cancelled (no one is asked about the person
   * again; a delayed job finds its check-in cancelled and does nothing), and their follow-up texts and outcome notes
   * are emptied (coded answers stay, as anonymous counts).
   */
  async erase(participantId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE follow_ups f
          SET outcome_note = NULL, status = CASE WHEN f.status IN ($3, $4) THEN $2 ELSE f.status END
         FROM placements p WHERE p.id = f.placement_id AND p.participant_id = $1`,
      [participantId, FollowUpStatus.CANCELLED, FollowUpStatus.SCHEDULED, FollowUpStatus.DUE],
    );
    await manager.query(
      `UPDATE follow_up_entries e SET text = '', tasks_performed = '', coach_note = NULL
         FROM placements p WHERE p.id = e.placement_id AND p.participant_id = $1`,
      [participantId],
    );
  }

  /**
   * The check-in's day came: it becomes DUE and the participant's coach is notified; once the placement has started,
   * the employer's users are asked for feedback too (not for the outcome: the coach's to record). One the coach
   * answered before its day only asks the employer, while the placement is ACTIVE. Nothing when the check-in moved
   * to another day or was cancelled, or its placement was cancelled.
   */
  @OnJob(JobName.FollowUpDue)
  due({ followUpId, dueOn }: JobPayloads[JobName.FollowUpDue]): Promise<JobStatus> {
    return this.makeDue(followUpId, dueOn);
  }

  /**
   * Check-ins whose day has passed (yesterday or earlier: one due today may still be waiting for its hour) but which
   * are still SCHEDULED — their delayed job was lost, say with Redis's data — come due now, the oldest first.
   */
  @OnJob(JobName.SweepFollowUps)
  async sweep(): Promise<JobStatus> {
    const late: Array<{ id: string; due_on: string }> = await this.dataSource.query(
      `SELECT id, due_on::text FROM follow_ups WHERE status = $1 AND due_on < ${TODAY_IN_SWEDEN_SQL} ORDER BY due_on, id LIMIT 1000`,
      [FollowUpStatus.SCHEDULED],
    );
    for (const followUp of late) await this.makeDue(followUp.id, followUp.due_on);
    return late.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /**
   * The person has started, in the caller's transaction: the employer is asked for feedback on the check-ins that
   * came due while the placement was still PLANNED (they told only the coach then); the same request as the one a
   * check-in coming due sends, so never twice.
   */
  async started(manager: EntityManager, placementId: string, employerOrganisationId: string): Promise<void> {
    const due = await manager.find(FollowUp, { where: { placementId, status: FollowUpStatus.DUE } });
    for (const followUp of due.filter((followUp) => followUp.kind !== FollowUpKind.OUTCOME))
      await this.notifications.notifyEmployers(
        manager,
        employerOrganisationId,
        NotificationKind.FEEDBACK_REQUESTED,
        `${followUp.id}:${followUp.dueOn}`,
        { placementId, followUpId: followUp.id },
      );
  }

  private makeDue(followUpId: string, dueOn: string): Promise<JobStatus> {
    return this.dataSource.transaction(async (manager) => {
      const planned = await manager.findOneBy(FollowUp, { id: followUpId });
      if (!planned) return JobStatus.Skipped;
      // The placement first, then its check-in: the order placement changes lock them in (else a start and a
      // check-in coming due at the same moment deadlock).
      const placement = await this.placements.find(planned.placementId, manager);
      const followUp = await manager.findOne(FollowUp, {
        where: { id: followUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!followUp || followUp.dueOn !== dueOn) return JobStatus.Skipped;
      if (!placement || placement.status === 'CANCELLED') return JobStatus.Skipped;
      if (
        followUp.status === FollowUpStatus.DONE &&
        followUp.becameDueAt === null &&
        followUp.kind !== FollowUpKind.OUTCOME &&
        placement.status === 'ACTIVE' &&
        !placement.erased
      ) {
        // The coach answered it before its day (a meeting a few days early): the employer is still asked on the day,
        // while the person is there (not about someone erased, nor after the placement ended).
        await manager.update(FollowUp, followUp.id, { becameDueAt: new Date() });
        await this.notifications.notifyEmployers(
          manager,
          placement.employer_organisation_id,
          NotificationKind.FEEDBACK_REQUESTED,
          `${followUp.id}:${dueOn}`,
          { placementId: followUp.placementId, followUpId: followUp.id },
        );
        return JobStatus.Success;
      }
      if (followUp.status !== FollowUpStatus.SCHEDULED) return JobStatus.Skipped;
      await manager.update(FollowUp, followUp.id, { status: FollowUpStatus.DUE, becameDueAt: new Date() });
      const cause = `${followUp.id}:${dueOn}`;
      const subject = { placementId: followUp.placementId, followUpId: followUp.id };
      await this.notifications.notify(
        manager,
        await this.access.responsibleCoaches(placement.participant_id, manager),
        NotificationKind.FOLLOW_UP_DUE,
        cause,
        subject,
      );
      // The employer is asked once the person is there; a placement still PLANNED tells only the coach.
      if (followUp.kind !== FollowUpKind.OUTCOME && placement.status !== 'PLANNED') {
        await this.notifications.notifyEmployers(
          manager,
          placement.employer_organisation_id,
          NotificationKind.FEEDBACK_REQUESTED,
          cause,
          subject,
        );
      }
      return JobStatus.Success;
    });
  }

  /**
   * Follow-ups of the placements of the caller's organisation's participants, earliest due first; by placement,
   * participant, status, only those of the caller's own participants (`mine`), and `overdueOnly`: those DUE whose
   * day has passed.
   */
  async list(caller: Principal, args: FollowUpsArgs): Promise<Page<FollowUp>> {
    const query = this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('followUp')
      .innerJoin('placements', 'placement', 'placement.id = followUp.placement_id')
      .where('placement.coach_organisation_id = :own', { own: caller.organisationId });
    if (args.placementId) {
      await this.placements.forCoach(caller, args.placementId);
      query.andWhere('followUp.placement_id = :placementId', { placementId: args.placementId });
    }
    if (args.participantId) {
      await this.access.getManaged(caller, args.participantId);
      query.andWhere('placement.participant_id = :participantId', { participantId: args.participantId });
    }
    if (args.mine) query.andWhere(...responsibleCoachIs('placement.participant_id', caller));
    if (args.status) query.andWhere('followUp.status = :status', { status: args.status });
    if (args.overdueOnly)
      query.andWhere(`followUp.status = :due AND followUp.due_on < ${TODAY_IN_SWEDEN_SQL}`, {
        due: FollowUpStatus.DUE,
      });
    return paginate(query, args, { column: 'followUp.due_on', direction: 'ASC' });
  }
}
