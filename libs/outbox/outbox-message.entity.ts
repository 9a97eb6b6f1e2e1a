import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Job } from '#libs/queue';
import type { SearchIndex } from '#libs/search';

export enum OutboxMessageKind {
  /** Put a job on its BullMQ queue. */
  Job = 'JOB',
  /** Make one document of a Meilisearch index equal to its row in PostgreSQL. */
  SearchSync = 'SEARCH_SYNC',
}

/** A job, enqueued at once or, with `notBefore` (ISO time), delayed until then; or a search sync. */
export type OutboxPayload = { job: Job; notBefore?: string } | { index: SearchIndex; id: string };

/**
 * A side effect of a committed write, waiting to be relayed by the worker. The relay claims pending messages in id
 * order: the partial index on id finds the next batch without walking past delivered ones.
 */
@Entity({ name: 'outbox_messages' })
@Index('ix_outbox_messages_pending', ['id'], { where: 'delivered_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'enum', enum: OutboxMessageKind, enumName: 'outbox_message_kind' })
  kind!: OutboxMessageKind;

  @Column({ type: 'jsonb' })
  payload!: OutboxPayload;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Not before this time: moved forward with backoff after a failed delivery. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
