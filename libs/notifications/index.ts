export { NotificationsModule } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export { Notification } from './notification.entity.js';
export { NotificationKind } from './notification-kind.js';
