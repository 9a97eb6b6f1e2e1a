import { registerEnumType } from '@nestjs/graphql';
import { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS } from '#libs/vocabulary';

export enum NotificationKind {
  WELCOME = 'WELCOME',
  /** An employer asked for an introduction to one of the coach's participants (a proposal of origin EMPLOYER_REQUEST). */
  INTRODUCTION_REQUESTED = 'INTRODUCTION_REQUESTED',
  /** A check-in of a placement's follow-up plan is due (coach). */
  FOLLOW_UP_DUE = 'FOLLOW_UP_DUE',
  /** The employer is asked how a placement in one of its openings goes. */
  FEEDBACK_REQUESTED = 'FEEDBACK_REQUESTED',
  /** A placement in one of the employer's openings completed: which skills did the person show? */
  COMPETENCE_CERTIFICATE_REQUESTED = 'COMPETENCE_CERTIFICATE_REQUESTED',
  /** The employer confirmed the skills of the coach's participant: the kompetensbevis can be printed. */
  COMPETENCE_CERTIFICATE_ISSUED = 'COMPETENCE_CERTIFICATE_ISSUED',
  /**
   * A participant of the coach's needs a placement: the etableringsperiod ends within
   * ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS months and none is planned.
   */
  ESTABLISHMENT_PERIOD_ENDING = 'ESTABLISHMENT_PERIOD_ENDING',
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
  [NotificationKind.FOLLOW_UP_DUE]: {
    title: 'Dags för uppföljning',
    body:
      'En uppföljning av en av dina deltagares platser ska göras nu. Se dina uppföljningar (status DUE) ' +
      'och hör av dig till deltagaren och arbetsgivaren.',
  },
  [NotificationKind.FEEDBACK_REQUESTED]: {
    title: 'Hur går det på platsen?',
    body:
      'Vi vill gärna höra hur det går för personen som har en plats hos er. Berätta för ' +
      'arbetsmarknadskonsulenten om närvaro, arbetsuppgifter och hur svenskan utvecklas.',
  },
  [NotificationKind.COMPETENCE_CERTIFICATE_REQUESTED]: {
    title: 'Bekräfta vad personen har visat',
    body:
      'En plats hos er är avslutad. Bekräfta vilka kompetenser personen har visat: de blir ett kompetensbevis ' +
      'och visas som verifierade i personens kompetensprofil.',
  },
  [NotificationKind.COMPETENCE_CERTIFICATE_ISSUED]: {
    title: 'Kompetensbevis klart',
    body:
      'Arbetsgivaren har bekräftat vilka kompetenser din deltagare visade på platsen. Kompetensbeviset kan nu ' +
      'skrivas ut.',
  },
  [NotificationKind.ESTABLISHMENT_PERIOD_ENDING]: {
    title: 'Etableringsperioden slutar snart',
    body:
      `En av dina deltagares etableringsperiod slutar inom ${ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS} månader och ` +
      'deltagaren har ingen planerad eller pågående plats. Se dina deltagare med filtret ' +
      'establishmentPeriodEnding och hitta en plats i tid.',
  },
};
