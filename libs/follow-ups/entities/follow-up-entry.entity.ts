import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Attendance, DropoutRisk, FollowUpSide, SwedishProgress } from '../follow-up-kind.js';
import { FollowUp } from './follow-up.entity.js';

/** What one side says about how a placement goes: at a check-in or in between. */
@Entity({ name: 'follow_up_entries' })
@Index('ix_follow_up_entries_placement', ['placementId', 'createdAt'])
@Check('ck_follow_up_entries_satisfaction', 'satisfaction BETWEEN 1 AND 5')
@Check('ck_follow_up_entries_coach_note', `side = 'COACH' OR coach_note IS NULL`)
export class FollowUpEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_follow_up_entries' })
  id!: string;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId!: string;

  @ManyToOne('Placement', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_follow_up_entries_placement' })
  placement!: unknown;

  /** The check-in it answers; none for an entry in between. */
  @Column({ name: 'follow_up_id', type: 'uuid', nullable: true })
  followUpId!: string | null;

  @ManyToOne(() => FollowUp, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_entries_follow_up' })
  followUp!: FollowUp | null;

  @Column({ type: 'enum', enum: FollowUpSide, enumName: 'follow_up_side' })
  side!: FollowUpSide;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_follow_up_entries_author' })
  author!: unknown;

  @Column({ type: 'enum', enum: Attendance, enumName: 'attendance' })
  attendance!: Attendance;

  @Column({ name: 'tasks_performed', type: 'text', default: '' })
  tasksPerformed!: string;

  @Column({ name: 'swedish_progress', type: 'enum', enum: SwedishProgress, enumName: 'swedish_progress' })
  swedishProgress!: SwedishProgress;

  @Column({ type: 'smallint' })
  satisfaction!: number;

  @Column({ name: 'dropout_risk', type: 'enum', enum: DropoutRisk, enumName: 'dropout_risk' })
  dropoutRisk!: DropoutRisk;

  @Column({ type: 'text', default: '' })
  text!: string;

  /** The coach's own note: never shown to the employer side. */
  @Column({ name: 'coach_note', type: 'text', nullable: true })
  coachNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
