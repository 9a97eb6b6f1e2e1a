import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Settings } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { AsSearchProjection, filterableAttributes, SearchIndex, type SearchProjection } from '#libs/search';
import { OPEN_END_DAYS, epochDays, swedishRank } from '../hard-constraints.js';
import { MatchingData } from '../matching-data.js';

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
];
const COMPARISON: Array<keyof CandidateDocument> = [
  'swedishRank',
  'educationLevel',
  'availableFrom',
  'occupiedFrom',
  'occupiedUntil',
  'occupiedPeriods',
];

/** One document per PUBLISHED competence profile of a participant who is not erased. */
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: MatchingData,
  ) {}

  async load(ids: string[]): Promise<CandidateDocument[]> {
    const candidates = await this.data.candidates(ids);
    const documents: CandidateDocument[] = [];
    for (const { facts } of candidates.values()) {
      if (!facts.published) continue;
      const occupied = facts.occupied;
      documents.push({
        id: facts.profileId,
        occupationIds: facts.occupations.map((occupation) => occupation.id),
        occupationGroupIds: [...new Set(facts.occupations.map((occupation) => occupation.groupId))],
        skillIds: facts.skillIds,
        languageIds: facts.languages.map((language) => language.id),
        swedishRank: swedishRank(facts.swedishLevel),
        educationLevel: facts.educationSunCode ? Number(facts.educationSunCode.charAt(0)) : null,
        drivingLicenceIds: facts.drivingLicenceIds,
        availableFrom: facts.availableFrom ? epochDays(facts.availableFrom) : null,
        wantedKinds: facts.wantedKinds,
        openToAnyKind: facts.wantedKinds.length === 0,
        municipalityId: facts.municipalityId,
        countyId: facts.countyId,
        travelReach: facts.travelReach,
        occupiedFrom: occupied.length > 0 ? Math.min(...occupied.map((p) => epochDays(p.start))) : null,
        occupiedUntil:
          occupied.length > 0
            ? Math.max(...occupied.map((p) => (p.end ? epochDays(p.end) : OPEN_END_DAYS)))
            : null,
        occupiedPeriods: occupied.length,
      });
    }
    return documents;
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
