export { OutboxModule, OutboxRelayModule } from './outbox.module.js';
export { Outbox, enqueueJob, syncSearch, type OutboxEntry } from './outbox.service.js';
export { OutboxRelay, backoffSeconds } from './outbox-relay.service.js';
export { OutboxMessage, OutboxMessageKind } from './outbox-message.entity.js';
