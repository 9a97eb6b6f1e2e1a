import type pg from 'pg';
import type { MatchWeights } from '#libs/config';

/**
 * The obvious alternative to the matching engine, for comparison only: one SQL query that applies the hard
 * constraints and computes the same components as libs/matching/scoring.ts over every published profile, and keeps
 * the top N. (No Meilisearch, no proposals written, no explanations; the track prerequisites and intake places of
 * Jobbspår places are left out, as the generated openings are praktik and extratjänster.)
 */
const QUERY = `
WITH o AS (
  SELECT op.*, m.county_concept_id AS county_id, occ.group_concept_id AS group_id,
         cardinality(op.required_skill_concept_ids) + cardinality(op.required_driving_licence_concept_ids) AS requirements
    FROM openings op
    JOIN taxonomy_municipalities m ON m.concept_id = op.municipality_concept_id
    JOIN taxonomy_occupations occ ON occ.concept_id = op.occupation_concept_id
   WHERE op.id = $1),
eligible AS (
  SELECT cp.*, hm.county_concept_id AS county_id
    FROM o
    JOIN competence_profiles cp ON cp.status = 'PUBLISHED' AND cp.available_from <= o.start_date
    JOIN participants pa ON pa.id = cp.participant_id AND pa.erased_at IS NULL
    LEFT JOIN taxonomy_municipalities hm ON hm.concept_id = cp.home_municipality_concept_id
   WHERE (o.minimum_swedish_level IS NULL OR cp.swedish_level >= o.minimum_swedish_level)
     AND (cardinality(cp.wanted_kinds) = 0 OR o.kind = ANY (cp.wanted_kinds))
     AND (cp.travel_reach = 'ANYWHERE'
          OR (cp.travel_reach = 'HOME_COUNTY' AND hm.county_concept_id = o.county_id)
          OR (cp.travel_reach = 'HOME_MUNICIPALITY' AND cp.home_municipality_concept_id = o.municipality_concept_id))
     AND NOT EXISTS (
       SELECT 1 FROM placements pl
        WHERE pl.participant_id = cp.participant_id AND pl.status IN ('PLANNED', 'ACTIVE')
          AND daterange(pl.start_date, pl.end_date, '[]') && daterange(o.start_date, o.end_date, '[]'))),
fits AS (
  SELECT e.id,
    (SELECT coalesce(max(
        (0.8 + 0.2 * least(po.years_of_experience, 3) / 3) *
        CASE WHEN po.occupation_concept_id = o.occupation_concept_id THEN 1
             WHEN pocc.group_concept_id = o.group_id THEN 0.6
             ELSE 0.7 * coalesce(s.percentage, 0) / 100 END), 0)
       FROM profile_occupations po
       JOIN taxonomy_occupations pocc ON pocc.concept_id = po.occupation_concept_id
       LEFT JOIN taxonomy_occupation_substitutions s
         ON s.occupation_concept_id = o.occupation_concept_id AND s.substitute_concept_id = po.occupation_concept_id
      WHERE po.profile_id = e.id) AS occupation,
    CASE WHEN o.requirements = 0 THEN 1 ELSE
      ((SELECT count(*) FROM profile_skills ps WHERE ps.profile_id = e.id AND ps.skill_concept_id = ANY (o.required_skill_concept_ids))
       + cardinality(ARRAY(SELECT unnest(o.required_driving_licence_concept_ids) INTERSECT SELECT unnest(e.driving_licence_concept_ids))))::float8
       / o.requirements END AS required_skills,
    CASE WHEN cardinality(o.nice_to_have_skill_concept_ids) = 0 THEN 1 ELSE
      (SELECT count(*) FROM profile_skills ps WHERE ps.profile_id = e.id AND ps.skill_concept_id = ANY (o.nice_to_have_skill_concept_ids))::float8
       / cardinality(o.nice_to_have_skill_concept_ids) END AS nice_to_have,
    (WITH r AS (SELECT array_position(enum_range(NULL::swedish_level), e.swedish_level) AS rank,
                       coalesce(array_position(enum_range(NULL::swedish_level), o.minimum_swedish_level), 0) AS minimum),
          sw AS (SELECT CASE WHEN minimum > 0 THEN CASE WHEN rank >= minimum THEN least(1, 0.6 + 0.2 * (rank - minimum)) ELSE 0 END
                             ELSE coalesce(rank, 0) / 5.0 END AS fit FROM r)
     SELECT CASE WHEN cardinality(o.useful_language_concept_ids) = 0 THEN sw.fit ELSE
              0.7 * sw.fit + 0.3 * coalesce((SELECT max(CASE WHEN pl.level = 'BASIC' THEN 0.5 ELSE 1 END) FROM profile_languages pl
                                              WHERE pl.profile_id = e.id AND pl.language_concept_id = ANY (o.useful_language_concept_ids)), 0)
            END FROM sw) AS language,
    0.6 * CASE WHEN cardinality(o.weekdays) = 0 THEN 1 WHEN cardinality(e.free_weekdays) = 0 THEN 0.5
               ELSE cardinality(ARRAY(SELECT unnest(o.weekdays) INTERSECT SELECT unnest(e.free_weekdays)))::float8 / cardinality(o.weekdays) END
      + 0.4 * CASE WHEN e.hours_per_week IS NULL THEN 0.5 ELSE least(1, e.hours_per_week::float8 / o.hours_per_week) END AS schedule,
    CASE WHEN e.home_municipality_concept_id = o.municipality_concept_id THEN 1 WHEN e.county_id = o.county_id THEN 0.5 ELSE 0 END AS distance,
    1 AS start_date,
    CASE WHEN e.establishment_period_ends_on <= $4::date + interval '7 months' THEN 1 ELSE 0 END AS urgency,
    CASE WHEN e.priority_woman OR e.priority_short_education OR e.priority_disability OR e.priority_long_term_assistance
         THEN 1 ELSE 0 END AS priority_groups,
    CASE WHEN o.kind = ANY (e.wanted_kinds) THEN 1 WHEN cardinality(e.wanted_kinds) = 0 THEN 0.5 ELSE 0 END AS wanted_kind
  FROM eligible e CROSS JOIN o)
SELECT id, round((100 * (
         w[1] * occupation + w[2] * required_skills + w[3] * nice_to_have + w[4] * language + w[5] * schedule
       + w[6] * distance + w[7] * start_date + w[8] * urgency + w[9] * priority_groups + w[10] * wanted_kind)
       / $5::float8)::numeric, 2) AS score
  FROM fits CROSS JOIN (SELECT $3::float8[] AS w) weights ORDER BY score DESC, id LIMIT $2`;

const ORDER: Array<keyof MatchWeights> = [
  'occupation',
  'requiredSkills',
  'niceToHaveSkills',
  'language',
  'schedule',
  'distance',
  'startDate',
  'urgency',
  'priorityGroups',
  'wantedKind',
];

/** The top `topN` profiles for one opening, by the query above. */
export async function matchInPostgres(
  client: pg.Client,
  openingId: string,
  topN: number,
  weights: MatchWeights,
  today: string,
): Promise<Array<{ id: string; score: string }>> {
  const vector = ORDER.map((name) => weights[name]);
  const total = vector.reduce((sum, weight) => sum + weight, 0);
  const { rows } = await client.query<{ id: string; score: string }>(QUERY, [
    openingId,
    topN,
    vector,
    today,
    total,
  ]);
  return rows;
}
