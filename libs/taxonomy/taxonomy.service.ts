import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '#libs/errors';
import { TAXONOMY_TABLES } from './taxonomy-tables.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import {
  CONCEPT_SQL,
  conceptColumns,
  SEARCHABLE_KINDS,
  searchSql,
  type SearchableKind,
} from './taxonomy-search.js';
import type { TaxonomyConceptType } from './dtos/taxonomy-concept.type.js';

/** Concept ids given for one input field: a single id (`input.occupationConceptId`) or a list. */
export interface ConceptReference {
  kind: TaxonomyKind;
  field: string;
  ids: string | readonly string[] | null | undefined;
}

@Injectable()
export class TaxonomyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Throws BAD_USER_INPUT naming every field that holds a concept id the taxonomy does not have, for example
   * `input.skillConceptIds[2]`. Call it before writing, so that nothing is written.
   */
  async assertKnown(
    references: ConceptReference[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const { kind, field, ids } of references) {
      if (ids === null || ids === undefined) continue;
      const list = typeof ids === 'string' ? [ids] : [...ids];
      if (list.length === 0) continue;
      const rows: { concept_id: string }[] = await manager.query(
        `SELECT concept_id FROM ${TAXONOMY_TABLES[kind]} WHERE concept_id = ANY($1::text[])`,
        [list],
      );
      const known = new Set(rows.map((row) => row.concept_id));
      list.forEach((id, index) => {
        if (known.has(id)) return;
        problems.push({
          field: typeof ids === 'string' ? field : `${field}[${index}]`,
          message: `is not a known ${kindLabel(kind)} concept id`,
        });
      });
    }
    if (problems.length > 0) throw AppError.badInputs(problems);
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
      `SELECT ${conceptColumns(kind)} FROM ${CONCEPT_SQL[kind].from} WHERE t.concept_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.conceptId, row]));
  }

  /** The labels of `ids` by id (driving licences: their class); unknown ids are absent from the map. */
  async labels(
    kind: TaxonomyKind,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const concepts = await this.concepts(kind, ids, manager);
    return new Map([...concepts].map(([id, concept]) => [id, concept.label]));
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
      `SELECT ${conceptColumns(TaxonomyKind.EDUCATION_LEVEL)} FROM ${CONCEPT_SQL[TaxonomyKind.EDUCATION_LEVEL].from}
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
      `SELECT ${conceptColumns(TaxonomyKind.DRIVING_LICENCE)} FROM ${CONCEPT_SQL[TaxonomyKind.DRIVING_LICENCE].from}
       ORDER BY length(t.code) > 3, t.code`,
    );
  }

  /** A municipality with its county, or null. */
  async municipality(
    conceptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityInfo | null> {
    return (await this.municipalities('m.concept_id = $1', conceptId, manager))[0] ?? null;
  }

  /** A municipality by its kommunkod (4 digits, for example 0120), with its county, or null. */
  async municipalityByCode(
    municipalityCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityInfo | null> {
    return (await this.municipalities('m.municipality_code = $1', municipalityCode, manager))[0] ?? null;
  }

  /**
   * The SSYK level 4 group of an occupation, or null for an unknown occupation. Its parents at levels 3, 2 and 1
   * are the groups whose codes are the prefixes of its code.
   */
  async occupationGroup(
    occupationConceptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OccupationGroupInfo | null> {
    const rows: OccupationGroupInfo[] = await manager.query(
      `SELECT g.concept_id AS "conceptId", g.ssyk_code AS "ssykCode", g.label, g.level, g.definition
       FROM taxonomy_occupations o JOIN taxonomy_occupation_groups g ON g.concept_id = o.group_concept_id
       WHERE o.concept_id = $1`,
      [occupationConceptId],
    );
    return rows[0] ?? null;
  }

  /**
   * The occupations whose experience counts for `occupationConceptId` (JobTech substitutability), most
   * substitutable first: experience as a substitute counts to `percentage` per cent.
   */
  substitutes(
    occupationConceptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OccupationSubstitute[]> {
    return manager.query(
      `SELECT o.concept_id AS "conceptId", o.label, s.percentage
       FROM taxonomy_occupation_substitutions s JOIN taxonomy_occupations o ON o.concept_id = s.substitute_concept_id
       WHERE s.occupation_concept_id = $1
       ORDER BY s.percentage DESC, o.label, o.concept_id`,
      [occupationConceptId],
    );
  }

  private async municipalities(
    where: string,
    value: string,
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

export interface OccupationGroupInfo {
  conceptId: string;
  ssykCode: string;
  label: string;
  level: number;
  definition: string | null;
}

export interface OccupationSubstitute {
  conceptId: string;
  label: string;
  /** 25, 50 or 75 in JobTech's data. */
  percentage: number;
}

const WORD_SIMILARITY_THRESHOLD = 0.5;

function isSearchable(kind: TaxonomyKind): kind is SearchableKind {
  return (SEARCHABLE_KINDS as readonly TaxonomyKind[]).includes(kind);
}

function kindLabel(kind: TaxonomyKind): string {
  return kind.toLowerCase().replaceAll('_', ' ');
}
