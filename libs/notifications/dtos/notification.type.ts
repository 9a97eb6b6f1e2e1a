import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { Role, type Principal } from '#libs/access-control';
import { PageArgs } from '#libs/pagination';
import { NOTIFICATION_TEXT, NotificationKind } from '../notification-kind.js';
import type { Notification } from '../notification.entity.js';

/** The roles shown the participant a notification is about: allow-listed, so a new role sees none. */
const COACHING_ROLES: ReadonlySet<Role> = new Set([Role.COACH, Role.ADMIN]);

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The placement it is about (FOLLOW_UP_DUE, FEEDBACK_REQUESTED, COMPETENCE_CERTIFICATE_REQUESTED, ' +
      'COMPETENCE_CERTIFICATE_ISSUED).',
  })
  placementId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The check-in it is about (FOLLOW_UP_DUE, FEEDBACK_REQUESTED): the followUpId to answer.',
  })
  followUpId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal it is about (INTRODUCTION_REQUESTED).' })
  proposalId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Your organisation's participant it is about (INTRODUCTION_REQUESTED, ESTABLISHMENT_PERIOD_ENDING); " +
      'shown to coaches and admins only.',
  })
  participantId!: string | null;

  /** What `reader` is shown: a participant's id only to coaches and admins, whatever the row holds. */
  static from(notification: Notification, reader: Principal): NotificationType {
    return {
      id: notification.id,
      kind: notification.kind,
      ...NOTIFICATION_TEXT[notification.kind],
      createdAt: notification.createdAt,
      readAt: notification.readAt,
      placementId: notification.placementId,
      followUpId: notification.followUpId,
      proposalId: notification.proposalId,
      participantId: COACHING_ROLES.has(reader.role) ? notification.participantId : null,
    };
  }
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean = false;
}
