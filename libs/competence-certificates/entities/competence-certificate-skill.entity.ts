import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Skill } from '#libs/taxonomy';
import { CompetenceCertificate } from './competence-certificate.entity.js';

/** One skill a kompetensbevis confirms. */
@Entity({ name: 'competence_certificate_skills' })
export class CompetenceCertificateSkill {
  @PrimaryColumn({
    name: 'placement_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_competence_certificate_skills',
  })
  placementId!: string;

  @ManyToOne(() => CompetenceCertificate, (certificate) => certificate.skills, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'placement_id',
    foreignKeyConstraintName: 'fk_competence_certificate_skills_certificate',
  })
  certificate!: Relation<CompetenceCertificate>;

  @PrimaryColumn({
    name: 'skill_concept_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_competence_certificate_skills',
  })
  skillConceptId!: string;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'skill_concept_id',
    foreignKeyConstraintName: 'fk_competence_certificate_skills_skill',
  })
  skill!: Relation<Skill>;
}
