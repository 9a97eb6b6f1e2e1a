import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule, loadConfigOrExit } from '#libs/config';
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
import { provisionScopedKeys } from './dev-services/index.js';

/**
 * The worker's modules without its outbox relay and job workers: every search projection, the indexer and the
 * reconciliation check. The indexer refuses to start when an index has no projection here.
 */
@Module({})
class SearchScriptModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchScriptModule,
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

/**
 * The environment's configuration (as the worker's: MEILI_API_KEY is the worker's key). With MEILI_MASTER_KEY and
 * no MEILI_API_KEY, the worker's scoped key is provisioned (or found) with the master key, as `npm start` does.
 */
export async function searchScriptConfig(): Promise<AppConfig> {
  const env = { ...process.env };
  if (!env.MEILI_API_KEY && env.MEILI_MASTER_KEY) {
    const url = env.MEILI_URL ?? 'http://127.0.0.1:7700';
    env.MEILI_API_KEY = (
      await provisionScopedKeys(url, env.MEILI_MASTER_KEY, `${env.MEILI_INDEX_PREFIX ?? ''}*`)
    ).worker;
  }
  delete env.MEILI_MASTER_KEY;
  return loadConfigOrExit(env);
}

export function searchContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(SearchScriptModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
}
