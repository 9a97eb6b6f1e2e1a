import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'taxonomy_languages' })
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
