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
import { User } from '#libs/users';
import { NotificationKind } from './notification-kind.js';

/** What a notification is about: the ids its reader needs to go to it (which ones depends on its kind). */
export interface NotificationSubject {
  placementId?: string;
  followUpId?: string;
  proposalId?: string;
  participantId?: string;
}

/** An in-app notification for one user. It holds ids, not text: the text is written when it is read. */
@Entity({ name: 'notifications' })
@Index('uq_notifications_dedupe_key', ['dedupeKey'], { unique: true })
@Index('ix_notifications_user', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user!: Relation<User>;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind!: NotificationKind;

  /** Makes a repeated job a no-op: one notification per cause. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  // What it is about (NotificationSubject): ids only, no foreign keys; a row deleted later leaves the id behind.
  @Column({ name: 'placement_id', type: 'uuid', nullable: true })
  placementId!: string | null;

  @Column({ name: 'follow_up_id', type: 'uuid', nullable: true })
  followUpId!: string | null;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId!: string | null;
}
