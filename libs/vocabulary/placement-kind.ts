import { registerEnumType } from '@nestjs/graphql';

/**
 * What kind of placement an opening offers and a participant wants. A new kind needs a value here and its
 * eligibility rules in `libs/openings/eligibility.ts`.
 */
export enum PlacementKind {
  /** Unpaid work-experience placement, typically 3 months, often part time beside SFI. */
  PRAKTIK = 'PRAKTIK',
  /** Subsidised welfare-sector job at a municipality, region or association, with a supervisor. */
  EXTRATJANST = 'EXTRATJANST',
  /** A place in a Jobbspår track intake: praktik, SFI and vocational Swedish combined. */
  JOBBSPAR = 'JOBBSPAR',
  /** Subsidised full-time employment under a collective agreement on etableringsjobb, at most 24 months. */
  ETABLERINGSJOBB = 'ETABLERINGSJOBB',
}

registerEnumType(PlacementKind, { name: 'PlacementKind' });

/** The Swedish name of each kind, as people write it. */
export const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = {
  [PlacementKind.PRAKTIK]: 'Praktik',
  [PlacementKind.EXTRATJANST]: 'Extratjänst',
  [PlacementKind.JOBBSPAR]: 'Jobbspår',
  [PlacementKind.ETABLERINGSJOBB]: 'Etableringsjobb',
};
