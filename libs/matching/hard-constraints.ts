import { unmetPrerequisites } from '#libs/tracks';
import { SWEDISH_LEVELS_ASCENDING, meetsSwedishLevel, type SwedishLevel } from '#libs/vocabulary';
import type { UnmetRequirement } from './entities/match-proposal.entity.js';
import type { CandidateFacts, OpeningFacts } from './match-facts.js';

/** Days since 1970-01-01 of a YYYY-MM-DD date: how dates are compared in the index. */
export function epochDays(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Later than any real date: the end of an open-ended period. */
export const OPEN_END_DAYS = 999_999;

/** 0 without a level, then 1 (SFI A) … 5 (SVA). */
export function swedishRank(level: SwedishLevel | null): number {
  return level ? SWEDISH_LEVELS_ASCENDING.indexOf(level) + 1 : 0;
}

/** Whether two closed date periods overlap; a null end is open-ended. */
export function periodsOverlap(
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean {
  return a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');
}

/**
 * The hard constraints `candidate` breaks for `opening` (empty: it may be proposed). Matching filters on them in
 * Meilisearch (candidateFilter) and checks them again here on the PostgreSQL rows before it writes anything.
 */
export function brokenHardConstraints(opening: OpeningFacts, candidate: CandidateFacts): UnmetRequirement[] {
  const broken: UnmetRequirement[] = [];
  if (!candidate.published) {
    broken.push({ rule: 'PUBLISHED', sv: 'profilen är inte publicerad', en: 'the profile is not published' });
  }
  if (!candidate.availableFrom || candidate.availableFrom > opening.startDate) {
    broken.push({
      rule: 'AVAILABLE_BY_START',
      sv: `inte tillgänglig till start ${opening.startDate}`,
      en: `not available by the start on ${opening.startDate}`,
    });
  }
  const minimum = opening.minimumSwedishLevel;
  if (minimum && !(candidate.swedishLevel && meetsSwedishLevel(candidate.swedishLevel, minimum))) {
    broken.push({
      rule: 'SWEDISH_LEVEL',
      sv: `svenska under ${minimum}`,
      en: `Swedish below ${minimum}`,
    });
  }
  if (candidate.wantedKinds.length > 0 && !candidate.wantedKinds.includes(opening.kind)) {
    broken.push({
      rule: 'WANTED_KIND',
      sv: `vill inte ha ${opening.kind}`,
      en: `does not want ${opening.kind}`,
    });
  }
  if (opening.track) {
    for (const unmet of unmetPrerequisites(opening.track, {
      swedishLevel: candidate.swedishLevel,
      educationSunCode: candidate.educationSunCode,
      drivingLicenceConceptIds: candidate.drivingLicenceIds,
    })) {
      broken.push({
        rule: unmet.rule,
        sv: `uppfyller inte spårets förkunskapskrav (${unmet.sv})`,
        en: unmet.message,
      });
    }
  }
  if (opening.trackIntakeId !== null && !candidate.enrolledIntakeIds.includes(opening.trackIntakeId)) {
    broken.push({
      rule: 'ENROLLED_IN_INTAKE',
      sv: 'har ingen plats i spårets intag',
      en: "holds no place in the track's intake",
    });
  }
  const period = { start: opening.startDate, end: opening.endDate };
  if (candidate.occupied.some((placement) => periodsOverlap(placement, period))) {
    broken.push({
      rule: 'OVERLAPPING_PLACEMENT',
      sv: 'har redan en placering under perioden',
      en: 'already has a placement in the period',
    });
  }
  if (!withinReach(opening, candidate)) {
    broken.push({
      rule: 'TRAVEL_REACH',
      sv: 'platsen ligger utanför resavståndet',
      en: 'the place is beyond travel reach',
    });
  }
  return broken;
}

function withinReach(opening: OpeningFacts, candidate: CandidateFacts): boolean {
  switch (candidate.travelReach) {
    case 'ANYWHERE':
      return true;
    case 'HOME_COUNTY':
      return candidate.countyId === opening.countyId;
    case 'HOME_MUNICIPALITY':
      return candidate.municipalityId === opening.municipalityId;
  }
}

const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;

/**
 * The hard constraints as a Meilisearch filter on the candidate index (see candidate.projection.ts). Only
 * published profiles of participants who are not erased are in the index. The placement check is coarse there
 * (one envelope over a participant's placements): people with more than one placement are retrieved whatever their
 * envelope, since the opening may fit between two of them, and the exact check (brokenHardConstraints) decides.
 */
export function candidateFilter(opening: OpeningFacts): string {
  const start = epochDays(opening.startDate);
  const end = opening.endDate ? epochDays(opening.endDate) : OPEN_END_DAYS;
  const parts = [
    `availableFrom <= ${start}`,
    `(openToAnyKind = true OR wantedKinds = ${quote(opening.kind)})`,
    `(occupiedUntil IS NULL OR occupiedUntil < ${start} OR occupiedFrom > ${end} OR occupiedPeriods > 1)`,
    `(travelReach = "ANYWHERE" OR (travelReach = "HOME_COUNTY" AND countyId = ${quote(opening.countyId)}) OR (travelReach = "HOME_MUNICIPALITY" AND municipalityId = ${quote(opening.municipalityId)}))`,
  ];
  const swedish = Math.max(
    swedishRank(opening.minimumSwedishLevel),
    swedishRank(opening.track?.minimumSwedishLevel ?? null),
  );
  if (swedish > 0) parts.push(`swedishRank >= ${swedish}`);
  if (opening.track?.minimumEducation) {
    parts.push(`educationLevel >= ${Number(opening.track.minimumEducation.sunCode.charAt(0))}`);
  }
  if (opening.trackIntakeId !== null) parts.push(`enrolledIntakeIds = ${quote(opening.trackIntakeId)}`);
  if (opening.track?.requiredDrivingLicence) {
    parts.push(`drivingLicenceIds = ${quote(opening.track.requiredDrivingLicence.conceptId)}`);
  }
  return parts.join(' AND ');
}

/** Candidates whose occupations are relevant to the opening: same name, same SSYK group or a substitute. */
export function occupationFilter(opening: OpeningFacts): string {
  const names = [opening.occupation.id, ...Object.keys(opening.substitutes)];
  return `(occupationIds IN ${list(names)} OR occupationGroupIds = ${quote(opening.occupation.groupId)})`;
}

/** Candidates with at least one of the opening's skills; null when it names none. */
export function skillFilter(opening: OpeningFacts): string | null {
  const skills = [...opening.requiredSkills.map((skill) => skill.id), ...opening.niceToHaveSkillIds];
  return skills.length > 0 ? `skillIds IN ${list(skills)}` : null;
}

/** Candidates with every required skill of the opening; null when it requires none. */
export function allRequiredSkillsFilter(opening: OpeningFacts): string | null {
  const required = opening.requiredSkills.map((skill) => `skillIds = ${quote(skill.id)}`);
  return required.length > 0 ? `(${required.join(' AND ')})` : null;
}
