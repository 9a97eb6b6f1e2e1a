import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#libs/config';
import { QueueService, type Job } from '#libs/queue';
import { SearchIndexer, type SearchIndex } from '#libs/search';
import { OutboxMessageKind } from './outbox-message.entity.js';
import { OUTBOX_CHANNEL } from './outbox.service.js';

interface ClaimedMessage {
  id: string;
  kind: OutboxMessageKind;
  payload: { job: Job; notBefore?: string } & { index: SearchIndex; id: string };
  attempts: number;
}

/** Seconds to wait before the next attempt after `attempts` failed ones: 2, 4, 8 … up to `max`, ±25 % jitter. */
export function backoffSeconds(attempts: number, max: number): number {
  return Math.min(2 ** attempts, max) * (0.75 + Math.random() * 0.5);
}

/**
 * Delivers outbox messages to BullMQ and Meilisearch (worker only). Batches are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several workers, and OUTBOX_CONCURRENCY loops in each, share the work and no message
 * is delivered by two at once.
 * A message is marked delivered only after its target confirmed it; on failure it is retried with backoff.
 * Targets are idempotent (deterministic job ids, document upserts), so a crash between delivery and
 * commit repeats a delivery without doubling its effect.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loops: Promise<void>[] = [];
  /** Idle loops, woken by a notification or at shutdown. */
  private readonly sleepers = new Set<() => void>();
  /** A notification arrived while a batch was running: relay again at once instead of idling. */
  private notified = false;
  private listener?: pg.Client;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly indexer: SearchIndexer,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
    // Several batches in flight: while Meilisearch indexes one, the next is read from PostgreSQL and sent.
    this.loops = Array.from({ length: this.config.outbox.concurrency }, () => this.run());
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
  }

  /** Claims and delivers one batch; returns how many messages it handled. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: ClaimedMessage[] = await manager.query(
        `SELECT id, kind, payload, attempts FROM outbox_messages
          WHERE delivered_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.outbox.batchSize],
      );
      if (claimed.length === 0) return 0;
      const failures = await this.deliver(claimed);
      await this.markOutcome(manager, claimed, failures);
      return claimed.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.relayBatch();
      } catch (error) {
        this.logger.error({ message: 'Outbox relay batch failed', err: error });
      }
      if (handled < this.config.outbox.batchSize) await this.idle();
    }
  }

  /** Waits for a notification or the poll interval, whichever comes first. */
  private idle(): Promise<void> {
    if (this.notified || !this.running) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, this.config.outbox.pollIntervalMs);
      this.sleepers.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Delivers every claimed message; returns the error of each one that failed. */
  private async deliver(messages: ClaimedMessage[]): Promise<Map<string, string>> {
    const failures = new Map<string, string>();
    const searchGroups = new Map<SearchIndex, ClaimedMessage[]>();
    const deliveries: Promise<void>[] = [];
    for (const message of messages) {
      if (message.kind === OutboxMessageKind.SearchSync) {
        const group = searchGroups.get(message.payload.index);
        if (group) group.push(message);
        else searchGroups.set(message.payload.index, [message]);
      } else {
        deliveries.push(
          this.queues
            .enqueue(message.payload.job, delayOf(message.payload.notBefore))
            .catch((error: unknown) => {
              failures.set(message.id, errorText(error));
            }),
        );
      }
    }
    for (const [index, group] of searchGroups) {
      const ids = [...new Set(group.map((message) => message.payload.id))];
      deliveries.push(
        this.indexer.sync(index, ids).catch((error: unknown) => {
          for (const message of group) failures.set(message.id, errorText(error));
        }),
      );
    }
    await Promise.all(deliveries);
    return failures;
  }

  private async markOutcome(
    manager: EntityManager,
    messages: ClaimedMessage[],
    failures: Map<string, string>,
  ): Promise<void> {
    const delivered = messages.filter((message) => !failures.has(message.id)).map((message) => message.id);
    if (delivered.length > 0) {
      await manager.query(
        `UPDATE outbox_messages SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`,
        [delivered],
      );
    }
    const failed = messages.filter((message) => failures.has(message.id));
    if (failed.length > 0) {
      await manager.query(
        `UPDATE outbox_messages AS m
            SET attempts = m.attempts + 1, last_error = f.error,
                available_at = now() + make_interval(secs => f.delay)
           FROM unnest($1::bigint[], $2::text[], $3::float8[]) AS f(id, error, delay)
          WHERE m.id = f.id`,
        [
          failed.map((m) => m.id),
          failed.map((m) => failures.get(m.id)),
          failed.map((m) => backoffSeconds(m.attempts + 1, this.config.outbox.maxBackoffSeconds)),
        ],
      );
      this.logger.warn({
        message: 'Outbox deliveries failed; will retry',
        failed: failed.length,
        reason: failures.get(failed[0].id),
      });
    }
  }

  /** LISTEN on the outbox channel to relay at once after a commit; polling covers any missed notification. */
  private async listen(): Promise<void> {
    while (this.running) {
      const client = new pg.Client({ connectionString: this.config.database.url });
      // Current from before it connects, so that shutdown ends a connection still being made too; and an error at
      // any point (the database going away while connecting, say) ends the wait instead of going unhandled.
      this.listener = client;
      const closed = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        client.on('notification', () => {
          this.notified = true;
          this.wakeAll();
        });
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        if (this.running) await closed;
      } catch {
        // PostgreSQL unreachable: polling still works; try listening again shortly.
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 2_000).unref());
    }
  }
}

/** A delayed job's wait from now; none when it has no time or the time has passed. */
function delayOf(notBefore: string | undefined): { delayMs?: number } {
  const delayMs = notBefore ? Date.parse(notBefore) - Date.now() : 0;
  return delayMs > 0 ? { delayMs } : {};
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
}
