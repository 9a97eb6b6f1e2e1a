import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '#libs/errors';
import { CONCEPT_ID } from './concept-id.js';
import { TAXONOMY_TABLES } from './taxonomy-tables.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import {
  conceptColumns,
  conceptSource,
  SEARCHABLE_KINDS,
  searchSql,
  type SearchableKind,
} from './taxonomy-search.js';
import type { TaxonomyConceptType } from './dtos/taxonomy-concept.type.js';

/**
 * Concept ids given for one input field: a single id (`input.occupationConceptId`) or a list, each of `kind` (or of
 * any one of several kinds: an area is a municipality or a county).
 */
export interface ConceptReference {
  kind: TaxonomyKind | readonly TaxonomyKind[];
  field: string;
  ids: string | readonly string[] | null | undefined;
}

/** How long `conceptsForDisplay` serves a concept from memory. */
export const DISPLAY_CACHE_TTL_MS = 5 * 60_000;
/** At most this many concepts kept for display (the whole taxonomy has about 19,000 rows). */
const DISPLAY_CACHE_MAX = 25_000;

@Injectable()
export class TaxonomyService {
  /** Concepts read for display, by `kind:conceptId`; false: the taxonomy has no such concept of that kind. */
  private readonly displayed = new LRUCache<string, TaxonomyConceptType | false>({
    max: DISPLAY_CACHE_MAX,
    ttl: DISPLAY_CACHE_TTL_MS,
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Throws BAD_USER_INPUT naming every field that holds a concept id the taxonomy does not have, for example
   * `input.skillConceptIds[2]`. Call it before writing, so that nothing is written.
   */
  async assertKnown(
    references: ConceptReference[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const problems = await this.unknownConcepts(references, manager);
    if (problems.length > 0) throw AppError.badInputs(problems);
  }

  /**
   * What `assertKnown` would refuse, for callers that check more than concept ids before refusing. An id not even of
   * a concept id's form (`malformedConcepts`) is refused without asking PostgreSQL for it.
   */
  async unknownConcepts(
    references: ConceptReference[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldProblem[]> {
    const given = conceptLists(references);
    const wellFormed = given.map(({ list }) => list.filter((id) => CONCEPT_ID.test(id)));
    // One query for every field (none when no id is well-formed): each reference's known ids, tagged with its position.
    const rows: { reference: number; concept_id: string }[] = wellFormed.some((list) => list.length > 0)
      ? await manager.query(
          given
            .flatMap(({ kinds }, reference) =>
              kinds.map(
                (kind) =>
                  `SELECT ${reference} AS reference, concept_id FROM ${TAXONOMY_TABLES[kind]}
                    WHERE concept_id = ANY($${reference + 1}::text[])`,
              ),
            )
            .join(' UNION ALL '),
          wellFormed,
        )
      : [];
    const known = given.map(() => new Set<string>());
    for (const row of rows) known[row.reference].add(row.concept_id);
    return given.flatMap(({ kinds, list, fieldOf }, reference) =>
      list.flatMap((id, index) =>
        known[reference].has(id)
          ? []
          : [
              {
                field: fieldOf(index),
                message: CONCEPT_ID.test(id)
                  ? `is not a known ${kinds.map(kindLabel).join(' or ')} concept id`
                  : NOT_A_CONCEPT_ID,
              },
            ],
      ),
    );
  }

  /**
   * The concepts of `ids` by id, in one query; unknown ids are absent from the map. Occupations carry their SSYK
   * code, municipalities their kommunkod and county label.
   */
  async concepts(
    kind: TaxonomyKind,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TaxonomyConceptType>> {
    if (ids.length === 0) return new Map();
    const rows: TaxonomyConceptType[] = await manager.query(
      `SELECT ${conceptColumns(kind)} FROM ${conceptSource(kind)} WHERE t.concept_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.conceptId, row]));
  }

  /**
   * `concepts` of several kinds, for display (a search's facet labels), in the order of `requests`. Served from
   * memory for up to DISPLAY_CACHE_TTL_MS (the same few hundred concepts label every search); what is not there is
   * read in one query. A taxonomy import shows in these labels within that time; checks and writes never use them.
   */
  async conceptsForDisplay(
    requests: ReadonlyArray<{ kind: TaxonomyKind; ids: readonly string[] }>,
  ): Promise<Array<Map<string, TaxonomyConceptType>>> {
    const maps = requests.map(() => new Map<string, TaxonomyConceptType>());
    const parts: string[] = [];
    const parameters: string[][] = [];
    const asked = new Map<number, string[]>();
    requests.forEach(({ kind, ids }, request) => {
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const concept = this.displayed.get(`${kind}:${id}`);
        if (concept) maps[request].set(id, concept);
        else if (concept === undefined) missing.push(id);
      }
      if (missing.length === 0) return;
      asked.set(request, missing);
      parameters.push(missing);
      parts.push(
        `SELECT ${request} AS request, ${conceptColumns(kind)} FROM ${conceptSource(kind)}
          WHERE t.concept_id = ANY($${parameters.length}::text[])`,
      );
    });
    if (parts.length === 0) return maps;
    const rows: Array<TaxonomyConceptType & { request: number }> = await this.dataSource.query(
      parts.join(' UNION ALL '),
      parameters,
    );
    for (const { request, ...concept } of rows) maps[request].set(concept.conceptId, concept);
    // Absent ones are remembered too: an area facet asks for every value as a municipality and as a county.
    for (const [request, ids] of asked)
      for (const id of ids)
        this.displayed.set(`${requests[request].kind}:${id}`, maps[request].get(id) ?? false);
    return maps;
  }

  /**
   * Autocomplete: up to `first` concepts of `kind` whose label starts with `query` or has a word that does,
   * typo tolerant, best first (see `searchSql`). Only OCCUPATION, SKILL, LANGUAGE and MUNICIPALITY.
   */
  async search(kind: TaxonomyKind, query: string, first: number): Promise<TaxonomyConceptType[]> {
    if (!isSearchable(kind)) {
      throw AppError.badInput('kind', `must be one of ${SEARCHABLE_KINDS.join(', ')}`);
    }
    // pg_trgm's default word-similarity threshold (0.6) misses one-letter slips in short words ("stokholm",
    // "uppsla"); 0.5 finds them, and the ranking keeps the extra candidates below the close matches.
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      return manager.query(searchSql(kind), [query, first]);
    });
  }

  /** The top-level SUN 2020 education levels (codes 0 to 6), in order: what profiles and tracks refer to. */
  educationLevels(): Promise<TaxonomyConceptType[]> {
    return this.dataSource.query(
      `SELECT ${conceptColumns(TaxonomyKind.EDUCATION_LEVEL)} FROM ${conceptSource(TaxonomyKind.EDUCATION_LEVEL)}
       WHERE t.level = 1 ORDER BY t.sun_code`,
    );
  }

  /** Whether the concept is a top-level SUN education level (codes 0–6), the level profiles and tracks use. */
  async isTopEducationLevel(
    conceptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM taxonomy_education_levels WHERE concept_id = $1 AND level = 1',
      [conceptId],
    );
    return rows.length > 0;
  }

  /** Every driving licence class, by class (A, A1, …, B, BE, …). */
  drivingLicences(): Promise<TaxonomyConceptType[]> {
    return this.dataSource.query(
      `SELECT ${conceptColumns(TaxonomyKind.DRIVING_LICENCE)} FROM ${conceptSource(TaxonomyKind.DRIVING_LICENCE)}
       ORDER BY length(t.code) > 3, t.code`,
    );
  }

  /** A municipality with its county, or null. */
  async municipality(
    conceptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityInfo | null> {
    return (await this.municipalities([conceptId], manager)).get(conceptId) ?? null;
  }

  /** Municipalities with their counties by concept id, in one query; unknown ids are absent from the map. */
  async municipalities(
    conceptIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MunicipalityInfo>> {
    if (conceptIds.length === 0) return new Map();
    const rows = await this.municipalitiesWhere(
      'm.concept_id = ANY($1::text[])',
      [...new Set(conceptIds)],
      manager,
    );
    return new Map(rows.map((row) => [row.conceptId, row]));
  }

  /** A municipality by its kommunkod (4 digits, for example 0120), with its county, or null. */
  async municipalityByCode(
    municipalityCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityInfo | null> {
    return (await this.municipalitiesWhere('m.municipality_code = $1', municipalityCode, manager))[0] ?? null;
  }

  private async municipalitiesWhere(
    where: string,
    value: string | string[],
    manager: EntityManager,
  ): Promise<MunicipalityInfo[]> {
    const rows: Array<{
      concept_id: string;
      municipality_code: string;
      label: string;
      county_concept_id: string;
      county_code: string;
      county_label: string;
    }> = await manager.query(
      `SELECT m.concept_id, m.municipality_code, m.label,
              c.concept_id AS county_concept_id, c.county_code, c.label AS county_label
       FROM taxonomy_municipalities m JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id
       WHERE ${where}`,
      [value],
    );
    return rows.map((row) => ({
      conceptId: row.concept_id,
      municipalityCode: row.municipality_code,
      label: row.label,
      county: { conceptId: row.county_concept_id, countyCode: row.county_code, label: row.county_label },
    }));
  }
}

export interface MunicipalityInfo {
  conceptId: string;
  /** Kommunkod, 4 digits. */
  municipalityCode: string;
  label: string;
  county: { conceptId: string; /** Länskod, 2 digits. */ countyCode: string; label: string };
}

const WORD_SIMILARITY_THRESHOLD = 0.5;

function isSearchable(kind: TaxonomyKind): kind is SearchableKind {
  return (SEARCHABLE_KINDS as readonly TaxonomyKind[]).includes(kind);
}

function kindLabel(kind: TaxonomyKind): string {
  return kind.toLowerCase().replaceAll('_', ' ');
}

const NOT_A_CONCEPT_ID = 'is not a concept id';

/**
 * The given ids of each reference that has any, as a list, with the kinds they may be of and the field of each
 * (`input.occupationConceptId` for a single id, `input.skillConceptIds[2]` in a list).
 */
function conceptLists(references: ConceptReference[]) {
  return references.flatMap(({ kind, field, ids }) => {
    if (ids === null || ids === undefined) return [];
    const list = typeof ids === 'string' ? [ids] : [...ids];
    const kinds: readonly TaxonomyKind[] = typeof kind === 'string' ? [kind] : kind;
    const fieldOf = (index: number) => (typeof ids === 'string' ? field : `${field}[${index}]`);
    return list.length === 0 ? [] : [{ kinds, list, fieldOf }];
  });
}

/**
 * The ids in `references` that are not even of a concept id's form (CONCEPT_ID), each on its field, such as
 * `filter.skillConceptIds[0]`: refused at once, without a query.
 */
export function malformedConcepts(references: ConceptReference[]): FieldProblem[] {
  return conceptLists(references).flatMap(({ list, fieldOf }) =>
    list.flatMap((id, index) =>
      CONCEPT_ID.test(id) ? [] : [{ field: fieldOf(index), message: NOT_A_CONCEPT_ID }],
    ),
  );
}
