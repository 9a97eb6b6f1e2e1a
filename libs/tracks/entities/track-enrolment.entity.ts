import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Participant } from '#libs/participants';
import { TrackIntake } from './track-intake.entity.js';

/** A participant's place in a track intake. Withdrawing gives the place back. */
@Entity({ name: 'track_enrolments' })
@Index('uq_track_enrolments_intake_participant', ['intakeId', 'participantId'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
@Index('ix_track_enrolments_participant', ['participantId'])
export class TrackEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'intake_id', type: 'uuid' })
  intakeId!: string;

  @ManyToOne(() => TrackIntake, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'intake_id', foreignKeyConstraintName: 'fk_track_enrolments_intake' })
  intake!: Relation<TrackIntake>;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_track_enrolments_participant' })
  participant!: Relation<Participant>;

  @Column({ name: 'enrolled_by', type: 'uuid' })
  enrolledBy!: string;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt!: Date;
}
