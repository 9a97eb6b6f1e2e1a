import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { PageArgs } from '#libs/pagination';
import { NOTIFICATION_TEXT, NotificationKind } from '../notification-kind.js';
import type { Notification } from '../notification.entity.js';

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

  static from(notification: Notification): NotificationType {
    return {
      id: notification.id,
      kind: notification.kind,
      ...NOTIFICATION_TEXT[notification.kind],
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    };
  }
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean = false;
}
