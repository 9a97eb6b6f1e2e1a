import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalDataAction } from './personal-data-action.js';

/**
 * One row per access to a participant's personal data: who, what, when. Holds ids only, never the data itself,
 * so that it survives erasure. Append-only: nothing updates or deletes these rows.
 */
@Entity({ name: 'personal_data_access_log' })
@Index('ix_personal_data_access_log_organisation', ['organisationId', 'accessedAt'])
@Index('ix_personal_data_access_log_participant', ['participantId', 'accessedAt'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The user who accessed the data. */
  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId!: string;

  /** The organisation that owns the participant: its admins can read this entry. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Column({ type: 'enum', enum: PersonalDataAction, enumName: 'personal_data_action' })
  action!: PersonalDataAction;

  /** Which personal fields, for example `personnummer`, `phone`. */
  @Column({ type: 'text', array: true })
  fields!: string[];

  /** The operation that caused it, for example `query participant`. */
  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @CreateDateColumn({ name: 'accessed_at', type: 'timestamptz' })
  accessedAt!: Date;
}
