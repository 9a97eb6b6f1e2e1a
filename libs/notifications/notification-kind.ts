import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  WELCOME = 'WELCOME',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });

/** The Swedish text of each kind, as the product is used in Swedish. */
export const NOTIFICATION_TEXT: Record<NotificationKind, { title: string; body: string }> = {
  [NotificationKind.WELCOME]: {
    title: 'Välkommen till Matchbron',
    body: 'Ditt konto är klart. Här får du aviseringar om matchningar, uppföljningar och förfrågningar.',
  },
};
