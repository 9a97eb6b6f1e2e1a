import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { paginate, type Page } from '#libs/pagination';
import { JobName, JobStatus, OnJob, type JobPayloads } from '#libs/queue';
import { UsersService } from '#libs/users';
import type { NotificationsArgs } from './dtos/notification.type.js';
import { NotificationKind } from './notification-kind.js';
import { Notification, type NotificationSubject } from './notification.entity.js';

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly users: UsersService,
  ) {}

  /** The caller's own notifications, newest first. */
  list(caller: Principal, args: NotificationsArgs): Promise<Page<Notification>> {
    const query = this.notifications
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId: caller.userId });
    if (args.unreadOnly) query.andWhere('notification.read_at IS NULL');
    return paginate(query, args, { column: 'notification.created_at', direction: 'DESC' });
  }

  async markRead(caller: Principal, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId: caller.userId });
    if (!notification) throw AppError.notFound('Notification');
    notification.readAt ??= new Date();
    return this.notifications.save(notification);
  }

  /**
   * In-app notifications of `kind` for `userIds`, about `subject`, written in the caller's transaction. `cause` names
   * what caused them (ids only): the same cause notifies each user once.
   */
  async notify(
    manager: EntityManager,
    userIds: string[],
    kind: NotificationKind,
    cause: string,
    subject: NotificationSubject,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        userIds.map((userId) => ({ userId, kind, dedupeKey: `${kind}:${cause}:${userId}`, ...subject })),
      )
      .orIgnore()
      .execute();
  }

  /** `notify` every active EMPLOYER user of the organisation. */
  async notifyEmployers(
    manager: EntityManager,
    organisationId: string,
    kind: NotificationKind,
    cause: string,
    subject: NotificationSubject,
  ): Promise<void> {
    const employers: Array<{ id: string }> = await manager.query(
      `SELECT id FROM users WHERE organisation_id = $1 AND role = 'EMPLOYER' AND active`,
      [organisationId],
    );
    await this.notify(
      manager,
      employers.map((user) => user.id),
      kind,
      cause,
      subject,
    );
  }

  @OnJob(JobName.WelcomeUser)
  async welcome({ userId }: JobPayloads[JobName.WelcomeUser]): Promise<JobStatus> {
    if (!(await this.users.isActive(userId))) return JobStatus.Skipped;
    const inserted = await this.notifications
      .createQueryBuilder()
      .insert()
      .values({ userId, kind: NotificationKind.WELCOME, dedupeKey: `welcome:${userId}` })
      .orIgnore()
      .execute();
    return inserted.identifiers.length > 0 && inserted.raw.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
