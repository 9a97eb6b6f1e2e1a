import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import { ParticipantAccess, needsPlacementBeforeEstablishmentEndsSql } from '#libs/participants';
import { JobName, JobStatus, OnJob } from '#libs/queue';

/**
 * The coach should act at the latest 7 months before a participant's etableringsperiod ends. Every morning the
 * responsible coach (else every coach of the organisation) is reminded of each participant who is in that window
 * without a planned or active placement: once per participant and end date, so a moved end date reminds again. The
 * participants query's `establishmentPeriodEnding` filter lists them.
 */
@Injectable()
export class EstablishmentPeriodReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ParticipantAccess,
    private readonly notifications: NotificationsService,
  ) {}

  @OnJob(JobName.RemindEstablishmentPeriods)
  async remind(): Promise<JobStatus> {
    const unplaced: Array<{ id: string; ends_on: string }> = await this.dataSource.query(
      `SELECT participant.id, profile.establishment_period_ends_on::text AS ends_on
         FROM participants participant
         JOIN competence_profiles profile ON profile.participant_id = participant.id
        WHERE ${needsPlacementBeforeEstablishmentEndsSql('participant', 'profile')}
        ORDER BY profile.establishment_period_ends_on, participant.id`,
    );
    if (unplaced.length === 0) return JobStatus.Skipped;
    await this.dataSource.transaction(async (manager) => {
      for (const { id, ends_on } of unplaced) {
        await this.notifications.notify(
          manager,
          await this.access.responsibleCoaches(id, manager),
          NotificationKind.ESTABLISHMENT_PERIOD_ENDING,
          `${id}:${ends_on}`,
        );
      }
    });
    return JobStatus.Success;
  }
}
