import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  WELCOME = 'WELCOME',
  /** An employer asked for an introduction to one of the coach's participants (a proposal of origin EMPLOYER_REQUEST). */
  INTRODUCTION_REQUESTED = 'INTRODUCTION_REQUESTED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });

/** The Swedish text of each kind, as the product is used in Swedish. */
export const NOTIFICATION_TEXT: Record<NotificationKind, { title: string; body: string }> = {
  [NotificationKind.WELCOME]: {
    title: 'Välkommen till Matchbron',
    body: 'Ditt konto är klart. Här får du aviseringar om matchningar, uppföljningar och förfrågningar.',
  },
  [NotificationKind.INTRODUCTION_REQUESTED]: {
    title: 'En arbetsgivare vill bli introducerad',
    body:
      'En arbetsgivare har bett om en introduktion till en av dina deltagare för en av sina platser. ' +
      'Se förslaget bland matchningsförslagen (ursprung EMPLOYER_REQUEST) och bekräfta eller avböj det.',
  },
};
