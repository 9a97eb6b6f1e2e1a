import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A SUN 2020 education level at any of its three levels; profiles use the top level (codes 0–6). */
@Entity({ name: 'taxonomy_education_levels' })
@Index('uq_taxonomy_education_levels_sun_code', ['sunCode'], { unique: true })
@Check('ck_taxonomy_education_levels_level', 'level BETWEEN 1 AND 3')
export class EducationLevel {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ name: 'sun_code', type: 'text' })
  sunCode!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ name: 'parent_sun_code', type: 'text', nullable: true })
  parentSunCode!: string | null;
}
