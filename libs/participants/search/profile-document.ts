import type { Settings } from 'meilisearch';
import { filterableAttributes, type SearchDocument } from '#libs/search';
import { SWEDISH_LEVELS_ASCENDING, type SwedishLevel } from '#libs/vocabulary';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import type { PublishedRow } from '../anonymisation/anonymised-population.js';

/** What employers see of a profile, as AnonymisedProfile shows it (`id` is the pseudonym `publicId`). */
export const SHOWN_KEYS = [
  'id',
  'experience',
  'skills',
  'verifiedSkillIds',
  'educationLevel',
  'swedishLevel',
  'languages',
  'drivingLicences',
  'availability',
  'area',
  'ageBand',
  'wantedKinds',
  'summary',
] as const;

/**
 * Filter and facet attributes, each derived only from a shown value: a generalised value gives the general one
 * (county, not municipality), a hidden one gives nothing (no `swedishRank`, no area id). Never a value behind a
 * generalised one and never a coach-only attribute.
 */
export const FILTER_KEYS = [
  'occupationIds',
  'skillIds',
  'languageIds',
  'areaIds',
  'swedishRank',
  'availableFromDay',
  'licenceClasses',
] as const;

/** Every key a profile document may have: the allow-list the employer-attribute test checks. */
export const PROFILE_DOCUMENT_KEYS: readonly string[] = [...SHOWN_KEYS, ...FILTER_KEYS];

export type ProfileDocument = SearchDocument &
  Omit<AnonymisedProfileType, 'publicId'> & {
    /** Concept ids of the occupations shown under experience. */
    occupationIds: string[];
    skillIds: string[];
    /** The shown languages' concept ids: rare languages ("annat språk") have none. */
    languageIds: string[];
    /** The shown municipality and county concept ids (either or both may be hidden). */
    areaIds: string[];
    /** 0 (SFI A) … 4 (SVA); absent when the Swedish level is hidden. */
    swedishRank?: number;
    /** Days since 1970-01-01 of `availability.from`; absent when unknown. */
    availableFromDay?: number;
    /** The shown driving licence classes (as `drivingLicences`). */
    licenceClasses: string[];
  };

export function swedishRank(level: SwedishLevel): number {
  return SWEDISH_LEVELS_ASCENDING.indexOf(level);
}

export function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The document of one shown profile, from its employer view and its population row (for the area ids). */
export function profileDocument(shown: AnonymisedProfileType, row: PublishedRow): ProfileDocument {
  const { publicId, ...view } = shown;
  const areaIds = [
    view.area.municipality !== null ? row.municipality_id : null,
    view.area.county !== null ? row.county_id : null,
  ].filter((id): id is string => id !== null);
  return {
    id: publicId,
    ...view,
    experience: view.experience.map(({ occupation, yearsOfExperience }) => ({
      occupation: concept(occupation),
      yearsOfExperience,
    })),
    skills: view.skills.map(concept),
    occupationIds: view.experience.map((experience) => experience.occupation.conceptId),
    skillIds: view.skills.map((skill) => skill.conceptId),
    languageIds: view.languages.flatMap((language) => (language.conceptId ? [language.conceptId] : [])),
    areaIds,
    ...(view.swedishLevel !== null && { swedishRank: swedishRank(view.swedishLevel) }),
    ...(view.availability.from !== null && { availableFromDay: epochDay(view.availability.from) }),
    licenceClasses: view.drivingLicences,
  };
}

/** A concept as the document keeps it: the fields AnonymisedProfile shows of it. */
function concept({ conceptId, label, code }: { conceptId: string; label: string; code: string | null }) {
  return { conceptId, label, code };
}

/**
 * The profiles index settings: only shown values are searchable, filterable, sortable and displayed. Typos are
 * forgiven from 5 letters (one) and 9 (two), never in numbers; among equally good hits the one available first
 * ranks first. Synonyms come from the taxonomy (`ProfileSearchProjection.dataSettings`).
 */
export const PROFILE_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['experience.occupation.label', 'skills.label', 'summary', 'languages.label'],
  filterableAttributes: filterableAttributes({
    equality: [
      // Only to leave out the profiles an employer knows the person behind (ProfilesKnownToEmployers).
      'id',
      'occupationIds',
      'skillIds',
      'languageIds',
      'areaIds',
      'swedishLevel',
      'wantedKinds',
      'licenceClasses',
    ],
    comparison: ['swedishRank', 'availableFromDay'],
  }),
  // Facet counts only; values are never searched (the /facet-search route).
  facetSearch: false,
  sortableAttributes: ['availableFromDay', 'swedishRank'],
  displayedAttributes: [...PROFILE_DOCUMENT_KEYS],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'availableFromDay:asc'],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnNumbers: true,
  },
  faceting: { maxValuesPerFacet: 300, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
};
