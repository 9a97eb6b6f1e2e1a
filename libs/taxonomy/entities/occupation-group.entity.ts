import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An SSYK 2012 group at any of its four levels (1 digit to 4 digits). */
@Entity({ name: 'taxonomy_occupation_groups' })
@Index('uq_taxonomy_occupation_groups_ssyk_code', ['ssykCode'], { unique: true })
@Check('ck_taxonomy_occupation_groups_level', 'level BETWEEN 1 AND 4 AND length(ssyk_code) = level')
export class OccupationGroup {
  /** JobTech concept id. */
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  @Column({ name: 'ssyk_code', type: 'text' })
  ssykCode!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'smallint' })
  level!: number;

  /** Only level 4 groups have one. */
  @Column({ type: 'text', nullable: true })
  definition!: string | null;
}
