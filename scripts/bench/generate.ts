import type pg from 'pg';
import { DemoConcepts } from '#libs/demo-data';

/**
 * Generated benchmark data, written with set-based SQL (100,000 profiles in seconds rather than through the
 * services). Variety comes from the taxonomy: the occupations of the demo's occupational fields (the Jobbspår fields
 * and the service jobs) and every other occupation name of their SSYK groups, the fields' skills, the demo
 * languages, every municipality of Stockholms län, SUN top levels, Swedish levels, availability and wanted kinds.
 * No real personal data: names are "Bench Deltagare n", the personnummer envelope is one encrypted fake number.
 */

/** How common each field is among the generated people and openings (sums to 100). */
const FIELD_WEIGHTS: Record<keyof typeof DemoConcepts.FIELDS, number> = {
  CHILDREN: 15,
  CARE: 25,
  CLEANING: 15,
  KITCHEN: 15,
  SHOP: 10,
  WAREHOUSE: 10,
  PROPERTY: 10,
};

/** Stockholms län. */
const STOCKHOLM_COUNTY_CODE = '01';

/**
 * Temporary tables the generators draw from (session-scoped: call on the client that generates): one row per field
 * with its core occupations (the demo's), all occupations of their SSYK groups, its skills and its area words; the
 * municipalities of Stockholms län; languages; and a seeded random generator.
 */
export async function prepareVocabulary(client: pg.Client, seed = 0.2026): Promise<void> {
  await client.query('SELECT setseed($1)', [seed]);
  await client.query(`DROP TABLE IF EXISTS bench_field, bench_vocabulary`);
  await client.query(`CREATE TEMP TABLE bench_field (
      field int PRIMARY KEY, low float8, high float8, area text,
      core text[], occupations text[], skills text[])`);
  let low = 0;
  for (const [i, [key, field]] of Object.entries(DemoConcepts.FIELDS).entries()) {
    const weight = FIELD_WEIGHTS[key as keyof typeof FIELD_WEIGHTS] / 100;
    const core = field.occupations.map((name) => DemoConcepts.OCCUPATIONS[name].conceptId);
    const skills = field.skills.map((name) => DemoConcepts.SKILLS[name]);
    await client.query(
      `INSERT INTO bench_field
       SELECT $1, $2, $3, $4,
              (SELECT array_agg(concept_id ORDER BY concept_id) FROM taxonomy_occupations WHERE concept_id = ANY($5)),
              (SELECT array_agg(DISTINCT o.concept_id) FROM taxonomy_occupations o
                WHERE o.group_concept_id IN (SELECT group_concept_id FROM taxonomy_occupations WHERE concept_id = ANY($5))),
              (SELECT array_agg(concept_id ORDER BY concept_id) FROM taxonomy_skills WHERE concept_id = ANY($6))`,
      [i, low, low + weight, field.area, core, skills],
    );
    low += weight;
  }
  await client.query(
    `CREATE TEMP TABLE bench_vocabulary AS SELECT
       (SELECT array_agg(m.concept_id ORDER BY m.municipality_code) FROM taxonomy_municipalities m
          JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id WHERE c.county_code = $1) AS municipalities,
       (SELECT array_agg(concept_id ORDER BY concept_id) FROM taxonomy_languages WHERE concept_id = ANY($2)) AS languages,
       (SELECT concept_id FROM taxonomy_municipalities WHERE municipality_code = '0120') AS varmdo,
       (SELECT concept_id FROM taxonomy_municipalities WHERE municipality_code = '0182') AS nacka,
       (SELECT array_agg(concept_id ORDER BY sun_code) FROM taxonomy_education_levels WHERE level = 1 AND sun_code BETWEEN '1' AND '6') AS education,
       (SELECT concept_id FROM taxonomy_driving_licences WHERE code = 'B') AS licence_b,
       (SELECT concept_id FROM taxonomy_driving_licences WHERE code = 'C') AS licence_c`,
    [STOCKHOLM_COUNTY_CODE, Object.values(DemoConcepts.LANGUAGES)],
  );
  const [{ missing }] = (
    await client.query<{ missing: boolean }>(
      `SELECT (SELECT bool_or(core IS NULL OR skills IS NULL) FROM bench_field)
              OR municipalities IS NULL OR languages IS NULL OR varmdo IS NULL AS missing FROM bench_vocabulary`,
    )
  ).rows;
  if (missing) throw new Error('The taxonomy lacks concepts the benchmark needs: import it first.');
}

/** A uniformly random element of a PostgreSQL array expression. */
const pick = (array: string) => `(${array})[1 + floor(random() * cardinality(${array}))::int]`;

/**
 * `count` participants with consent and a PUBLISHED competence profile each, spread over the municipality
 * organisations that have coaches, in the temporary table bench_people (profile_id …) afterwards.
 * `personnummerEnvelope` is stored for every participant.
 */
export async function generateProfiles(
  client: pg.Client,
  count: number,
  personnummerEnvelope: string,
): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS bench_people`);
  await client.query(
    `CREATE TEMP TABLE bench_people AS
     WITH coaches AS (
       SELECT array_agg(u.id ORDER BY o.name DESC, u.id) AS coach_ids,
              array_agg(u.organisation_id ORDER BY o.name DESC, u.id) AS organisation_ids
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.role = 'COACH' AND o.kind = 'MUNICIPALITY'),
     people AS (SELECT i, random() AS r_field, floor(random() * 1000000)::int AS r_coach FROM generate_series(1, $1::int) i)
     SELECT p.i, gen_random_uuid() AS participant_id, gen_random_uuid() AS profile_id, f.field,
            c.coach_ids[1 + p.r_coach % cardinality(c.coach_ids)] AS coach_id,
            c.organisation_ids[1 + p.r_coach % cardinality(c.coach_ids)] AS organisation_id,
            CASE WHEN random() < 0.75 THEN ${pick('f.core')} ELSE ${pick('f.occupations')} END AS main_occupation,
            1 + floor(random() * 2.2)::int AS extra_occupations,
            2 + floor(random() * 5)::int AS skill_count,
            1 + floor(random() * 1.8)::int AS language_count
       FROM people p CROSS JOIN coaches c
       JOIN bench_field f ON p.r_field >= f.low AND p.r_field < f.high`,
    [count],
  );
  await client.query(
    `INSERT INTO participants (id, organisation_id, coach_id, first_name, last_name, personnummer_encrypted,
                               personnummer_hash, birth_year, consent_given_at, consent_scopes)
     SELECT participant_id, organisation_id, coach_id, 'Bench', 'Deltagare ' || i, $1,
            encode(sha256(convert_to('bench-' || participant_id, 'UTF8')), 'hex'),
            1962 + floor(random() * 44)::int, now() - interval '30 days',
            '{ANONYMISED_PROFILE,INTRODUCTION}'
       FROM bench_people`,
    [personnummerEnvelope],
  );
  const weekdays = `ARRAY(SELECT d FROM unnest('{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}'::weekday[]) d
                           WHERE random() < 0.65 AND p.i IS NOT NULL)`;
  const wanted = `array_remove(ARRAY[
        CASE WHEN random() < 0.75 THEN 'PRAKTIK' END, CASE WHEN random() < 0.45 THEN 'EXTRATJANST' END,
        CASE WHEN random() < 0.30 THEN 'JOBBSPAR' END, CASE WHEN random() < 0.15 THEN 'ETABLERINGSJOBB' END
      ]::placement_kind[], NULL)`;
  await client.query(
    `INSERT INTO competence_profiles (id, participant_id, public_id, status, education_level_concept_id,
        swedish_level, driving_licence_concept_ids, available_from, hours_per_week, free_weekdays,
        home_municipality_concept_id, travel_reach, wanted_kinds, summary, establishment_period_ends_on,
        priority_woman, priority_short_education, priority_disability, priority_long_term_assistance,
        published_at)
     SELECT p.profile_id, p.participant_id, 'MB-B' || upper(substr(md5(p.profile_id::text), 1, 11)), 'PUBLISHED',
            v.education[1 + least(floor(random() * random() * 7)::int, cardinality(v.education) - 1)],
            (SELECT CASE WHEN r < 0.2 THEN 'SFI_A' WHEN r < 0.5 THEN 'SFI_B' WHEN r < 0.75 THEN 'SFI_C'
                         WHEN r < 0.9 THEN 'SFI_D' ELSE 'SVA' END::swedish_level FROM (SELECT random() + 0 * p.i AS r) s),
            CASE WHEN random() < 0.25 THEN ARRAY[v.licence_b]
                 WHEN random() < 0.04 THEN ARRAY[v.licence_b, v.licence_c] ELSE '{}' END,
            current_date + (floor(random() * 150)::int - 60),
            (ARRAY[10, 16, 20, 24, 30, 32, 40])[1 + floor(random() * 7)::int],
            ${weekdays},
            CASE WHEN random() < 0.35 THEN v.varmdo WHEN random() < 0.15 THEN v.nacka ELSE ${pick('v.municipalities')} END,
            (ARRAY['HOME_MUNICIPALITY','HOME_COUNTY','HOME_COUNTY','ANYWHERE']::travel_reach[])[1 + floor(random() * 4)::int],
            ${wanted},
            'Erfarenhet som ' || lower(o.label) || '. Vill arbeta inom ' || f.area || '.',
            current_date + floor(random() * 700)::int,
            random() < 0.45, random() < 0.4, random() < 0.08, random() < 0.2,
            now() - interval '1 day'
       FROM bench_people p CROSS JOIN bench_vocabulary v
       JOIN bench_field f ON f.field = p.field
       JOIN taxonomy_occupations o ON o.concept_id = p.main_occupation`,
  );
  // Profiles with no weekday or wanted kind are not what a coach publishes: give them the usual ones.
  await client.query(
    `UPDATE competence_profiles SET free_weekdays = CASE WHEN cardinality(free_weekdays) = 0
              THEN '{MONDAY,WEDNESDAY,FRIDAY}' ELSE free_weekdays END,
            wanted_kinds = CASE WHEN cardinality(wanted_kinds) = 0 THEN '{PRAKTIK}' ELSE wanted_kinds END
      WHERE id IN (SELECT profile_id FROM bench_people)
        AND (cardinality(free_weekdays) = 0 OR cardinality(wanted_kinds) = 0)`,
  );
  await client.query(
    `INSERT INTO profile_occupations (profile_id, occupation_concept_id, years_of_experience)
     SELECT profile_id, main_occupation, round((0.5 + random() * 8)::numeric, 1) FROM bench_people
     UNION ALL
     SELECT p.profile_id, ${pick('f.occupations')}, round((0.5 + random() * 4)::numeric, 1)
       FROM bench_people p JOIN bench_field f ON f.field = p.field
       CROSS JOIN LATERAL generate_series(1, p.extra_occupations - 1) g
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO profile_skills (profile_id, skill_concept_id)
     SELECT p.profile_id, ${pick('f.skills')}
       FROM bench_people p JOIN bench_field f ON f.field = p.field
       CROSS JOIN LATERAL generate_series(1, p.skill_count) g
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO profile_languages (profile_id, language_concept_id, level)
     SELECT p.profile_id, ${pick('v.languages')},
            (ARRAY['NATIVE','FLUENT','GOOD','BASIC']::language_level[])[1 + floor(random() * random() * 4)::int]
       FROM bench_people p CROSS JOIN bench_vocabulary v
       CROSS JOIN LATERAL generate_series(1, p.language_count) g
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    'ANALYZE participants, competence_profiles, profile_occupations, profile_skills, profile_languages',
  );
}

/**
 * `count` PUBLISHED openings of the demo employers (companies offer praktik; associations, regions and
 * municipalities extratjänster too), drawn from the same fields, in Stockholms län. Returns their ids.
 */
export async function generateOpenings(client: pg.Client, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `WITH employers AS (
       SELECT array_agg(u.organisation_id ORDER BY u.id) AS organisation_ids, array_agg(u.id ORDER BY u.id) AS user_ids,
              array_agg(o.kind::text ORDER BY u.id) AS kinds
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.role = 'EMPLOYER'),
     drafts AS (
       SELECT i, random() AS r_field, floor(random() * 1000000)::int AS r_employer, current_date + 7 + floor(random() * 80)::int AS start_date
         FROM generate_series(1, $1::int) i),
     chosen AS (
       SELECT d.*, f.field, f.core, f.skills, e.organisation_ids[1 + d.r_employer % cardinality(e.user_ids)] AS organisation_id,
              e.user_ids[1 + d.r_employer % cardinality(e.user_ids)] AS created_by,
              e.kinds[1 + d.r_employer % cardinality(e.user_ids)] AS organisation_kind,
              ${pick('f.core')} AS occupation
         FROM drafts d CROSS JOIN employers e JOIN bench_field f ON d.r_field >= f.low AND d.r_field < f.high)
     INSERT INTO openings (organisation_id, kind, status, title, occupation_concept_id, required_skill_concept_ids,
        nice_to_have_skill_concept_ids, minimum_swedish_level, useful_language_concept_ids,
        required_driving_licence_concept_ids, municipality_concept_id, weekdays, hours_per_week, start_date, end_date,
        places, supervisor_name, contact_name, created_by, published_at)
     SELECT c.organisation_id,
            CASE WHEN c.organisation_kind <> 'COMPANY' AND random() < 0.5 THEN 'EXTRATJANST' ELSE 'PRAKTIK' END::placement_kind,
            'PUBLISHED', 'Bench: ' || o.label, c.occupation,
            ARRAY(SELECT DISTINCT ${pick('c.skills')} FROM generate_series(1, 1 + floor(random() * 3)::int + 0 * c.i)),
            ARRAY(SELECT DISTINCT ${pick('c.skills')} FROM generate_series(1, floor(random() * 3)::int + 0 * c.i)),
            (ARRAY[NULL, 'SFI_B', 'SFI_C', 'SFI_D']::swedish_level[])[1 + floor(random() * 4)::int],
            CASE WHEN random() < 0.3 THEN ARRAY[${pick('v.languages')}] ELSE '{}' END,
            CASE WHEN random() < 0.1 THEN ARRAY[v.licence_b] ELSE '{}' END,
            CASE WHEN random() < 0.5 THEN v.varmdo WHEN random() < 0.2 THEN v.nacka ELSE ${pick('v.municipalities')} END,
            (ARRAY['{MONDAY,TUESDAY,WEDNESDAY}', '{TUESDAY,THURSDAY}', '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}',
                   '{WEDNESDAY,FRIDAY}'])[1 + floor(random() * 4)::int]::weekday[],
            (ARRAY[12, 16, 20, 24, 30])[1 + floor(random() * 5)::int],
            c.start_date, c.start_date + 90, 1 + floor(random() * 3)::int, 'Bench Handledare', 'Bench Kontakt',
            c.created_by, now()
       FROM chosen c CROSS JOIN bench_vocabulary v JOIN taxonomy_occupations o ON o.concept_id = c.occupation
     RETURNING id`,
    [count],
  );
  return rows.map((row) => row.id);
}
