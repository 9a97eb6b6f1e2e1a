import type { EntityManager } from 'typeorm';
import { SWEDISH_LEVELS_ASCENDING } from '#libs/vocabulary';
import { VERIFIED_SKILLS_SQL } from '../verified-skills.js';
import type { Population, PublishedRow } from './anonymised-population.js';

/** How rare languages are shown once generalised. */
export const OTHER_LANGUAGE = 'annat språk';

/** One employer document as JSON text, under its pseudonym. */
export interface EmployerDocumentJson {
  /** The pseudonym (`publicId`), the document's id. */
  id: string;
  document: string;
}

/**
 * The allow-listed employer view of the profiles $1, built whole by PostgreSQL as one JSON document each (see
 * ProfileDocument): the view's fields under the pseudonym `id`, with the generalised values of each profile's
 * disclosure ($2–$7, one element per profile) and the filter attributes derived from shown values only (areaIds from
 * the shown area's ids $8/$9, swedishRank by the levels $10 in ascending order, occupationIds, skillIds, languageIds,
 * availableFromDay, licenceClasses). Languages in $11 are rare: however many a person has, they show as one
 * OTHER_LANGUAGE ($12) without a level when the disclosure shows rare languages, else not at all, so that the count
 * and levels of rare languages cannot single anyone out. Lists come in a fixed order (the rows come in none), so
 * that the same profile always reads the same and its content hash is stable: labels by Swedish collation, then
 * concept id; experience longest first. A concept the taxonomy lacks shows as its id rather than failing a page.
 * Each child table is read once for all the profiles and aggregated per profile. In the order of $1; a profile
 * gone since the population was read (erased) has no row.
 */
const EMPLOYER_DOCUMENTS_SQL = `
  WITH shown AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                         $8::text[], $9::text[])
           WITH ORDINALITY AS s(profile_id, age_band, municipality, county, education_level, swedish_level,
                                shows_rare_languages, municipality_id, county_id, n))
  SELECT p.public_id AS id,
         (jsonb_build_object(
            'id', p.public_id,
            'experience', coalesce(experience.rows, '[]'),
            'occupationIds', coalesce(experience.ids, '{}'),
            'skills', coalesce(skills.rows, '[]'),
            'skillIds', coalesce(skills.ids, '{}'),
            'verifiedSkillIds', coalesce(verified.ids, '{}'),
            'educationLevel', s.education_level,
            'swedishLevel', s.swedish_level,
            'languages', coalesce(languages.rows, '[]')
              || CASE WHEN s.shows_rare_languages AND languages.has_rare
                      THEN jsonb_build_array(jsonb_build_object('conceptId', NULL, 'label', $12::text, 'level', NULL))
                      ELSE '[]' END,
            'languageIds', coalesce(languages.ids, '{}'),
            'drivingLicences', licences.codes,
            'licenceClasses', licences.codes,
            'availability', jsonb_build_object('from', p.available_from::text, 'hoursPerWeek', p.hours_per_week,
                                               'freeWeekdays', p.free_weekdays::text[]),
            'area', jsonb_build_object('municipality', s.municipality, 'county', s.county),
            'areaIds', array_remove(ARRAY[CASE WHEN s.municipality IS NOT NULL THEN s.municipality_id END,
                                          CASE WHEN s.county IS NOT NULL THEN s.county_id END], NULL),
            'ageBand', s.age_band,
            'wantedKinds', p.wanted_kinds::text[],
            'summary', p.summary)
          || CASE WHEN s.swedish_level IS NULL THEN '{}'
                  ELSE jsonb_build_object('swedishRank', array_position($10::text[], s.swedish_level) - 1) END
          || CASE WHEN p.available_from IS NULL THEN '{}'
                  ELSE jsonb_build_object('availableFromDay', p.available_from - DATE '1970-01-01') END
         )::text AS document
    FROM shown s
    JOIN competence_profiles p ON p.id = s.profile_id
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(coalesce(d.code, held.id) ORDER BY held.n), '{}') AS codes
        FROM unnest(p.driving_licence_concept_ids) WITH ORDINALITY AS held(id, n)
        LEFT JOIN taxonomy_driving_licences d ON d.concept_id = held.id) licences
    LEFT JOIN (
      SELECT profile_id,
             jsonb_agg(jsonb_build_object('occupation', jsonb_build_object('conceptId', concept_id, 'label', label,
                                                                           'code', code),
                                          'yearsOfExperience', years) ORDER BY years DESC, label COLLATE "sv-x-icu",
                                                                                concept_id COLLATE "und-x-icu") AS rows,
             array_agg(concept_id ORDER BY years DESC, label COLLATE "sv-x-icu", concept_id COLLATE "und-x-icu") AS ids
        FROM (SELECT po.profile_id, po.occupation_concept_id AS concept_id,
                     coalesce(o.label, po.occupation_concept_id) AS label, g.ssyk_code AS code,
                     po.years_of_experience::float8 AS years
                FROM profile_occupations po
                LEFT JOIN taxonomy_occupations o ON o.concept_id = po.occupation_concept_id
                LEFT JOIN taxonomy_occupation_groups g ON g.concept_id = o.group_concept_id
               WHERE po.profile_id = ANY($1::uuid[])) held
       GROUP BY profile_id) experience ON experience.profile_id = p.id
    LEFT JOIN (
      SELECT profile_id,
             jsonb_agg(jsonb_build_object('conceptId', concept_id, 'label', label, 'code', NULL)
                       ORDER BY label COLLATE "sv-x-icu", concept_id COLLATE "und-x-icu") AS rows,
             array_agg(concept_id ORDER BY label COLLATE "sv-x-icu", concept_id COLLATE "und-x-icu") AS ids
        FROM (SELECT ps.profile_id, ps.skill_concept_id AS concept_id, coalesce(t.label, ps.skill_concept_id) AS label
                FROM profile_skills ps LEFT JOIN taxonomy_skills t ON t.concept_id = ps.skill_concept_id
               WHERE ps.profile_id = ANY($1::uuid[])) held
       GROUP BY profile_id) skills ON skills.profile_id = p.id
    LEFT JOIN (
      SELECT profile_id,
             jsonb_agg(jsonb_build_object('conceptId', concept_id, 'label', label, 'level', level)
                       ORDER BY label COLLATE "sv-x-icu", concept_id COLLATE "und-x-icu")
               FILTER (WHERE NOT rare) AS rows,
             array_agg(concept_id ORDER BY label COLLATE "sv-x-icu", concept_id COLLATE "und-x-icu")
               FILTER (WHERE NOT rare) AS ids,
             bool_or(rare) AS has_rare
        FROM (SELECT pl.profile_id, pl.language_concept_id AS concept_id,
                     coalesce(t.label, pl.language_concept_id) AS label, pl.level,
                     pl.language_concept_id = ANY($11::text[]) AS rare
                FROM profile_languages pl LEFT JOIN taxonomy_languages t ON t.concept_id = pl.language_concept_id
               WHERE pl.profile_id = ANY($1::uuid[])) held
       GROUP BY profile_id) languages ON languages.profile_id = p.id
    LEFT JOIN (${VERIFIED_SKILLS_SQL}) verified ON verified.profile_id = p.id
   ORDER BY s.n`;

/**
 * The employer documents of the shown `rows` of `population` (a withheld row has none), as PostgreSQL builds them:
 * the one projection of what employers see, which the employer search index receives as it is and the API parses
 * (AnonymisedPopulation.project). Only the fields named in EMPLOYER_DOCUMENTS_SQL ever leave for employers.
 */
export async function employerDocuments(
  manager: EntityManager,
  rows: readonly PublishedRow[],
  population: Population,
): Promise<EmployerDocumentJson[]> {
  const shown = rows.flatMap((row) => {
    const disclosure = population.disclosures.get(row.profile_id);
    return disclosure ? [{ row, disclosure }] : [];
  });
  if (shown.length === 0) return [];
  return manager.query(EMPLOYER_DOCUMENTS_SQL, [
    shown.map(({ row }) => row.profile_id),
    shown.map(({ disclosure }) => disclosure.ageBand),
    shown.map(({ disclosure }) => disclosure.municipality),
    shown.map(({ disclosure }) => disclosure.county),
    shown.map(({ disclosure }) => disclosure.educationLevel),
    shown.map(({ disclosure }) => disclosure.swedishLevel),
    shown.map(({ disclosure }) => disclosure.showsRareLanguages),
    shown.map(({ row }) => row.municipality_id),
    shown.map(({ row }) => row.county_id),
    SWEDISH_LEVELS_ASCENDING,
    [...population.rareLanguages],
    OTHER_LANGUAGE,
  ]);
}
