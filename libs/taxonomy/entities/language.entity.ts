import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'taxonomy_languages' })
// GIN trigram index on taxonomy_fold(label) for searchTaxonomy: hand-written in the TaxonomyLookup migration.
@Index('ix_taxonomy_languages_label_trgm', { synchronize: false })
export class Language {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'iso_639_1', type: 'text', nullable: true })
  iso6391!: string | null;

  @Column({ name: 'iso_639_2', type: 'text', nullable: true })
  iso6392!: string | null;

  @Column({ name: 'iso_639_3', type: 'text', nullable: true })
  iso6393!: string | null;
}
