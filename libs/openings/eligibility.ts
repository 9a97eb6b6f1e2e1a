import { lastDayWithin } from '#libs/calendar';
import type { FieldProblem } from '#libs/errors';
import { OrganisationKind } from '#libs/organisations';
import { PlacementKind } from '#libs/vocabulary';

/**
 * What the eligibility rules look at: the opening as it would be published, the kind of the organisation that
 * posts it, and — for an opening that names a track intake — whether that organisation is a partner of the track.
 */
export interface EligibilityFacts {
  kind: PlacementKind;
  organisationKind: OrganisationKind;
  hoursPerWeek: number;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string | null;
  supervisorName: string | null;
  collectiveAgreementConfirmed: boolean;
  trackIntakeId: string | null;
  /** Null when the opening names no track intake. */
  partnerOfTrack: boolean | null;
}

/** Opening fields a rule can blame; on updateOpening they are prefixed with `input.`. */
export type EligibilityField = keyof Pick<
  EligibilityFacts,
  'kind' | 'hoursPerWeek' | 'endDate' | 'supervisorName' | 'collectiveAgreementConfirmed' | 'trackIntakeId'
>;

export interface EligibilityRule {
  /** Stable name clients can rely on; it starts the error message (`EXTRATJANST_SUPERVISOR: …`). */
  name: string;
  field: EligibilityField;
  /** Why the opening breaks the rule, or null when it keeps it. */
  check(facts: EligibilityFacts): string | null;
}

/**
 * Etableringsjobb must be full time. Full time is whatever the collective agreement says (which this kind
 * requires); Swedish agreements put it between 37 hours (shift work) and the 40 hours of the Working Hours Act.
 * We accept 37 and above, which refuses every part-time post (75 % of 40 hours is 30) without refusing an
 * agreement with a shorter full-time week.
 */
export const FULL_TIME_HOURS_PER_WEEK = 37;
export const ETABLERINGSJOBB_MAX_MONTHS = 24;
export const PRAKTIK_MAX_MONTHS = 6;

const EXTRATJANST_ORGANISATION_KINDS: readonly OrganisationKind[] = [
  OrganisationKind.MUNICIPALITY,
  OrganisationKind.REGION,
  OrganisationKind.ASSOCIATION,
];

/** The kinds that last at most some months: they must end, on the day before start + months at the latest. */
const LONGEST: Partial<Record<PlacementKind, { label: string; months: number }>> = {
  [PlacementKind.PRAKTIK]: { label: 'a praktik', months: PRAKTIK_MAX_MONTHS },
  [PlacementKind.ETABLERINGSJOBB]: { label: 'an etableringsjobb', months: ETABLERINGSJOBB_MAX_MONTHS },
};

/**
 * Why a period is too long for its kind (an opening's, or a placement's moved to it), or null when it is not:
 * a praktik lasts at most PRAKTIK_MAX_MONTHS, an etableringsjobb ETABLERINGSJOBB_MAX_MONTHS, and either must end.
 */
export function durationProblem(
  kind: PlacementKind,
  startDate: string,
  endDate: string | null,
): string | null {
  const longest = LONGEST[kind];
  if (!longest) return null;
  const { label, months } = longest;
  const latest = lastDayWithin(startDate, months);
  if (!endDate)
    return `${label} lasts at most ${months} months, so it needs an end date (at the latest ${latest})`;
  if (endDate > latest)
    return `${label} lasts at most ${months} months: from ${startDate} it must end by ${latest}`;
  return null;
}

function atMostMonths(kind: PlacementKind): EligibilityRule {
  return {
    name: `${kind}_MAX_DURATION`,
    field: 'endDate',
    check: ({ startDate, endDate }) => durationProblem(kind, startDate, endDate),
  };
}

/** Rules every kind has. */
const COMMON_RULES: EligibilityRule[] = [
  {
    name: 'TRACK_INTAKE_ONLY_FOR_JOBBSPAR',
    field: 'trackIntakeId',
    check: ({ kind, trackIntakeId }) =>
      kind !== PlacementKind.JOBBSPAR && trackIntakeId
        ? 'only a JOBBSPAR opening belongs to a track intake; remove the track intake or change the kind'
        : null,
  },
];

/**
 * The eligibility rules of each placement kind, checked when an opening is published and when a published opening
 * changes. A new kind is a new entry here (the Record makes the compiler ask for it).
 */
export const ELIGIBILITY_RULES: Record<PlacementKind, readonly EligibilityRule[]> = {
  [PlacementKind.PRAKTIK]: [atMostMonths(PlacementKind.PRAKTIK)],
  [PlacementKind.EXTRATJANST]: [
    {
      name: 'EXTRATJANST_ORGANISATION_KIND',
      field: 'kind',
      check: ({ organisationKind }) =>
        EXTRATJANST_ORGANISATION_KINDS.includes(organisationKind)
          ? null
          : `only municipalities, regions and associations may offer an extratjänst; your organisation is a ${organisationKind}`,
    },
    {
      name: 'EXTRATJANST_SUPERVISOR',
      field: 'supervisorName',
      check: ({ supervisorName }) =>
        supervisorName?.trim() ? null : 'an extratjänst needs a named supervisor (handledare)',
    },
  ],
  [PlacementKind.ETABLERINGSJOBB]: [
    {
      name: 'ETABLERINGSJOBB_FULL_TIME',
      field: 'hoursPerWeek',
      check: ({ hoursPerWeek }) =>
        hoursPerWeek >= FULL_TIME_HOURS_PER_WEEK
          ? null
          : `an etableringsjobb is full time: at least ${FULL_TIME_HOURS_PER_WEEK} hours a week, not ${hoursPerWeek}`,
    },
    atMostMonths(PlacementKind.ETABLERINGSJOBB),
    {
      name: 'ETABLERINGSJOBB_COLLECTIVE_AGREEMENT',
      field: 'collectiveAgreementConfirmed',
      check: ({ collectiveAgreementConfirmed }) =>
        collectiveAgreementConfirmed
          ? null
          : 'an etableringsjobb needs your confirmation that you are bound by a collective agreement on etableringsjobb',
    },
  ],
  [PlacementKind.JOBBSPAR]: [
    {
      name: 'JOBBSPAR_TRACK_INTAKE',
      field: 'trackIntakeId',
      check: ({ trackIntakeId }) => (trackIntakeId ? null : 'a Jobbspår opening belongs to a track intake'),
    },
    {
      name: 'JOBBSPAR_TRACK_PARTNER',
      field: 'trackIntakeId',
      check: ({ trackIntakeId, partnerOfTrack }) =>
        !trackIntakeId || partnerOfTrack
          ? null
          : 'your organisation is not a partner employer of the track this intake belongs to',
    },
  ],
};

/** Every rule the opening breaks, each as its own problem on its field (prefixed with `fieldPrefix`). */
export function eligibilityProblems(facts: EligibilityFacts, fieldPrefix = ''): FieldProblem[] {
  return [...COMMON_RULES, ...ELIGIBILITY_RULES[facts.kind]].flatMap((rule) => {
    const problem = rule.check(facts);
    return problem ? [{ field: `${fieldPrefix}${rule.field}`, message: `${rule.name}: ${problem}` }] : [];
  });
}
