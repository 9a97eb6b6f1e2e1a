import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Occupation } from '#libs/taxonomy';
import { CompetenceProfile } from './competence-profile.entity.js';

/** An occupation the participant has worked in, with years of experience. */
@Entity({ name: 'profile_occupations' })
@Check('ck_profile_occupations_years', 'years_of_experience >= 0 AND years_of_experience <= 60')
export class ProfileOccupation {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => CompetenceProfile, (profile) => profile.occupations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_profile_occupations_profile' })
  profile!: Relation<CompetenceProfile>;

  @PrimaryColumn({ name: 'occupation_concept_id', type: 'text' })
  occupationConceptId!: string;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'occupation_concept_id',
    foreignKeyConstraintName: 'fk_profile_occupations_occupation',
  })
  occupation!: Relation<Occupation>;

  @Column({
    name: 'years_of_experience',
    type: 'numeric',
    precision: 3,
    scale: 1,
    transformer: {
      to: (value: number) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  yearsOfExperience!: number;
}
