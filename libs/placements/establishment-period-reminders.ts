import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import {
  ParticipantAccess,
  ParticipantErasure,
  needsPlacementBeforeEstablishmentEndsSql,
} from '#libs/participants';
import { JobName, JobStatus, OnJob } from '#libs/queue';

/**
 * The coach should act at the latest ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS (7) months before a participant's
 * etableringsperiod ends. Every morning the responsible coach (else every coach of the organisation) is reminded of
 * each participant who is in that window without a planned or active placement: once per participant and end date,
 * so a moved end date reminds again. The participants query's `establishmentPeriodEnding` filter lists them. The
 * reminder's cause holds the coach-only end date: erasure deletes the participant's reminders.
 */
@Injectable()
export class EstablishmentPeriodReminders implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ParticipantAccess,
    private readonly notifications: NotificationsService,
    private readonly erasure: ParticipantErasure,
  ) {}

  onModuleInit(): void {
    this.erasure.register('establishment-period-reminders', (participantId, manager) =>
      manager.query(`DELETE FROM notifications WHERE kind = $1 AND dedupe_key LIKE $2`, [
        NotificationKind.ESTABLISHMENT_PERIOD_ENDING,
        `${NotificationKind.ESTABLISHMENT_PERIOD_ENDING}:${participantId}:%`,
      ]),
    );
  }

  @OnJob(JobName.RemindEstablishmentPeriods)
  async remind(): Promise<JobStatus> {
    // Read and reminded in one transaction: a placement planned meanwhile is either seen or waits for it.
    return this.dataSource.transaction(async (manager) => {
      const unplaced: Array<{ id: string; ends_on: string }> = await manager.query(
        `SELECT participant.id, profile.establishment_period_ends_on::text AS ends_on
           FROM participants participant
           JOIN competence_profiles profile ON profile.participant_id = participant.id
          WHERE ${needsPlacementBeforeEstablishmentEndsSql('participant', 'profile')}
          ORDER BY profile.establishment_period_ends_on, participant.id`,
      );
      // A participant a day: at a municipality's scale (hundreds in the window) two small queries each.
      for (const { id, ends_on } of unplaced) {
        await this.notifications.notify(
          manager,
          await this.access.responsibleCoaches(id, manager),
          NotificationKind.ESTABLISHMENT_PERIOD_ENDING,
          `${id}:${ends_on}`,
          { participantId: id },
        );
      }
      return unplaced.length > 0 ? JobStatus.Success : JobStatus.Skipped;
    });
  }
}
