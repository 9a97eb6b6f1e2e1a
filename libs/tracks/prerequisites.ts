import { meetsSwedishLevel, type SwedishLevel } from '#libs/vocabulary';

/** A track's prerequisites, with the taxonomy codes needed to compare and to explain. */
export interface TrackPrerequisites {
  minimumSwedishLevel: SwedishLevel | null;
  /** Top-level SUN 2020 education level (code 0–6). */
  minimumEducation: { sunCode: string; label: string } | null;
  requiredDrivingLicence: { conceptId: string; code: string } | null;
}

/** What the participant's competence profile says about the prerequisites. */
export interface PrerequisiteFacts {
  swedishLevel: SwedishLevel | null;
  /** SUN code of the profile's education level (any level; its first digit is the top level). */
  educationSunCode: string | null;
  drivingLicenceConceptIds: readonly string[];
}

/** One unmet prerequisite: a stable rule name and a sentence a coach understands, in English and in Swedish. */
export interface UnmetPrerequisite {
  rule: 'PREREQUISITE_SWEDISH_LEVEL' | 'PREREQUISITE_EDUCATION_LEVEL' | 'PREREQUISITE_DRIVING_LICENCE';
  message: string;
  sv: string;
}

/**
 * Every prerequisite of the track the participant does not meet (empty: eligible). An unknown value in the
 * profile does not meet a prerequisite: the coach records it first.
 */
export function unmetPrerequisites(track: TrackPrerequisites, facts: PrerequisiteFacts): UnmetPrerequisite[] {
  const unmet: UnmetPrerequisite[] = [];
  const swedish = track.minimumSwedishLevel;
  if (swedish && !(facts.swedishLevel && meetsSwedishLevel(facts.swedishLevel, swedish))) {
    unmet.push({
      rule: 'PREREQUISITE_SWEDISH_LEVEL',
      message: `the track needs Swedish at level ${swedish} or above; the profile has ${facts.swedishLevel ?? 'no Swedish level recorded'}`,
      sv: `spåret kräver svenska på nivå ${swedish} eller högre; profilen har ${facts.swedishLevel ?? 'ingen svensknivå angiven'}`,
    });
  }
  const education = track.minimumEducation;
  if (
    education &&
    !(facts.educationSunCode && topLevel(facts.educationSunCode) >= topLevel(education.sunCode))
  ) {
    unmet.push({
      rule: 'PREREQUISITE_EDUCATION_LEVEL',
      message: `the track needs at least "${education.label}" (SUN ${topLevel(education.sunCode)}); the profile has ${facts.educationSunCode ? `SUN ${topLevel(facts.educationSunCode)}` : 'no education level recorded'}`,
      sv: `spåret kräver minst "${education.label}" (SUN ${topLevel(education.sunCode)}); profilen har ${facts.educationSunCode ? `SUN ${topLevel(facts.educationSunCode)}` : 'ingen utbildningsnivå angiven'}`,
    });
  }
  const licence = track.requiredDrivingLicence;
  if (licence && !facts.drivingLicenceConceptIds.includes(licence.conceptId)) {
    unmet.push({
      rule: 'PREREQUISITE_DRIVING_LICENCE',
      message: `the track needs a driving licence of class ${licence.code}, which the profile does not list`,
      sv: `spåret kräver körkort av klass ${licence.code}, som profilen inte har`,
    });
  }
  return unmet;
}

/** The top-level SUN digit of a SUN code at any level. */
function topLevel(sunCode: string): number {
  return Number(sunCode.charAt(0));
}
