import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { NotificationsModule } from '#libs/notifications';
import { OrganisationsModule } from '#libs/organisations';
import { OutboxModule, OutboxRelayModule } from '#libs/outbox';
import { QueueModule, QueueWorkersModule } from '#libs/queue';
import { SearchModule } from '#libs/search';

/**
 * The worker: no HTTP. It relays the outbox to BullMQ and Meilisearch and runs the jobs. Feature modules are
 * imported for their job handlers and search projections.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SearchModule,
        QueueModule,
        OutboxModule,
        OutboxRelayModule,
        QueueWorkersModule,
        OrganisationsModule,
        NotificationsModule,
      ],
    };
  }
}
