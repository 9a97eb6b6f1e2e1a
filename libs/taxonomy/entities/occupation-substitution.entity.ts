import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Occupation } from './occupation.entity.js';

/** JobTech substitutability: experience of `substitute` counts for `occupation` to `percentage` per cent. */
@Entity({ name: 'taxonomy_occupation_substitutions' })
@Index('ix_taxonomy_occupation_substitutions_substitute', ['substituteConceptId'])
@Check('ck_taxonomy_occupation_substitutions_percentage', 'percentage BETWEEN 1 AND 100')
export class OccupationSubstitution {
  @PrimaryColumn({ name: 'occupation_concept_id', type: 'text' })
  occupationConceptId!: string;

  @PrimaryColumn({ name: 'substitute_concept_id', type: 'text' })
  substituteConceptId!: string;

  @ManyToOne(() => Occupation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'occupation_concept_id',
    foreignKeyConstraintName: 'fk_taxonomy_occupation_substitutions_occupation',
  })
  occupation!: Relation<Occupation>;

  @ManyToOne(() => Occupation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'substitute_concept_id',
    foreignKeyConstraintName: 'fk_taxonomy_occupation_substitutions_substitute',
  })
  substitute!: Relation<Occupation>;

  @Column({ type: 'smallint' })
  percentage!: number;
}
