import { Injectable } from '@nestjs/common';
import { Role, type Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { OrganisationsService } from '#libs/organisations';
import { PlacementEndReason } from '#libs/placements';
import { TaxonomyService } from '#libs/taxonomy';
import { PlacementKind, SwedishLevel } from '#libs/vocabulary';
import { keyFiguresInputProblems, type KeyFiguresInput } from './dtos/key-figures.input.js';
import type { GroupFiguresType, KeyFiguresType, TrackFiguresType } from './dtos/key-figures.type.js';
import {
  KeyFiguresRepository,
  type GroupRow,
  type IntakeRow,
  type KeyFiguresScope,
  type Period,
} from './key-figures.repository.js';
import { breakdown, count, share, sum, SUPPRESSED, type Count } from './suppression.js';

/** The groups of each breakdown, in the order shown, with their Swedish labels. */
export const GROUPS = {
  EDUCATION: [
    ['FORGYMNASIAL', 'Förgymnasial utbildning'],
    ['GYMNASIAL', 'Gymnasial utbildning'],
    ['EFTERGYMNASIAL', 'Eftergymnasial utbildning'],
    ['NOT_STATED', 'Uppgift saknas'],
  ],
  SWEDISH_LEVEL: [
    [SwedishLevel.SFI_A, 'SFI kurs A'],
    [SwedishLevel.SFI_B, 'SFI kurs B'],
    [SwedishLevel.SFI_C, 'SFI kurs C'],
    [SwedishLevel.SFI_D, 'SFI kurs D'],
    [SwedishLevel.SVA, 'Svenska som andraspråk'],
    ['NOT_STATED', 'Uppgift saknas'],
  ],
  GENDER: [
    ['WOMAN', 'Kvinna'],
    ['MAN', 'Man'],
    ['OTHER', 'Annat'],
    ['NOT_STATED', 'Uppgift saknas'],
  ],
  PRIORITY: [
    ['WOMAN', 'Kvinnor'],
    ['SHORT_EDUCATION', 'Kort utbildning (högst förgymnasial)'],
    ['DISABILITY', 'Funktionsvariation'],
    ['LONG_TERM_ASSISTANCE', 'Långvarigt ekonomiskt bistånd'],
    ['NONE', 'Ingen prioriterad grupp'],
    // Erased: no record left to say.
    ['NOT_STATED', 'Uppgift saknas'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>;

/**
 * Key figures of an organisation or a municipality for a period (issue 5), with every count of people below 5
 * suppressed. Coaches see their own organisation's (or its municipality's); admins any.
 */
@Injectable()
export class KeyFiguresService {
  constructor(
    private readonly repository: KeyFiguresRepository,
    private readonly organisations: OrganisationsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async figures(caller: Principal, input: KeyFiguresInput): Promise<KeyFiguresType> {
    const problems = keyFiguresInputProblems(input);
    if (problems.length > 0) throw AppError.badInputs(problems);
    const { scope, scopeName } = await this.scope(caller, input);
    const period: Period = { from: input.from, to: input.to };
    const { kinds, totals, groups, proposals, intakes } = await this.repository.read(scope, period);

    // Openings and places are not personal data; filled places are people.
    const kindRows = Object.values(PlacementKind).map(
      (kind) =>
        kinds.find((row) => row.kind === kind) ?? { kind, openings: 0, placesOffered: 0, placesFilled: 0 },
    );
    const placesOffered = kindRows.reduce((total, row) => total + row.placesOffered, 0);
    const placesFilled = count(kindRows.reduce((total, row) => total + row.placesFilled, 0));
    const filledByKind = breakdown(
      kindRows.map((row) => row.placesFilled),
      placesFilled.suppressed,
    );

    const decidedCount = count(proposals.confirmed + proposals.rejected);
    const [confirmedProposals, rejectedProposals] = breakdown(
      [proposals.confirmed, proposals.rejected],
      decidedCount.suppressed,
    ) as [Count, Count];
    // Confirmed proposals are the confirmed placements, shown below: a hidden rejected count must not be the shown
    // total minus them, so the total is hidden with it.
    const decided = rejectedProposals.suppressed ? SUPPRESSED : decidedCount;

    const confirmed = count(totals.confirmed);
    const ended = count(totals.completed + totals.endedEarly);
    const [completed, endedEarly] = breakdown([totals.completed, totals.endedEarly], ended.suppressed) as [
      Count,
      Count,
    ];
    const reasons = Object.values(PlacementEndReason);
    const reasonCounts = breakdown(
      reasons.map((reason) => groupRow(groups, 'END_REASON', reason).ended),
      endedEarly.suppressed,
    );
    const outcomeValues = [
      totals.work,
      totals.studies,
      totals.programme,
      totals.none,
      totals.unknown,
      totals.notRecorded,
    ];
    const [work, studies, programme, none, unknown, notRecorded] = breakdown(
      outcomeValues,
      ended.suppressed,
    ) as [Count, Count, Count, Count, Count, Count];
    const inWorkOrStudies = sum(work, studies);
    const recorded = sum(work, studies, programme, none, unknown);

    const byGroup = groupFigures(groups, {
      confirmed: { people: totals.confirmed, suppressed: confirmed.suppressed },
      ended: { people: totals.completed + totals.endedEarly, suppressed: ended.suppressed },
      inWorkOrStudies: { people: totals.work + totals.studies, suppressed: inWorkOrStudies.suppressed },
    });

    return {
      organisationId: scope.organisationId ?? null,
      municipalityCode: scope.municipalityCode ?? null,
      scopeName,
      from: input.from,
      to: input.to,
      openings: {
        published: kindRows.reduce((total, row) => total + row.openings, 0),
        placesOffered,
        placesFilled,
        fillRate: rate(placesFilled, placesOffered),
        byKind: kindRows.map((row, index) => ({
          kind: row.kind as PlacementKind,
          openings: row.openings,
          placesOffered: row.placesOffered,
          placesFilled: filledByKind[index]!,
          fillRate: rate(filledByKind[index]!, row.placesOffered),
        })),
      },
      proposals: {
        decided,
        confirmed: confirmedProposals,
        rejected: rejectedProposals,
        confirmedShare: share(confirmedProposals, decided),
      },
      placements: {
        confirmed,
        medianDaysToConfirmation: confirmed.suppressed || totals.confirmed === 0 ? null : totals.medianDays,
        ended,
        completed,
        endedEarly,
        endedEarlyByReason: reasons.map((reason, index) => ({ reason, count: reasonCounts[index]! })),
      },
      outcomes: {
        work,
        studies,
        programme,
        none,
        unknown,
        notRecorded,
        inWorkOrStudiesShare: share(inWorkOrStudies, recorded),
      },
      byEducationLevel: byGroup.EDUCATION,
      bySwedishLevel: byGroup.SWEDISH_LEVEL,
      byGender: byGroup.GENDER,
      byPriorityGroup: byGroup.PRIORITY,
      tracks: trackFigures(intakes),
    };
  }

  /** The scope asked for, once the caller may see it: a coach their own organisation or its municipality only. */
  private async scope(
    caller: Principal,
    input: KeyFiguresInput,
  ): Promise<{ scope: KeyFiguresScope; scopeName: string }> {
    const own = caller.role === Role.ADMIN ? null : await this.organisations.get(caller.organisationId);
    if (input.organisationId) {
      // A coach learns nothing about other organisations, not even whether one exists.
      if (own && input.organisationId !== own.id) {
        throw AppError.forbidden('Coaches see the key figures of their own organisation only');
      }
      const organisation = own ?? (await this.organisations.get(input.organisationId));
      return { scope: { organisationId: organisation.id }, scopeName: organisation.name };
    }
    const code = input.municipalityCode!;
    const municipality = await this.taxonomy.municipalityByCode(code);
    if (!municipality)
      throw AppError.badInput('input.municipalityCode', 'is not a municipality in the taxonomy');
    if (own && code !== own.municipalityCode) {
      throw AppError.forbidden("Coaches see the key figures of their own organisation's municipality only");
    }
    return {
      scope: { municipalityConceptId: municipality.conceptId, municipalityCode: code },
      scopeName: municipality.label,
    };
  }
}

function groupRow(rows: GroupRow[], dimension: string, group: string): GroupRow {
  return (
    rows.find((row) => row.dimension === dimension && row.group === group) ?? {
      dimension,
      group,
      confirmed: 0,
      ended: 0,
      inWorkOrStudies: 0,
    }
  );
}

type Dimension = keyof typeof GROUPS;
type Measure = 'confirmed' | 'ended' | 'inWorkOrStudies';

/**
 * Groups of different breakdowns that count the same people (the flag "women" and the gender woman, "short
 * education" and förgymnasial education agree in the records): a cell hidden in one breakdown would be given back by
 * its twin shown in the other, so the two are hidden together.
 */
const LINKED_GROUPS: ReadonlyArray<readonly [readonly [Dimension, string], readonly [Dimension, string]]> = [
  [
    ['GENDER', 'WOMAN'],
    ['PRIORITY', 'WOMAN'],
  ],
  [
    ['EDUCATION', 'FORGYMNASIAL'],
    ['PRIORITY', 'SHORT_EDUCATION'],
  ],
];

/**
 * Every group of every dimension, zeros included. Each column is suppressed as a breakdown of its total (for the
 * priority groups, which overlap, that is more than needed, and kept for one rule; each priority group is also hidden
 * when the people outside it are 1–4, which the total minus the group would give back), and linked groups
 * (LINKED_GROUPS) are hidden together, the breakdowns suppressed again until nothing more is hidden. A group's
 * people in work or studies are a part of its ended placements: hidden from the start when the rest of them (ended,
 * not in work or studies) are 1–4.
 */
function groupFigures(
  rows: GroupRow[],
  totals: Record<Measure, { people: number; suppressed: boolean }>,
): Record<Dimension, GroupFiguresType[]> {
  const dimensions = Object.keys(GROUPS) as Dimension[];
  // Read from the rows once; the suppression below may go round several times.
  const groupsByDimension = Object.fromEntries(
    dimensions.map((dimension) => [
      dimension,
      GROUPS[dimension].map(([group, label]) => ({ label, ...groupRow(rows, dimension, group) })),
    ]),
  ) as Record<Dimension, Array<GroupRow & { label: string }>>;
  const groupsOf = (dimension: Dimension) => groupsByDimension[dimension];
  const indexOf = (dimension: Dimension, group: string) =>
    GROUPS[dimension].findIndex(([name]) => name === group);
  const column = (
    measure: Measure,
    hiddenFirst: (group: GroupRow) => boolean = () => false,
  ): Record<Dimension, Count[]> => {
    const forced = Object.fromEntries(
      dimensions.map((dimension) => [
        dimension,
        new Set(groupsOf(dimension).flatMap((group, index) => (hiddenFirst(group) ? [index] : []))),
      ]),
    ) as Record<Dimension, Set<number>>;
    for (;;) {
      const cells = Object.fromEntries(
        dimensions.map((dimension) => {
          const values = groupsOf(dimension).map((group) => group[measure]);
          const shown = breakdown(values, totals[measure].suppressed, forced[dimension]);
          if (dimension === 'PRIORITY') {
            // The groups overlap, so the column does not add up to the total; but each group and the people outside
            // it do: the total minus a shown group must not give back a hidden count (12 placed, 10 of them women).
            values.forEach((value, index) => {
              const [, inPair] = breakdown(
                [totals[measure].people - value, value],
                totals[measure].suppressed,
              );
              if (inPair!.suppressed) shown[index] = SUPPRESSED;
            });
          }
          return [dimension, shown];
        }),
      ) as Record<Dimension, Count[]>;
      let more = false;
      for (const pair of LINKED_GROUPS) {
        const [a, b] = pair.map(([dimension, group]) => ({ dimension, index: indexOf(dimension, group) }));
        if (cells[a!.dimension][a!.index]!.suppressed !== cells[b!.dimension][b!.index]!.suppressed) {
          for (const { dimension, index } of [a!, b!]) forced[dimension].add(index);
          more = true;
        }
      }
      if (!more) return cells;
    }
  };
  const [confirmed, ended, inWorkOrStudies] = [
    column('confirmed'),
    column('ended'),
    column('inWorkOrStudies', (group) => count(group.ended - group.inWorkOrStudies).suppressed),
  ];
  return Object.fromEntries(
    dimensions.map((dimension) => [
      dimension,
      groupsOf(dimension).map((group, index) => ({
        group: group.group,
        label: group.label,
        placementsConfirmed: confirmed[dimension][index]!,
        placementsEnded: ended[dimension][index]!,
        inWorkOrStudies: inWorkOrStudies[dimension][index]!,
      })),
    ]),
  ) as Record<Dimension, GroupFiguresType[]>;
}

/** Tracks with their intakes; each track's filled counts are a breakdown of its total. */
function trackFigures(intakes: IntakeRow[]): TrackFiguresType[] {
  const tracks = new Map<string, IntakeRow[]>();
  for (const intake of intakes) tracks.set(intake.trackId, [...(tracks.get(intake.trackId) ?? []), intake]);
  return [...tracks.values()].map((rows) => {
    const places = rows.reduce((total, row) => total + row.places, 0);
    const filled = count(rows.reduce((total, row) => total + row.filled, 0));
    const cells = breakdown(
      rows.map((row) => row.filled),
      filled.suppressed,
    );
    return {
      trackId: rows[0]!.trackId,
      name: rows[0]!.trackName,
      places,
      filled,
      fillRate: rate(filled, places),
      intakes: rows.map((row, index) => ({
        intakeId: row.intakeId,
        startDate: row.startDate,
        places: row.places,
        filled: cells[index]!,
        fillRate: rate(cells[index]!, row.places),
      })),
    };
  });
}

/** filled / places: places are no people, so any number of them is a fine denominator; null when filled is hidden. */
function rate(filled: Count, places: number): number | null {
  if (filled.suppressed || filled.value === null || places === 0) return null;
  return Math.round((filled.value / places) * 1000) / 1000;
}
