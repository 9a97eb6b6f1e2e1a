import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { todayInSweden } from '#libs/calendar';
import type { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import type { CandidateFacts, OpeningFacts } from './match-facts.js';

/** An opening as matching loads it: the facts it scores, and whether it still takes people. */
export interface LoadedOpening {
  facts: OpeningFacts;
  status: string;
  /** PUBLISHED with places left, and its last day not passed. */
  open: boolean;
  /** Why it is not open (for the proposals it expires); null when it is. */
  closedReason: string | null;
  /**
   * Closed only because its last day has passed (still PUBLISHED, places left): employers' requests stay open, as a
   * placement may be recorded after the fact.
   */
  ended: boolean;
}

/** A profile as matching loads it: the facts it scores, and who the coaches are. */
export interface LoadedCandidate {
  facts: CandidateFacts;
  publicId: string;
  organisationId: string;
  coachId: string | null;
}

/**
 * Reads the facts matching scores from PostgreSQL, a fixed number of queries for any number of rows. The
 * placements table is read with SQL: libs/placements imports matching, so matching cannot import placements.
 */
@Injectable()
export class MatchingData {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The PUBLISHED openings with places left whose last day has not passed. */
  async openOpeningIds(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM openings
        WHERE status = 'PUBLISHED' AND places_taken < places AND (end_date IS NULL OR end_date >= $1)
        ORDER BY id`,
      [todayInSweden()],
    );
    return rows.map((row) => row.id);
  }

  async openings(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, LoadedOpening>> {
    const result = new Map<string, LoadedOpening>();
    if (ids.length === 0) return result;
    const rows: OpeningRow[] = await manager.query(
      `SELECT o.id, o.organisation_id, o.status::text AS status,
              o.places, o.places_taken, o.kind::text AS kind, o.occupation_concept_id, occ.label AS occupation_label,
              occ.group_concept_id, o.required_skill_concept_ids, o.nice_to_have_skill_concept_ids,
              o.minimum_swedish_level::text AS minimum_swedish_level, o.useful_language_concept_ids,
              o.required_driving_licence_concept_ids, o.municipality_concept_id, m.county_concept_id,
              o.weekdays::text[] AS weekdays, o.hours_per_week, o.start_date::text AS start_date,
              o.end_date::text AS end_date, o.track_intake_id,
              t.minimum_swedish_level::text AS track_swedish_level, te.sun_code AS track_sun_code,
              te.label AS track_education_label, t.required_driving_licence_concept_id AS track_licence_id,
              tl.code AS track_licence_code,
              -- The labels and codes the explanations name, and the substitutes, in the same round trip.
              (SELECT coalesce(json_object_agg(s.concept_id, s.label), '{}') FROM taxonomy_skills s
                WHERE s.concept_id = ANY(o.required_skill_concept_ids)) AS skill_labels,
              (SELECT coalesce(json_object_agg(d.concept_id, d.code), '{}') FROM taxonomy_driving_licences d
                WHERE d.concept_id = ANY(o.required_driving_licence_concept_ids)) AS licence_codes,
              (SELECT coalesce(json_object_agg(su.substitute_concept_id, su.percentage), '{}')
                 FROM taxonomy_occupation_substitutions su
                WHERE su.occupation_concept_id = o.occupation_concept_id) AS substitutes
       FROM openings o
       JOIN taxonomy_occupations occ ON occ.concept_id = o.occupation_concept_id
       JOIN taxonomy_municipalities m ON m.concept_id = o.municipality_concept_id
       LEFT JOIN track_intakes ti ON ti.id = o.track_intake_id
       LEFT JOIN tracks t ON t.id = ti.track_id
       LEFT JOIN taxonomy_education_levels te ON te.concept_id = t.minimum_education_level_concept_id
       LEFT JOIN taxonomy_driving_licences tl ON tl.concept_id = t.required_driving_licence_concept_id
       WHERE o.id = ANY($1)`,
      [ids],
    );
    const today = todayInSweden();
    for (const row of rows) {
      const jobbspar = row.kind === 'JOBBSPAR' && row.track_intake_id !== null;
      const ended = row.end_date !== null && row.end_date < today;
      const closedReason =
        row.status !== 'PUBLISHED'
          ? `the opening is ${row.status}`
          : row.places_taken >= row.places
            ? 'the opening has no places left'
            : ended
              ? `the opening ended on ${row.end_date}`
              : null;
      result.set(row.id, {
        status: row.status,
        open: closedReason === null,
        closedReason,
        ended: ended && row.status === 'PUBLISHED' && row.places_taken < row.places,
        facts: {
          id: row.id,
          organisationId: row.organisation_id,
          kind: row.kind,
          occupation: {
            id: row.occupation_concept_id,
            label: row.occupation_label,
            groupId: row.group_concept_id,
          },
          substitutes: sortedRecord(
            Object.fromEntries(
              Object.entries(row.substitutes).map(([id, percentage]) => [id, Number(percentage)]),
            ),
          ),
          requiredSkills: row.required_skill_concept_ids.map((id) => ({
            id,
            label: row.skill_labels[id] ?? id,
          })),
          niceToHaveSkillIds: row.nice_to_have_skill_concept_ids,
          minimumSwedishLevel: row.minimum_swedish_level,
          usefulLanguageIds: row.useful_language_concept_ids,
          requiredDrivingLicences: row.required_driving_licence_concept_ids.map((id) => ({
            id,
            code: row.licence_codes[id] ?? id,
          })),
          municipalityId: row.municipality_concept_id,
          countyId: row.county_concept_id,
          weekdays: row.weekdays,
          hoursPerWeek: row.hours_per_week,
          startDate: row.start_date,
          endDate: row.end_date,
          track: jobbspar
            ? {
                minimumSwedishLevel: row.track_swedish_level,
                minimumEducation:
                  row.track_sun_code !== null
                    ? { sunCode: row.track_sun_code, label: row.track_education_label ?? row.track_sun_code }
                    : null,
                requiredDrivingLicence:
                  row.track_licence_id !== null
                    ? {
                        conceptId: row.track_licence_id,
                        code: row.track_licence_code ?? row.track_licence_id,
                      }
                    : null,
              }
            : null,
          trackIntakeId: jobbspar ? row.track_intake_id : null,
        },
      });
    }
    return result;
  }

  async candidates(
    profileIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, LoadedCandidate>> {
    const result = new Map<string, LoadedCandidate>();
    if (profileIds.length === 0) return result;
    // One query: each child table read once for all the profiles and aggregated per profile, in a fixed order
    // (the facts and their hash must not depend on the order rows come in).
    const rows: ProfileRow[] = await manager.query(
      `SELECT p.id, p.participant_id, p.public_id, p.status::text AS status,
              pt.erased_at IS NOT NULL AS erased, pt.organisation_id, pt.coach_id,
              p.swedish_level::text AS swedish_level, e.sun_code, p.driving_licence_concept_ids,
              p.available_from::text AS available_from, p.hours_per_week, p.free_weekdays::text[] AS free_weekdays,
              p.home_municipality_concept_id, m.county_concept_id, p.travel_reach::text AS travel_reach,
              p.wanted_kinds::text[] AS wanted_kinds,
              p.establishment_period_ends_on::text AS establishment_period_ends_on,
              (p.priority_woman OR p.priority_short_education OR p.priority_disability
                OR p.priority_long_term_assistance) AS priority_group,
              coalesce(occupations.rows, '[]') AS occupations, coalesce(skills.ids, '{}') AS skill_ids,
              coalesce(languages.rows, '[]') AS languages, coalesce(placed.rows, '[]') AS placements,
              coalesce(enrolled.intake_ids, '{}') AS enrolled_intake_ids
       FROM competence_profiles p
       JOIN participants pt ON pt.id = p.participant_id
       LEFT JOIN taxonomy_municipalities m ON m.concept_id = p.home_municipality_concept_id
       LEFT JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
       LEFT JOIN (SELECT po.profile_id,
                         json_agg(json_build_array(po.occupation_concept_id, o.group_concept_id,
                                                   po.years_of_experience::float8)
                                  ORDER BY po.occupation_concept_id) AS rows
                    FROM profile_occupations po JOIN taxonomy_occupations o ON o.concept_id = po.occupation_concept_id
                   WHERE po.profile_id = ANY($1) GROUP BY po.profile_id) occupations ON occupations.profile_id = p.id
       LEFT JOIN (SELECT profile_id, array_agg(skill_concept_id ORDER BY skill_concept_id) AS ids
                    FROM profile_skills WHERE profile_id = ANY($1) GROUP BY profile_id) skills ON skills.profile_id = p.id
       LEFT JOIN (SELECT profile_id, json_agg(json_build_array(language_concept_id, level)
                                              ORDER BY language_concept_id) AS rows
                    FROM profile_languages WHERE profile_id = ANY($1) GROUP BY profile_id) languages
              ON languages.profile_id = p.id
       LEFT JOIN (SELECT own.id AS profile_id,
                         json_agg(json_build_array(pl.start_date, pl.end_date) ORDER BY pl.start_date, pl.id) AS rows
                    FROM placements pl JOIN competence_profiles own ON own.participant_id = pl.participant_id
                   WHERE own.id = ANY($1) AND pl.status IN ('PLANNED', 'ACTIVE') GROUP BY own.id) placed
              ON placed.profile_id = p.id
       LEFT JOIN (SELECT own.id AS profile_id, array_agg(te.intake_id::text ORDER BY te.intake_id) AS intake_ids
                    FROM track_enrolments te JOIN competence_profiles own ON own.participant_id = te.participant_id
                   WHERE own.id = ANY($1) AND te.withdrawn_at IS NULL GROUP BY own.id) enrolled
              ON enrolled.profile_id = p.id
       WHERE p.id = ANY($1)`,
      [profileIds],
    );
    for (const row of rows) {
      result.set(row.id, {
        publicId: row.public_id,
        organisationId: row.organisation_id,
        coachId: row.coach_id,
        facts: {
          profileId: row.id,
          participantId: row.participant_id,
          published: row.status === 'PUBLISHED' && !row.erased,
          occupations: row.occupations.map(([id, groupId, years]) => ({ id, groupId, years })),
          skillIds: row.skill_ids,
          languages: row.languages.map(([id, level]) => ({ id, level })),
          swedishLevel: row.swedish_level,
          educationSunCode: row.sun_code,
          drivingLicenceIds: [...row.driving_licence_concept_ids].sort(),
          availableFrom: row.available_from,
          hoursPerWeek: row.hours_per_week,
          freeWeekdays: row.free_weekdays,
          municipalityId: row.home_municipality_concept_id,
          countyId: row.county_concept_id,
          travelReach: row.travel_reach,
          wantedKinds: row.wanted_kinds,
          enrolledIntakeIds: row.enrolled_intake_ids,
          occupied: row.placements.map(([start, end]) => ({ start, end })),
          establishmentPeriodEndsOn: row.establishment_period_ends_on,
          priorityGroup: row.priority_group,
        },
      });
    }
    return result;
  }
}

/** Keys in order, so that the facts (and their hash) do not depend on the order rows came in. */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface OpeningRow {
  id: string;
  organisation_id: string;
  status: string;
  places: number;
  places_taken: number;
  kind: PlacementKind;
  occupation_concept_id: string;
  occupation_label: string;
  group_concept_id: string;
  required_skill_concept_ids: string[];
  nice_to_have_skill_concept_ids: string[];
  minimum_swedish_level: SwedishLevel | null;
  useful_language_concept_ids: string[];
  required_driving_licence_concept_ids: string[];
  municipality_concept_id: string;
  county_concept_id: string;
  weekdays: Weekday[];
  hours_per_week: number;
  start_date: string;
  end_date: string | null;
  track_intake_id: string | null;
  track_swedish_level: SwedishLevel | null;
  track_sun_code: string | null;
  track_education_label: string | null;
  track_licence_id: string | null;
  track_licence_code: string | null;
  /** Label by skill concept id, of the required skills the taxonomy has. */
  skill_labels: Record<string, string>;
  /** Class by licence concept id, of the required licences the taxonomy has. */
  licence_codes: Record<string, string>;
  /** Substitutability percentage by substitute occupation concept id. */
  substitutes: Record<string, number | string>;
}

interface ProfileRow {
  id: string;
  participant_id: string;
  public_id: string;
  status: string;
  erased: boolean;
  organisation_id: string;
  coach_id: string | null;
  swedish_level: SwedishLevel | null;
  sun_code: string | null;
  driving_licence_concept_ids: string[];
  available_from: string | null;
  hours_per_week: number | null;
  free_weekdays: Weekday[];
  home_municipality_concept_id: string | null;
  county_concept_id: string | null;
  travel_reach: CandidateFacts['travelReach'];
  wanted_kinds: PlacementKind[];
  establishment_period_ends_on: string | null;
  priority_group: boolean;
  /** [occupation concept id, SSYK group concept id, years of experience] */
  occupations: Array<[string, string, number]>;
  skill_ids: string[];
  /** [language concept id, level] */
  languages: Array<[string, LanguageLevel]>;
  /** PLANNED and ACTIVE placements of the participant: [start date, end date] */
  placements: Array<[string, string | null]>;
  /** Intakes of the participant's enrolments that are not withdrawn. */
  enrolled_intake_ids: string[];
}
