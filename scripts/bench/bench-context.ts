import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { MatchingModule } from '#libs/matching';
import { NotificationsModule } from '#libs/notifications';
import { OpeningsModule } from '#libs/openings';
import { OrganisationsModule } from '#libs/organisations';
import { OutboxModule } from '#libs/outbox';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { PlacementsModule } from '#libs/placements';
import { QueueModule } from '#libs/queue';
import { SearchIndexingModule, SearchModule } from '#libs/search';
import { TaxonomyModule } from '#libs/taxonomy';
import { TracksModule } from '#libs/tracks';

/**
 * The worker's modules without its outbox relay and job workers: the benchmark calls the projections, the
 * employer search and matching in-process, while the worker child process stays the only one taking work.
 */
@Module({})
class BenchContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BenchContextModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SearchModule,
        SearchIndexingModule,
        QueueModule,
        OutboxModule,
        OrganisationsModule,
        NotificationsModule,
        TaxonomyModule,
        PersonalDataModule,
        ParticipantsModule,
        TracksModule,
        OpeningsModule,
        MatchingModule,
        PlacementsModule,
      ],
    };
  }
}

export function createBenchContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(BenchContextModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
}

/**
 * A provider by its class name, for services their module does not export (the benchmark measures them as the
 * worker and the API run them). Fails with the name when it is not there.
 */
export function providerNamed<T>(context: INestApplicationContext, name: string): T {
  const found = context
    .get(DiscoveryService)
    .getProviders()
    .find((wrapper) => (wrapper.metatype as Type | undefined)?.name === name && wrapper.instance);
  if (!found) throw new Error(`No provider ${name} in the application: has it been renamed?`);
  return found.instance as T;
}
