import type { TrackPrerequisites } from '#libs/tracks';
import type { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';

/** What matching reads of an opening: loaded from PostgreSQL in a few batched queries (matching-data.ts). */
export interface OpeningFacts {
  id: string;
  organisationId: string;
  kind: PlacementKind;
  occupation: { id: string; label: string; groupId: string };
  /** JobTech substitutability: occupation id of the substitute → percentage (1–100) it counts for this one. */
  substitutes: Record<string, number>;
  requiredSkills: Array<{ id: string; label: string }>;
  niceToHaveSkillIds: string[];
  minimumSwedishLevel: SwedishLevel | null;
  usefulLanguageIds: string[];
  requiredDrivingLicences: Array<{ id: string; code: string }>;
  municipalityId: string;
  countyId: string;
  weekdays: Weekday[];
  hoursPerWeek: number;
  startDate: string;
  endDate: string | null;
  /** JOBBSPAR: the prerequisites of the intake's track; null for other kinds. */
  track: TrackPrerequisites | null;
  /** JOBBSPAR: the track intake whose places the opening gives (only its enrolled participants take them). */
  trackIntakeId: string | null;
}

/** What matching reads of one competence profile, coach-only fields included (never indexed). */
export interface CandidateFacts {
  profileId: string;
  participantId: string;
  /** Status PUBLISHED and the participant not erased. */
  published: boolean;
  occupations: Array<{ id: string; groupId: string; years: number }>;
  skillIds: string[];
  languages: Array<{ id: string; level: LanguageLevel }>;
  swedishLevel: SwedishLevel | null;
  /** SUN code of the profile's education level (its first digit is the top level). */
  educationSunCode: string | null;
  drivingLicenceIds: string[];
  availableFrom: string | null;
  hoursPerWeek: number | null;
  freeWeekdays: Weekday[];
  municipalityId: string | null;
  countyId: string | null;
  travelReach: 'HOME_MUNICIPALITY' | 'HOME_COUNTY' | 'ANYWHERE';
  wantedKinds: PlacementKind[];
  /** Track intakes the participant holds a place in (enrolments not withdrawn), sorted. */
  enrolledIntakeIds: string[];
  /** PLANNED and ACTIVE placements: [start, end] (end null: open-ended). */
  occupied: Array<{ start: string; end: string | null }>;
  establishmentPeriodEndsOn: string | null;
  /** Any of the four priority-group flags (women, short education, disability, long-term assistance). */
  priorityGroup: boolean;
}
