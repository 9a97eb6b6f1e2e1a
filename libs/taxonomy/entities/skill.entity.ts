import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A JobTech skill (kompetensbegrepp). */
@Entity({ name: 'taxonomy_skills' })
export class Skill {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ type: 'text' })
  label!: string;
}
