import { TaxonomyKind } from './taxonomy-kind.js';

/** The table of each concept kind; every table is keyed on `concept_id` and has a `label`-like column. */
export const TAXONOMY_TABLES: Record<TaxonomyKind, string> = {
  [TaxonomyKind.OCCUPATION_GROUP]: 'taxonomy_occupation_groups',
  [TaxonomyKind.OCCUPATION]: 'taxonomy_occupations',
  [TaxonomyKind.SKILL]: 'taxonomy_skills',
  [TaxonomyKind.LANGUAGE]: 'taxonomy_languages',
  [TaxonomyKind.COUNTY]: 'taxonomy_counties',
  [TaxonomyKind.MUNICIPALITY]: 'taxonomy_municipalities',
  [TaxonomyKind.EDUCATION_LEVEL]: 'taxonomy_education_levels',
  [TaxonomyKind.DRIVING_LICENCE]: 'taxonomy_driving_licences',
};
