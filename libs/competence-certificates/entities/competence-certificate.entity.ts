import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { CompetenceCertificateSkill } from './competence-certificate-skill.entity.js';

/** A kompetensbevis: the skills the employer confirms a person showed in a COMPLETED placement. One per placement. */
@Entity({ name: 'competence_certificates' })
export class CompetenceCertificate {
  @PrimaryColumn({
    name: 'placement_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_competence_certificates',
  })
  placementId!: string;

  @OneToOne('Placement', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_competence_certificates_placement' })
  placement!: unknown;

  /** The employer's user who confirmed the skills (last, when corrected). */
  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'fk_competence_certificates_issuer' })
  issuer!: unknown;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @OneToMany(() => CompetenceCertificateSkill, (skill) => skill.certificate)
  skills!: Relation<CompetenceCertificateSkill>[];
}
