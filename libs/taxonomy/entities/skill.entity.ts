import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A JobTech skill (kompetensbegrepp). */
@Entity({ name: 'taxonomy_skills' })
// GIN trigram index on taxonomy_fold(label) for searchTaxonomy: hand-written in the TaxonomyLookup migration.
@Index('ix_taxonomy_skills_label_trgm', { synchronize: false })
export class Skill {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ type: 'text' })
  label!: string;
}
