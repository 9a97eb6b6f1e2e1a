import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { NotificationsModule } from '#libs/notifications';
import { FollowUpsModule } from '#libs/follow-ups';
import { MatchingModule } from '#libs/matching';
import { OpeningsModule } from '#libs/openings';
import { OrganisationsModule } from '#libs/organisations';
import { OutboxModule, OutboxRelayModule } from '#libs/outbox';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { PlacementsModule } from '#libs/placements';
import { QueueModule, QueueWorkersModule } from '#libs/queue';
import { SearchModule } from '#libs/search';
import { TaxonomyModule } from '#libs/taxonomy';
import { TracksModule } from '#libs/tracks';

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
        TaxonomyModule,
        PersonalDataModule,
        ParticipantsModule,
        TracksModule,
        OpeningsModule,
        MatchingModule,
        PlacementsModule,
        FollowUpsModule,
      ],
    };
  }
}
