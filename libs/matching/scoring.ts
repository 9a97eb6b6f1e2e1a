import { createHash } from 'node:crypto';
import { addMonths, isoDate, parseIsoDate } from '#libs/calendar';
import type { MatchWeights } from '#libs/config';
import { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS, LanguageLevel } from '#libs/vocabulary';
import type { ScoreComponent, UnmetRequirement } from './entities/match-proposal.entity.js';
import { brokenHardConstraints, epochDays, swedishRank } from './hard-constraints.js';
import type { CandidateFacts, OpeningFacts } from './match-facts.js';

/**
 * Recorded on every proposal and part of its inputs hash; change it whenever the function below scores or explains
 * differently, so that stored proposals are written again (2: unknown free days, Swedish prerequisite texts).
 */
export const ALGORITHM_VERSION = 'matchbron-score-2';

/** Occupation fit of experience in another occupation of the same SSYK group. */
const SAME_GROUP_FIT = 0.6;
/** Occupation fit of a substitute at 100 %; JobTech's percentage scales it. */
const SUBSTITUTE_FIT = 0.7;
/** Years of experience after which the occupation fit is full; none gives 80 % of it. */
const FULL_EXPERIENCE_YEARS = 3;

export interface ScoredMatch {
  /** 0–100, two decimals. */
  score: number;
  components: ScoreComponent[];
  /** The hard constraints broken first (only an employer's request gets this far with one), then the soft ones. */
  unmet: UnmetRequirement[];
  /** The hard constraints broken: empty for every proposal matching writes. */
  broken: UnmetRequirement[];
  explanationSv: string;
  explanationEn: string;
  /** Hash of everything scored: same hash, same result. Computed on first read. */
  readonly inputsHash: string;
}

type Fit = { fit: number; sv: string; en: string };

const round2 = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Scores `candidate` for `opening`: Σ weight × fit over the components, scaled to 0–100 by the sum of the weights.
 * Pure: the same facts, weights and day give the same result. `today` (YYYY-MM-DD) only moves the urgency.
 */
export function scoreMatch(
  opening: OpeningFacts,
  candidate: CandidateFacts,
  weights: MatchWeights,
  today: string,
): ScoredMatch {
  const requirements = requirementsCover(opening, candidate);
  const fits: Record<keyof MatchWeights, Fit> = {
    occupation: occupationFit(opening, candidate),
    requiredSkills: requirements.fit,
    niceToHaveSkills: niceToHaveFit(opening, candidate),
    language: languageFit(opening, candidate),
    schedule: scheduleFit(opening, candidate),
    distance: distanceFit(opening, candidate),
    startDate: startDateFit(opening, candidate),
    urgency: urgencyFit(candidate, today),
    priorityGroups: candidate.priorityGroup
      ? { fit: 1, sv: 'tillhör en prioriterad grupp', en: 'belongs to a priority group' }
      : { fit: 0, sv: 'ingen prioriterad grupp', en: 'no priority group' },
    wantedKind: wantedKindFit(opening, candidate),
  };
  const components: ScoreComponent[] = (Object.keys(fits) as Array<keyof MatchWeights>).map((name) => {
    const { fit, sv, en } = fits[name];
    const weight = weights[name];
    return { name, weight, fit: round2(fit), points: round2(weight * fit), sv, en };
  });
  const totalWeight = components.reduce((sum, component) => sum + component.weight, 0);
  const points = components.reduce((sum, component) => sum + component.weight * component.fit, 0);
  const score = totalWeight > 0 ? round2((100 * points) / totalWeight) : 0;
  const broken = brokenHardConstraints(opening, candidate);
  const unmet = [...broken, ...requirements.unmet];
  const [explanationSv, explanationEn] = explain(requirements, broken, fits.occupation);
  // Hashed when asked for: matching scores every retrieved candidate (up to MATCH_CANDIDATE_LIMIT) but writes only
  // the best; hashing every one took about as long as scoring it.
  let inputsHash: string | undefined;
  return {
    score,
    components,
    unmet,
    broken,
    explanationSv,
    explanationEn,
    get inputsHash() {
      inputsHash ??= createHash('sha256')
        .update(
          JSON.stringify({
            algorithm: ALGORITHM_VERSION,
            weights: Object.keys(fits).map((name) => weights[name as keyof MatchWeights]),
            opening,
            candidate,
            // The day matters only through the urgency it gives.
            urgency: fits.urgency.fit,
          }),
        )
        .digest('hex');
      return inputsHash;
    },
  };
}

interface Requirements {
  fit: Fit;
  met: number;
  total: number;
  unmet: UnmetRequirement[];
}

/** The opening's requirements: its required skills and driving licences. */
function requirementsCover(opening: OpeningFacts, candidate: CandidateFacts): Requirements {
  const unmet: UnmetRequirement[] = [];
  for (const skill of opening.requiredSkills) {
    if (!candidate.skillIds.includes(skill.id)) {
      unmet.push({ rule: 'REQUIRED_SKILL', sv: skill.label, en: skill.label });
    }
  }
  for (const licence of opening.requiredDrivingLicences) {
    if (!candidate.drivingLicenceIds.includes(licence.id)) {
      unmet.push({
        rule: 'DRIVING_LICENCE',
        sv: `${licence.code}-körkort`,
        en: `driving licence ${licence.code}`,
      });
    }
  }
  const total = opening.requiredSkills.length + opening.requiredDrivingLicences.length;
  const met = total - unmet.length;
  const fit: Fit =
    total === 0
      ? { fit: 1, sv: 'inga skallkrav', en: 'no required skills' }
      : {
          fit: met / total,
          sv: `täcker ${met} av ${total} krav`,
          en: `covers ${met} of ${total} requirements`,
        };
  return { fit, met, total, unmet };
}

function occupationFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  let best: Fit = { fit: 0, sv: 'ingen erfarenhet av yrket', en: 'no experience of the occupation' };
  for (const occupation of candidate.occupations) {
    const experience =
      0.8 + (0.2 * Math.min(occupation.years, FULL_EXPERIENCE_YEARS)) / FULL_EXPERIENCE_YEARS;
    let fit: Fit | null = null;
    if (occupation.id === opening.occupation.id) {
      fit = {
        fit: experience,
        sv: `samma yrke, ${occupation.years} års erfarenhet`,
        en: `same occupation, ${occupation.years} years of experience`,
      };
    } else if (occupation.groupId === opening.occupation.groupId) {
      fit = {
        fit: SAME_GROUP_FIT * experience,
        sv: 'yrke i samma yrkesgrupp',
        en: 'occupation in the same SSYK group',
      };
    } else if (opening.substitutes[occupation.id]) {
      const percentage = opening.substitutes[occupation.id]!;
      fit = {
        fit: (SUBSTITUTE_FIT * percentage * experience) / 100,
        sv: `närliggande yrke (utbytbarhet ${percentage} %)`,
        en: `related occupation (${percentage} % substitutable)`,
      };
    }
    if (fit && fit.fit > best.fit) best = fit;
  }
  return best;
}

function niceToHaveFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  const total = opening.niceToHaveSkillIds.length;
  if (total === 0)
    return { fit: 1, sv: 'inga meriterande kompetenser efterfrågas', en: 'no nice-to-have skills asked for' };
  const met = opening.niceToHaveSkillIds.filter((id) => candidate.skillIds.includes(id)).length;
  return {
    fit: met / total,
    sv: `${met} av ${total} meriterande kompetenser`,
    en: `${met} of ${total} nice-to-have skills`,
  };
}

const LANGUAGE_LEVEL_FIT: Record<LanguageLevel, number> = {
  [LanguageLevel.BASIC]: 0.5,
  [LanguageLevel.GOOD]: 1,
  [LanguageLevel.FLUENT]: 1,
  [LanguageLevel.NATIVE]: 1,
};

/** Swedish: at the minimum 0.6, each level above it +0.2; without a minimum, the level itself. Then useful languages. */
function languageFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  const rank = swedishRank(candidate.swedishLevel);
  const minimum = swedishRank(opening.minimumSwedishLevel);
  const swedish = minimum > 0 ? (rank >= minimum ? clamp(0.6 + 0.2 * (rank - minimum)) : 0) : rank / 5;
  const level = candidate.swedishLevel ?? 'ingen nivå';
  const swedishText = {
    sv: minimum > 0 ? `svenska ${level} (krav ${opening.minimumSwedishLevel})` : `svenska ${level}`,
    en:
      minimum > 0
        ? `Swedish ${candidate.swedishLevel ?? 'no level'} (minimum ${opening.minimumSwedishLevel})`
        : `Swedish ${candidate.swedishLevel ?? 'no level'}`,
  };
  const useful = opening.usefulLanguageIds;
  if (useful.length === 0) return { fit: swedish, ...swedishText };
  const spoken = useful.map((id) => {
    const language = candidate.languages.find((candidateLanguage) => candidateLanguage.id === id);
    return language ? LANGUAGE_LEVEL_FIT[language.level] : 0;
  });
  const usefulFit = Math.max(...spoken);
  const count = spoken.filter((fit) => fit > 0).length;
  return {
    fit: 0.7 * swedish + 0.3 * usefulFit,
    sv: `${swedishText.sv}; talar ${count} av ${useful.length} användbara språk`,
    en: `${swedishText.en}; speaks ${count} of ${useful.length} useful languages`,
  };
}

/**
 * The opening's weekdays against the weekdays free from SFI (60 %), its hours against the hours per week (40 %).
 * Free weekdays not recorded (none listed) and unknown hours are half a fit each, and said to be unknown.
 */
function scheduleFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  const daysUnknown = opening.weekdays.length > 0 && candidate.freeWeekdays.length === 0;
  const freeDays = opening.weekdays.filter((day) => candidate.freeWeekdays.includes(day)).length;
  const days = opening.weekdays.length === 0 ? 1 : daysUnknown ? 0.5 : freeDays / opening.weekdays.length;
  const hours = candidate.hoursPerWeek === null ? 0.5 : clamp(candidate.hoursPerWeek / opening.hoursPerWeek);
  const daysText = daysUnknown
    ? { sv: 'lediga dagar okända', en: 'free days unknown' }
    : {
        sv: `ledig ${freeDays} av ${opening.weekdays.length} arbetsdagar`,
        en: `free ${freeDays} of ${opening.weekdays.length} workdays`,
      };
  return {
    fit: 0.6 * days + 0.4 * hours,
    sv: `${daysText.sv}, ${candidate.hoursPerWeek ?? '?'} av ${opening.hoursPerWeek} timmar i veckan`,
    en: `${daysText.en}, ${candidate.hoursPerWeek ?? '?'} of ${opening.hoursPerWeek} hours a week`,
  };
}

function distanceFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  if (candidate.municipalityId === opening.municipalityId)
    return { fit: 1, sv: 'bor i samma kommun', en: 'lives in the same municipality' };
  if (candidate.countyId === opening.countyId)
    return { fit: 0.5, sv: 'bor i samma län', en: 'lives in the same county' };
  return { fit: 0, sv: 'bor i ett annat län', en: 'lives in another county' };
}

/** Available by the start: full; later (only an employer's request gets here): less by the month. */
function startDateFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  if (!candidate.availableFrom) return { fit: 0, sv: 'okänt startdatum', en: 'unknown availability' };
  const late = epochDays(candidate.availableFrom) - epochDays(opening.startDate);
  if (late <= 0) return { fit: 1, sv: 'tillgänglig till start', en: 'available by the start' };
  return {
    fit: clamp(1 - late / 90),
    sv: `tillgänglig ${late} dagar efter start`,
    en: `available ${late} days after the start`,
  };
}

/** Urgent when the etableringsperiod ends within ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS months of today (or has ended). */
function urgencyFit(candidate: CandidateFacts, today: string): Fit {
  const ends = candidate.establishmentPeriodEndsOn;
  if (!ends)
    return { fit: 0, sv: 'ingen etableringsperiod registrerad', en: 'no establishment period recorded' };
  if (ends <= isoDate(addMonths(parseIsoDate(today), ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS))) {
    return {
      fit: 1,
      sv: `etableringsperioden slutar ${ends}`,
      en: `the establishment period ends on ${ends}`,
    };
  }
  return {
    fit: 0,
    sv: `etableringsperioden slutar senare än om ${ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS} månader`,
    en: `the establishment period ends in more than ${ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS} months`,
  };
}

function wantedKindFit(opening: OpeningFacts, candidate: CandidateFacts): Fit {
  if (candidate.wantedKinds.includes(opening.kind))
    return { fit: 1, sv: `vill ha ${opening.kind}`, en: `wants ${opening.kind}` };
  if (candidate.wantedKinds.length === 0)
    return { fit: 0.5, sv: 'öppen för alla placeringsformer', en: 'open to any kind of placement' };
  return { fit: 0, sv: `vill inte ha ${opening.kind}`, en: `does not want ${opening.kind}` };
}

/** "Täcker 4 av 5 krav; saknar B-körkort" and its English, then what breaks a hard constraint, then the occupation. */
function explain(requirements: Requirements, broken: UnmetRequirement[], occupation: Fit): [string, string] {
  const sv: string[] = [];
  const en: string[] = [];
  if (requirements.total > 0) {
    sv.push(`Täcker ${requirements.met} av ${requirements.total} krav`);
    en.push(`Covers ${requirements.met} of ${requirements.total} requirements`);
    if (requirements.unmet.length > 0) {
      sv[0] += `; saknar ${requirements.unmet.map((unmet) => unmet.sv).join(', ')}`;
      en[0] += `; lacks ${requirements.unmet.map((unmet) => unmet.en).join(', ')}`;
    }
  } else {
    sv.push('Inga skallkrav');
    en.push('No required skills');
  }
  if (broken.length > 0) {
    sv.push(`uppfyller inte: ${broken.map((unmet) => unmet.sv).join(', ')}`);
    en.push(`does not meet: ${broken.map((unmet) => unmet.en).join(', ')}`);
  }
  sv.push(occupation.sv);
  en.push(occupation.en);
  const sentences = (parts: string[]) =>
    parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('. ');
  return [sentences(sv), sentences(en)];
}

/** What a match shows of its scoring: score, breakdown, unmet requirements, explanations and version. */
export function scoringValues(scored: ScoredMatch) {
  return {
    score: scored.score,
    components: scored.components,
    unmet: scored.unmet,
    explanationSv: scored.explanationSv,
    explanationEn: scored.explanationEn,
    algorithmVersion: ALGORITHM_VERSION,
  };
}

/** What a proposal records of its scoring: what a match shows, and the hash of the inputs it was scored on. */
export function proposalValues(scored: ScoredMatch) {
  return { ...scoringValues(scored), inputsHash: scored.inputsHash };
}

/** What the proposals' ranking depends on besides the data, hashed: a short hex string. */
export function settingsFingerprint(settings: {
  topN: number;
  candidateLimit: number;
  weights: MatchWeights;
}): string {
  const weights = Object.fromEntries(Object.entries(settings.weights).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256')
    .update(JSON.stringify([ALGORITHM_VERSION, weights, settings.topN, settings.candidateLimit]))
    .digest('hex')
    .slice(0, 16);
}
