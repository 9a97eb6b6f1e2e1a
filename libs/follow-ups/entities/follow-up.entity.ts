import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { FollowUpKind, FollowUpStatus, PlacementOutcome } from '../follow-up-kind.js';

/**
 * One check-in of a placement's follow-up plan. Placements import follow-ups to keep the plan, so the placement is
 * named, not imported (and read with SQL).
 */
@Entity({ name: 'follow_ups' })
@Index('uq_follow_ups_placement_kind', ['placementId', 'kind'], { unique: true })
@Index('ix_follow_ups_status_due', ['status', 'dueOn'])
@Check('ck_follow_ups_outcome', `kind = 'OUTCOME' OR outcome IS NULL`)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_follow_ups' })
  id!: string;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId!: string;

  @ManyToOne('Placement', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_follow_ups_placement' })
  placement!: unknown;

  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind!: FollowUpKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({
    type: 'enum',
    enum: FollowUpStatus,
    enumName: 'follow_up_status',
    default: FollowUpStatus.SCHEDULED,
  })
  status!: FollowUpStatus;

  @Column({ name: 'became_due_at', type: 'timestamptz', nullable: true })
  becameDueAt!: Date | null;

  /** OUTCOME only: the status 90 days after, as the coach recorded it. */
  @Column({ type: 'enum', enum: PlacementOutcome, enumName: 'placement_outcome', nullable: true })
  outcome!: PlacementOutcome | null;

  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote!: string | null;

  /** Who made it DONE (an entry answering it, or the outcome), and when. */
  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy!: string | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
