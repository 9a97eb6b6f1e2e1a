import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { MatchProposal } from '#libs/matching';
import { Opening } from '#libs/openings';
import { Organisation } from '#libs/organisations';
import { Participant } from '#libs/participants';
import { PlacementKind } from '#libs/vocabulary';
import { PlacementEndReason } from '../placement-end-reason.js';
import { PlacementStatus } from '../placement-status.js';

/**
 * A confirmed match: the participant takes one place of the opening for a period. PostgreSQL refuses two PLANNED or
 * ACTIVE placements of one participant whose periods overlap (exclusion constraint; an open end is open-ended), and
 * a second placement of one proposal but for cancelled ones (a proposal may be confirmed anew after a cancellation).
 */
@Entity({ name: 'placements' })
@Index('uq_placements_proposal', ['proposalId'], { unique: true, where: `status <> 'CANCELLED'` })
@Index('ix_placements_opening', ['openingId'])
@Index('ix_placements_participant', ['participantId', 'startDate'])
@Index('ix_placements_employer', ['employerOrganisationId', 'startDate'])
@Check('ck_placements_dates', 'end_date IS NULL OR end_date >= start_date')
@Check('ck_placements_end_reason', `(status = 'ENDED_EARLY') = (end_reason IS NOT NULL)`)
@Exclusion(
  'xc_placements_participant_period',
  `USING gist ("participant_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("status" IN ('PLANNED', 'ACTIVE'))`,
)
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @ManyToOne(() => MatchProposal, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_placements_proposal' })
  proposal!: Relation<MatchProposal> | null;

  @Column({ name: 'opening_id', type: 'uuid' })
  openingId!: string;

  @ManyToOne(() => Opening, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opening_id', foreignKeyConstraintName: 'fk_placements_opening' })
  opening!: Relation<Opening>;

  /** The participant row outlives erasure as a tombstone, so placements keep counting. */
  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_placements_participant' })
  participant!: Relation<Participant>;

  /** The opening's organisation (employer or association). */
  @Column({ name: 'employer_organisation_id', type: 'uuid' })
  employerOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_organisation_id', foreignKeyConstraintName: 'fk_placements_employer' })
  employerOrganisation!: Relation<Organisation>;

  /** The municipality whose coaches manage the participant. */
  @Column({ name: 'coach_organisation_id', type: 'uuid' })
  coachOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coach_organisation_id', foreignKeyConstraintName: 'fk_placements_coach_organisation' })
  coachOrganisation!: Relation<Organisation>;

  @Column({ type: 'enum', enum: PlacementKind, enumName: 'placement_kind' })
  kind!: PlacementKind;

  @Column({
    type: 'enum',
    enum: PlacementStatus,
    enumName: 'placement_status',
    default: PlacementStatus.PLANNED,
  })
  status!: PlacementStatus;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Last day; null while open-ended. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  /** Why it ended early: set exactly when the status is ENDED_EARLY. */
  @Column({
    name: 'end_reason',
    type: 'enum',
    enum: PlacementEndReason,
    enumName: 'placement_end_reason',
    nullable: true,
  })
  endReason!: PlacementEndReason | null;

  /** The coach's note on an early end or a cancellation; coaches only. */
  @Column({ name: 'end_note', type: 'text', nullable: true })
  endNote!: string | null;

  /** The coach who confirmed the match: the employer's contact once the placement is confirmed. */
  @Column({ name: 'confirmed_by', type: 'uuid' })
  confirmedBy!: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', default: () => 'now()' })
  confirmedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
