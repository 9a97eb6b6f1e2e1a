import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { County } from './county.entity.js';

/** A municipality (kommun). */
@Entity({ name: 'taxonomy_municipalities' })
// GIN trigram index on taxonomy_fold(label) for searchTaxonomy: hand-written in the TaxonomyLookup migration.
@Index('ix_taxonomy_municipalities_label_trgm', { synchronize: false })
@Index('uq_taxonomy_municipalities_municipality_code', ['municipalityCode'], { unique: true })
@Index('ix_taxonomy_municipalities_county', ['countyConceptId'])
@Check('ck_taxonomy_municipalities_municipality_code', `municipality_code ~ '^[0-9]{4}$'`)
export class Municipality {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  /** Kommunkod, 4 digits. */
  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'county_concept_id', type: 'text' })
  countyConceptId!: string;

  @ManyToOne(() => County, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_concept_id', foreignKeyConstraintName: 'fk_taxonomy_municipalities_county' })
  county!: Relation<County>;
}
