import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Skill } from '#libs/taxonomy';
import { CompetenceProfile } from './competence-profile.entity.js';

@Entity({ name: 'profile_skills' })
export class ProfileSkill {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => CompetenceProfile, (profile) => profile.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_profile_skills_profile' })
  profile!: Relation<CompetenceProfile>;

  @PrimaryColumn({ name: 'skill_concept_id', type: 'text' })
  skillConceptId!: string;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_concept_id', foreignKeyConstraintName: 'fk_profile_skills_skill' })
  skill!: Relation<Skill>;
}
