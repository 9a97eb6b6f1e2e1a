import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '#libs/errors';
import { TAXONOMY_TABLES } from './taxonomy-tables.js';
import { TaxonomyKind } from './taxonomy-kind.js';
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

  /** The concepts of `ids` by id, in one query; unknown ids are absent from the map. */
  async concepts(
    kind: TaxonomyKind,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TaxonomyConceptType>> {
    if (ids.length === 0) return new Map();
    const label = kind === TaxonomyKind.DRIVING_LICENCE ? 'code' : 'label';
    const code = CODE_COLUMNS[kind] ?? 'NULL';
    const rows: TaxonomyConceptType[] = await manager.query(
      `SELECT concept_id AS "conceptId", ${label} AS label, ${code} AS code
       FROM ${TAXONOMY_TABLES[kind]} WHERE concept_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.conceptId, row]));
  }
}

/** The human code column of each kind, shown beside the label. */
const CODE_COLUMNS: Record<TaxonomyKind, string | null> = {
  [TaxonomyKind.OCCUPATION_GROUP]: 'ssyk_code',
  [TaxonomyKind.OCCUPATION]: null,
  [TaxonomyKind.SKILL]: null,
  [TaxonomyKind.LANGUAGE]: 'coalesce(iso_639_1, iso_639_3)',
  [TaxonomyKind.COUNTY]: 'county_code',
  [TaxonomyKind.MUNICIPALITY]: 'municipality_code',
  [TaxonomyKind.EDUCATION_LEVEL]: 'sun_code',
  [TaxonomyKind.DRIVING_LICENCE]: 'code',
};

function kindLabel(kind: TaxonomyKind): string {
  return kind.toLowerCase().replaceAll('_', ' ');
}
