import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Settings } from 'meilisearch';
import type { DataSource } from 'typeorm';
import {
  AsSearchProjection,
  filterableAttributes,
  SearchIndex,
  type DocumentJson,
  type SearchProjection,
} from '#libs/search';
import { SWEDISH_LEVELS_ASCENDING } from '#libs/vocabulary';
import { OPEN_END_DAYS } from '../hard-constraints.js';

/**
 * What matching retrieves candidates on: exactly the attributes of the hard constraints and of retrieval. No name,
 * personnummer, birth date, coach notes, priority or disability flag: those are read from PostgreSQL at scoring
 * time, for the retrieved candidates only. Only the worker reads this index (the API never searches it).
 */
export interface CandidateDocument {
  /** The competence profile's id. */
  id: string;
  occupationIds: string[];
  /** SSYK level 4 groups of the occupations. */
  occupationGroupIds: string[];
  skillIds: string[];
  languageIds: string[];
  /** 0 without a Swedish level, 1 (SFI A) … 5 (SVA). */
  swedishRank: number;
  /** Top-level SUN 2020 digit; null when unknown. */
  educationLevel: number | null;
  drivingLicenceIds: string[];
  /** Epoch days; null when unknown (then no opening's start is met). */
  availableFrom: number | null;
  wantedKinds: string[];
  /** The profile names no wanted kind: open to any. */
  openToAnyKind: boolean;
  municipalityId: string | null;
  countyId: string | null;
  travelReach: string;
  /**
   * Envelope (epoch days) of the participant's PLANNED and ACTIVE placements, null without any; an open end is
   * OPEN_END_DAYS. Coarse on purpose: matching checks each placement exactly afterwards.
   */
  occupiedFrom: number | null;
  occupiedUntil: number | null;
  /**
   * How many PLANNED and ACTIVE placements the envelope covers: with more than one, an opening may fit between
   * them, so retrieval leaves the decision to the exact check.
   */
  occupiedPeriods: number;
  /** Track intakes the participant holds a place in (enrolments not withdrawn): JOBBSPAR openings take only these. */
  enrolledIntakeIds: string[];
}

/** The attributes retrieval filters on with equality only, and those it compares (see candidateFilter). */
const EQUALITY: Array<keyof CandidateDocument> = [
  'occupationIds',
  'occupationGroupIds',
  'skillIds',
  'languageIds',
  'drivingLicenceIds',
  'wantedKinds',
  'openToAnyKind',
  'municipalityId',
  'countyId',
  'travelReach',
  'enrolledIntakeIds',
];
const COMPARISON: Array<keyof CandidateDocument> = [
  'swedishRank',
  'educationLevel',
  'availableFrom',
  'occupiedFrom',
  'occupiedUntil',
  'occupiedPeriods',
];

/**
 * Each document as PostgreSQL builds it, as JSON text: $1 the profile ids, $2 the Swedish levels in ascending order
 * (swedishRank), $3 OPEN_END_DAYS. Dates are epoch days (epochDays); arrays in a fixed order, so that the same
 * profile always reads the same. Only PUBLISHED profiles of participants who are not erased.
 */
const DOCUMENTS_SQL = `
  SELECT p.id, json_build_object(
           'id', p.id,
           'occupationIds', coalesce(occupations.ids, '{}'),
           'occupationGroupIds', coalesce(occupations.group_ids, '{}'),
           'skillIds', coalesce(skills.ids, '{}'),
           'languageIds', coalesce(languages.ids, '{}'),
           'swedishRank', coalesce(array_position($2::text[], p.swedish_level::text), 0),
           'educationLevel', CASE WHEN e.sun_code ~ '^[0-9]' THEN left(e.sun_code, 1)::int END,
           'drivingLicenceIds', array(SELECT unnest(p.driving_licence_concept_ids) ORDER BY 1),
           'availableFrom', p.available_from - DATE '1970-01-01',
           'wantedKinds', p.wanted_kinds::text[],
           'openToAnyKind', cardinality(p.wanted_kinds) = 0,
           'municipalityId', p.home_municipality_concept_id,
           'countyId', m.county_concept_id,
           'travelReach', p.travel_reach::text,
           'occupiedFrom', occupied.first_day,
           'occupiedUntil', occupied.last_day,
           'occupiedPeriods', coalesce(occupied.periods, 0),
           'enrolledIntakeIds', coalesce(enrolled.intake_ids, '{}')
         )::text AS document
    FROM competence_profiles p
    JOIN participants pt ON pt.id = p.participant_id
    LEFT JOIN taxonomy_municipalities m ON m.concept_id = p.home_municipality_concept_id
    LEFT JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
    LEFT JOIN (SELECT po.profile_id, array_agg(po.occupation_concept_id ORDER BY po.occupation_concept_id) AS ids,
                      array_agg(DISTINCT o.group_concept_id) AS group_ids
                 FROM profile_occupations po JOIN taxonomy_occupations o ON o.concept_id = po.occupation_concept_id
                WHERE po.profile_id = ANY($1) GROUP BY po.profile_id) occupations ON occupations.profile_id = p.id
    LEFT JOIN (SELECT profile_id, array_agg(skill_concept_id ORDER BY skill_concept_id) AS ids
                 FROM profile_skills WHERE profile_id = ANY($1) GROUP BY profile_id) skills ON skills.profile_id = p.id
    LEFT JOIN (SELECT profile_id, array_agg(language_concept_id ORDER BY language_concept_id) AS ids
                 FROM profile_languages WHERE profile_id = ANY($1) GROUP BY profile_id) languages
           ON languages.profile_id = p.id
    LEFT JOIN (SELECT own.id AS profile_id, min(pl.start_date) - DATE '1970-01-01' AS first_day,
                      max(coalesce(pl.end_date - DATE '1970-01-01', $3)) AS last_day, count(*) AS periods
                 FROM placements pl JOIN competence_profiles own ON own.participant_id = pl.participant_id
                WHERE own.id = ANY($1) AND pl.status IN ('PLANNED', 'ACTIVE') GROUP BY own.id) occupied
           ON occupied.profile_id = p.id
    LEFT JOIN (SELECT own.id AS profile_id, array_agg(te.intake_id::text ORDER BY te.intake_id) AS intake_ids
                 FROM track_enrolments te JOIN competence_profiles own ON own.participant_id = te.participant_id
                WHERE own.id = ANY($1) AND te.withdrawn_at IS NULL GROUP BY own.id) enrolled
           ON enrolled.profile_id = p.id
   WHERE p.id = ANY($1) AND p.status = 'PUBLISHED' AND pt.erased_at IS NULL`;

/**
 * One document per PUBLISHED competence profile of a participant who is not erased. PostgreSQL builds the
 * documents' JSON and the worker passes it on to Meilisearch unread (loadJson): with nothing in them to hide or to
 * generalise, parsing and serialising them again in the worker would only cost the cores Meilisearch indexes on.
 */
@Injectable()
@AsSearchProjection()
export class CandidateProjection implements SearchProjection<CandidateDocument> {
  readonly index = SearchIndex.Candidates;
  readonly settings: Settings = {
    // Retrieval is by filter only (see MatchingService.retrieve): no text is searched, so no word is indexed.
    searchableAttributes: [],
    prefixSearch: 'disabled',
    facetSearch: false,
    filterableAttributes: filterableAttributes({ equality: EQUALITY, comparison: COMPARISON }),
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: { enabled: false },
    // MATCH_CANDIDATE_LIMIT may ask for up to 10,000 candidates of one opening.
    pagination: { maxTotalHits: 10_000 },
  };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async loadJson(ids: string[]): Promise<DocumentJson[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(DOCUMENTS_SQL, [ids, SWEDISH_LEVELS_ASCENDING, OPEN_END_DAYS]);
  }

  async load(ids: string[]): Promise<CandidateDocument[]> {
    return (await this.loadJson(ids)).map((row) => JSON.parse(row.document) as CandidateDocument);
  }

  async idsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT p.id FROM competence_profiles p JOIN participants pt ON pt.id = p.participant_id
       WHERE p.status = 'PUBLISHED' AND pt.erased_at IS NULL AND ($1::uuid IS NULL OR p.id > $1::uuid)
       ORDER BY p.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  }
}
