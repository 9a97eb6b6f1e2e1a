import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchIndexingModule } from '#libs/search';
import { OutboxCleaner } from './outbox-cleaner.service.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { Outbox } from './outbox.service.js';

/** Recording side effects in the write's transaction; imported by every process. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxMessage])], providers: [Outbox], exports: [Outbox] })
export class OutboxModule {}

/** Relaying them to BullMQ and Meilisearch; imported by the worker only. */
@Module({ imports: [SearchIndexingModule], providers: [OutboxRelay, OutboxCleaner], exports: [OutboxRelay] })
export class OutboxRelayModule {}
