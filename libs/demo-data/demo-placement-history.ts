import { Attendance, PlacementOutcome, SwedishProgress } from '#libs/follow-ups';
import { PlacementEndReason } from '#libs/placements';
import { PlacementKind, Weekday } from '#libs/vocabulary';
import type { SkillKey } from './demo-concepts.js';
import type { DemoOpening } from './demo-openings-and-tracks.js';

/** How one past placement went, step by step as coach and employer record it. */
export interface DemoPlacementStory {
  /** A one-place opening that starts on the Monday after `startInWeeks` weeks from the load (negative: before). */
  opening: DemoOpening;
  /** Each side's follow-up entry while it ran. */
  feedback: { attendance: Attendance; swedishProgress: SwedishProgress; satisfaction: number; text: string };
  /** COMPLETED on its last day, ENDED_EARLY after `weeks` weeks, or still ACTIVE. */
  end:
    | { kind: 'COMPLETED'; skillsShown: readonly SkillKey[] }
    | { kind: 'ENDED_EARLY'; weeks: number; reason: PlacementEndReason; note: string }
    | { kind: 'ACTIVE' };
  /** The status 90 days after the end, recorded once those days have passed. */
  outcome?: PlacementOutcome;
}

const { MONDAY, TUESDAY, WEDNESDAY, THURSDAY } = Weekday;

const praktik = (
  organisation: DemoOpening['organisation'],
  title: string,
  occupation: DemoOpening['occupation'],
  startInWeeks: number,
  requirementSpecification: string,
): DemoOpening => ({
  organisation,
  kind: PlacementKind.PRAKTIK,
  title,
  occupation,
  weekdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY],
  hoursPerWeek: 24,
  startInWeeks,
  months: 3,
  places: 1,
  requirementSpecification,
  status: 'PUBLISHED',
});

/**
 * Värmdö's placements of the past eight months, so that follow-ups, kompetensbevis, 90-day outcomes and key figures
 * have something to show after `npm start`: each walks from an employer's request for an introduction through the
 * coach's confirmation to where it stands today. With employers the tests do not log in as: they expect employer@vard
 * and employer@forskolor to know no one.
 */
export const DEMO_PLACEMENT_HISTORY: readonly DemoPlacementStory[] = [
  {
    opening: praktik(
      'brunn',
      'Praktik som vårdbiträde på Brunns gård, omgång 1',
      'vardbitrade',
      -34,
      'Hjälpa de boende med måltider, promenader och social samvaro tillsammans med handledare.',
    ),
    feedback: {
      attendance: Attendance.ALWAYS,
      swedishProgress: SwedishProgress.CLEAR,
      satisfaction: 5,
      text: 'Tar egna initiativ och är uppskattad av de boende.',
    },
    end: { kind: 'COMPLETED', skillsShown: ['basalaHygienrutiner', 'aldreomsorg'] },
    outcome: PlacementOutcome.WORK,
  },
  {
    opening: praktik(
      'montessori',
      'Praktik som barnskötare på Ingarö Montessoriförskola, tidigare omgång',
      'barnskotare',
      -30,
      'Delta i den dagliga verksamheten: lek, måltider och utevistelse med barnen.',
    ),
    feedback: {
      attendance: Attendance.MOSTLY,
      swedishProgress: SwedishProgress.SOME,
      satisfaction: 4,
      text: 'Trygg med barnen; vill gärna läsa vidare till barnskötare.',
    },
    end: { kind: 'COMPLETED', skillsShown: ['barntillsyn'] },
    outcome: PlacementOutcome.STUDIES,
  },
  {
    opening: praktik(
      'storkok',
      'Praktik som köksbiträde i storköket, tidigare omgång',
      'koksbitrade',
      -28,
      'Förbereda sallader och mellanmål, diska och hålla ordning enligt egenkontrollprogrammet.',
    ),
    feedback: {
      attendance: Attendance.ALWAYS,
      swedishProgress: SwedishProgress.SOME,
      satisfaction: 5,
      text: 'Snabb och noggrann; kan redan köket.',
    },
    end: {
      kind: 'ENDED_EARLY',
      weeks: 5,
      reason: PlacementEndReason.GOT_JOB,
      note: 'Fick timanställning på en restaurang i Gustavsberg.',
    },
    outcome: PlacementOutcome.WORK,
  },
  {
    opening: praktik(
      'handel',
      'Praktik som butiksmedarbetare, tidigare omgång',
      'butikssaljareDagligvaror',
      -27,
      'Fylla på varor, ta emot leveranser och hjälpa kunder i butiken.',
    ),
    feedback: {
      attendance: Attendance.SOMETIMES,
      swedishProgress: SwedishProgress.NONE,
      satisfaction: 2,
      text: 'Har varit borta flera dagar; vi behöver prata om hur det går.',
    },
    end: {
      kind: 'ENDED_EARLY',
      weeks: 3,
      reason: PlacementEndReason.HEALTH,
      note: 'Avbröt av hälsoskäl efter samtal med handläggare och vårdcentral.',
    },
    outcome: PlacementOutcome.NONE,
  },
  {
    opening: praktik(
      'fastighet',
      'Praktik som fastighetsskötare, tidigare omgång',
      'fastighetsskotare',
      -20,
      'Sköta utemiljön och enklare underhåll i bostadsområdet tillsammans med handledare.',
    ),
    feedback: {
      attendance: Attendance.ALWAYS,
      swedishProgress: SwedishProgress.SOME,
      satisfaction: 4,
      text: 'Stark i praktiskt arbete; behöver öva på arbetsordrar på svenska.',
    },
    end: { kind: 'COMPLETED', skillsShown: ['fastighetsskotsel', 'tradgardsskotsel'] },
    // Ended within the last 90 days at the first load: recorded by a later load, once they have passed.
    outcome: PlacementOutcome.PROGRAMME,
  },
  {
    opening: praktik(
      'brunn',
      'Praktik som vårdbiträde på Brunns gård, omgång 2',
      'vardbitrade',
      -6,
      'Hjälpa de boende med måltider, promenader och social samvaro tillsammans med handledare.',
    ),
    feedback: {
      attendance: Attendance.ALWAYS,
      swedishProgress: SwedishProgress.SOME,
      satisfaction: 4,
      text: 'Har kommit in i arbetet bra första veckorna.',
    },
    end: { kind: 'ACTIVE' },
  },
];
