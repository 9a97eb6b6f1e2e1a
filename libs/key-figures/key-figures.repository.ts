import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SWEDISH_TIME_ZONE } from '#libs/calendar';

/** Whose figures: an organisation, or a municipality (its taxonomy concept id and kommunkod). */
export type KeyFiguresScope =
  | { organisationId: string; municipalityConceptId?: undefined; municipalityCode?: undefined }
  | { organisationId?: undefined; municipalityConceptId: string; municipalityCode: string };

export interface Period {
  from: string;
  to: string;
}

export interface OpeningKindRow {
  kind: string;
  openings: number;
  placesOffered: number;
  placesFilled: number;
}

export interface PlacementTotalsRow {
  confirmed: number;
  medianDays: number | null;
  completed: number;
  endedEarly: number;
  work: number;
  studies: number;
  programme: number;
  none: number;
  unknown: number;
  notRecorded: number;
}

/** One group of one dimension (EDUCATION, SWEDISH_LEVEL, GENDER, PRIORITY, END_REASON). */
export interface GroupRow {
  dimension: string;
  group: string;
  confirmed: number;
  ended: number;
  inWorkOrStudies: number;
}

export interface ProposalRow {
  confirmed: number;
  rejected: number;
}

export interface IntakeRow {
  trackId: string;
  trackName: string;
  intakeId: string;
  startDate: string;
  places: number;
  filled: number;
}

export interface KeyFiguresRows {
  kinds: OpeningKindRow[];
  totals: PlacementTotalsRow;
  groups: GroupRow[];
  proposals: ProposalRow;
  intakes: IntakeRow[];
}

/** A timestamp's day in Sweden, compared with the period's days. */
const IN_PERIOD = (column: string) =>
  `(${column} AT TIME ZONE '${SWEDISH_TIME_ZONE}')::date BETWEEN $1::date AND $2::date`;

/** The opening `o` is in scope: posted by the organisation ($3), or located in the municipality ($4). */
const OPENING_IN_SCOPE = `(o.organisation_id = $3::uuid OR o.municipality_concept_id = $4::text)`;

/**
 * Placements in scope, with what the figures need of each: in an opening in scope, or of a participant coached by the
 * organisation ($3) or by an organisation of the municipality ($5). The participant's groups are what their record
 * says now; an erased participant has no profile and counts under NOT_STATED.
 */
const SCOPED_PLACEMENTS = `
  WITH scoped AS (
    SELECT p.status, p.end_reason, f.outcome,
           -- A cancelled placement whose proposal was confirmed anew counts once: as the placement that replaced it.
           -- Found by opening and participant (one proposal each), not by the proposal: erasure deletes the proposals,
           -- and the placements keep no link to them.
           ${IN_PERIOD('p.confirmed_at')}
             AND NOT (p.status = 'CANCELLED' AND EXISTS (SELECT 1 FROM placements anew
                                                          WHERE anew.opening_id = p.opening_id
                                                            AND anew.participant_id = p.participant_id
                                                            AND anew.confirmed_at > p.confirmed_at))
             AS confirmed_in_period,
           p.status IN ('COMPLETED', 'ENDED_EARLY') AND p.end_date BETWEEN $1::date AND $2::date AS ended_in_period,
           extract(epoch FROM p.confirmed_at - o.published_at) / 86400 AS days_to_confirmation,
           CASE left(el.sun_code, 1)
             WHEN '0' THEN 'FORGYMNASIAL' WHEN '1' THEN 'FORGYMNASIAL' WHEN '2' THEN 'FORGYMNASIAL'
             WHEN '3' THEN 'GYMNASIAL'
             WHEN '4' THEN 'EFTERGYMNASIAL' WHEN '5' THEN 'EFTERGYMNASIAL' WHEN '6' THEN 'EFTERGYMNASIAL'
             ELSE 'NOT_STATED' END AS education,
           coalesce(cp.swedish_level::text, 'NOT_STATED') AS swedish_level,
           pa.gender::text AS gender,
           cp.participant_id IS NOT NULL AS has_profile,
           coalesce(cp.priority_woman, false) AS priority_woman,
           coalesce(cp.priority_short_education, false) AS priority_short_education,
           coalesce(cp.priority_disability, false) AS priority_disability,
           coalesce(cp.priority_long_term_assistance, false) AS priority_long_term_assistance
      FROM placements p
      JOIN openings o ON o.id = p.opening_id
      JOIN organisations coach_organisation ON coach_organisation.id = p.coach_organisation_id
      JOIN participants pa ON pa.id = p.participant_id
      LEFT JOIN competence_profiles cp ON cp.participant_id = p.participant_id
      LEFT JOIN taxonomy_education_levels el ON el.concept_id = cp.education_level_concept_id
      LEFT JOIN follow_ups f ON f.placement_id = p.id AND f.kind = 'OUTCOME'
     WHERE (${OPENING_IN_SCOPE} OR p.coach_organisation_id = $3::uuid
            OR coach_organisation.municipality_code = $5::text)
  )`;

/**
 * The key figures' reads: a handful of aggregate queries over openings, proposals, placements, outcomes and track
 * intakes. Counts only; suppression is the service's.
 */
@Injectable()
export class KeyFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every count the figures need, read in one REPEATABLE READ snapshot so that the cells of a breakdown always add up
   * to their total (a placement confirmed between two queries would otherwise break the secondary suppression).
   */
  read(scope: KeyFiguresScope, period: Period): Promise<KeyFiguresRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return {
        kinds: await this.openingsByKind(manager, scope, period),
        totals: await this.placementTotals(manager, scope, period),
        groups: await this.placementGroups(manager, scope, period),
        proposals: await this.proposals(manager, scope, period),
        intakes: await this.intakes(manager, scope, period),
      };
    });
  }

  /** $1 from, $2 to, $3 organisation id, $4 municipality concept id, $5 kommunkod (the scope's two are null). */
  private parameters(scope: KeyFiguresScope, period: Period): unknown[] {
    return [
      period.from,
      period.to,
      scope.organisationId ?? null,
      scope.municipalityConceptId ?? null,
      scope.municipalityCode ?? null,
    ];
  }

  /** Openings published in the period, by kind; a place is filled by a placement that was not cancelled. */
  private async openingsByKind(
    manager: EntityManager,
    scope: KeyFiguresScope,
    period: Period,
  ): Promise<OpeningKindRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT o.kind::text AS kind, count(*)::int AS openings, sum(o.places)::int AS "placesOffered",
              sum(LEAST(o.places, (SELECT count(*) FROM placements p
                                    WHERE p.opening_id = o.id AND p.status <> 'CANCELLED')))::int AS "placesFilled"
         FROM openings o
        WHERE o.published_at IS NOT NULL AND ${IN_PERIOD('o.published_at')} AND ${OPENING_IN_SCOPE}
        GROUP BY o.kind`,
      this.parameters(scope, period).slice(0, 4),
    );
    return rows as unknown as OpeningKindRow[];
  }

  /** Placements confirmed or ended in the period, the median days to confirmation, and the 90-day outcomes. */
  private async placementTotals(
    manager: EntityManager,
    scope: KeyFiguresScope,
    period: Period,
  ): Promise<PlacementTotalsRow> {
    const [row] = await manager.query(
      `${SCOPED_PLACEMENTS}
       SELECT count(*) FILTER (WHERE confirmed_in_period)::int AS confirmed,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_confirmation)
                     FILTER (WHERE confirmed_in_period))::numeric, 1)::float8 AS "medianDays",
              count(*) FILTER (WHERE ended_in_period AND status = 'COMPLETED')::int AS completed,
              count(*) FILTER (WHERE ended_in_period AND status = 'ENDED_EARLY')::int AS "endedEarly",
              count(*) FILTER (WHERE ended_in_period AND outcome = 'WORK')::int AS work,
              count(*) FILTER (WHERE ended_in_period AND outcome = 'STUDIES')::int AS studies,
              count(*) FILTER (WHERE ended_in_period AND outcome = 'PROGRAMME')::int AS programme,
              count(*) FILTER (WHERE ended_in_period AND outcome = 'NONE')::int AS none,
              count(*) FILTER (WHERE ended_in_period AND outcome = 'UNKNOWN')::int AS unknown,
              count(*) FILTER (WHERE ended_in_period AND outcome IS NULL)::int AS "notRecorded"
         FROM scoped`,
      this.parameters(scope, period),
    );
    return row as PlacementTotalsRow;
  }

  /**
   * The same placements counted per group of each dimension: the participant's education, Swedish level, gender and
   * priority groups (one person can be in several, or in NONE; an erased one in NOT_STATED), and the reason of an
   * early end.
   */
  private async placementGroups(
    manager: EntityManager,
    scope: KeyFiguresScope,
    period: Period,
  ): Promise<GroupRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `${SCOPED_PLACEMENTS}
       SELECT g.dimension, g.grp AS "group",
              count(*) FILTER (WHERE confirmed_in_period)::int AS confirmed,
              count(*) FILTER (WHERE ended_in_period)::int AS ended,
              count(*) FILTER (WHERE ended_in_period AND outcome IN ('WORK', 'STUDIES'))::int AS "inWorkOrStudies"
         FROM scoped
        CROSS JOIN LATERAL (VALUES
          ('EDUCATION', education),
          ('SWEDISH_LEVEL', swedish_level),
          ('GENDER', gender),
          ('PRIORITY', CASE WHEN priority_woman THEN 'WOMAN' END),
          ('PRIORITY', CASE WHEN priority_short_education THEN 'SHORT_EDUCATION' END),
          ('PRIORITY', CASE WHEN priority_disability THEN 'DISABILITY' END),
          ('PRIORITY', CASE WHEN priority_long_term_assistance THEN 'LONG_TERM_ASSISTANCE' END),
          ('PRIORITY', CASE WHEN has_profile AND NOT (priority_woman OR priority_short_education
                                      OR priority_disability OR priority_long_term_assistance) THEN 'NONE' END),
          ('PRIORITY', CASE WHEN NOT has_profile THEN 'NOT_STATED' END),
          ('END_REASON', CASE WHEN status = 'ENDED_EARLY' THEN end_reason::text END)
        ) AS g(dimension, grp)
        WHERE g.grp IS NOT NULL AND (confirmed_in_period OR ended_in_period)
        GROUP BY g.dimension, g.grp`,
      this.parameters(scope, period),
    );
    return rows as unknown as GroupRow[];
  }

  /** Match proposals decided (confirmed or rejected) in the period, in an opening in scope or of a participant in it. */
  private async proposals(
    manager: EntityManager,
    scope: KeyFiguresScope,
    period: Period,
  ): Promise<ProposalRow> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE mp.status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE mp.status = 'REJECTED')::int AS rejected
         FROM match_proposals mp
         JOIN openings o ON o.id = mp.opening_id
         JOIN participants pa ON pa.id = mp.participant_id
         JOIN organisations participant_organisation ON participant_organisation.id = pa.organisation_id
        WHERE mp.status IN ('CONFIRMED', 'REJECTED') AND ${IN_PERIOD('mp.decided_at')}
          AND (${OPENING_IN_SCOPE} OR pa.organisation_id = $3::uuid
               OR participant_organisation.municipality_code = $5::text)`,
      this.parameters(scope, period),
    );
    return row as ProposalRow;
  }

  /** Intakes starting in the period of the organisation's tracks, or of the tracks located in the municipality. */
  private async intakes(
    manager: EntityManager,
    scope: KeyFiguresScope,
    period: Period,
  ): Promise<IntakeRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT t.id AS "trackId", t.name AS "trackName", i.id AS "intakeId", i.start_date::text AS "startDate",
              i.places::int AS places, i.places_taken::int AS filled
         FROM tracks t
         JOIN track_intakes i ON i.track_id = t.id
        WHERE i.start_date BETWEEN $1::date AND $2::date
          AND (t.organisation_id = $3::uuid OR t.municipality_concept_id = $4::text)
        ORDER BY t.name, t.id, i.start_date`,
      this.parameters(scope, period).slice(0, 4),
    );
    return rows as unknown as IntakeRow[];
  }
}
