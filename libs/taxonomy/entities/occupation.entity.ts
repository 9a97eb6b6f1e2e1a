import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OccupationGroup } from './occupation-group.entity.js';

/** An occupation name (what people call a job), under its SSYK level 4 group. */
@Entity({ name: 'taxonomy_occupations' })
// GIN trigram index on taxonomy_fold(label) for searchTaxonomy: hand-written in the TaxonomyLookup migration.
@Index('ix_taxonomy_occupations_label_trgm', { synchronize: false })
@Index('ix_taxonomy_occupations_group', ['groupConceptId'])
export class Occupation {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'group_concept_id', type: 'text' })
  groupConceptId!: string;

  @ManyToOne(() => OccupationGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_concept_id', foreignKeyConstraintName: 'fk_taxonomy_occupations_group' })
  group!: Relation<OccupationGroup>;

  /** In JobTech's collection "yrken utan krav på utbildning". */
  @Column({ name: 'no_education_requirement', type: 'boolean', default: false })
  noEducationRequirement!: boolean;
}
