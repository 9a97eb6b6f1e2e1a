import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { mapPage, PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import { NotificationsArgs, NotificationType } from './dtos/notification.type.js';
import { NotificationsService } from './notifications.service.js';

const NotificationPage = PageOf(NotificationType, 'Notification');

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly notificationsService: NotificationsService) {}

  @Query(() => NotificationPage, { description: "The caller's in-app notifications, newest first." })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async notifications(
    @Args() args: NotificationsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<NotificationType>> {
    return mapPage(await this.notificationsService.list(caller, args), (notification) =>
      NotificationType.from(notification, caller),
    );
  }

  @Mutation(() => NotificationType)
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async markNotificationRead(
    @IdArg() id: string,
    @CurrentUser() caller: Principal,
  ): Promise<NotificationType> {
    return NotificationType.from(await this.notificationsService.markRead(caller, id), caller);
  }
}
