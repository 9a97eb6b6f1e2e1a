import { Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { DemoDataModule, DemoDataService, type DemoDataOptions, type DemoDataReport } from '#libs/demo-data';
import { MatchingModule } from '#libs/matching';
import { OutboxModule } from '#libs/outbox';
import { SearchModule } from '#libs/search';

@Module({})
class DemoDataContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DemoDataContextModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SearchModule,
        OutboxModule,
        DemoDataModule,
        // Its listeners record the candidate index updates and matching jobs of the profiles loaded.
        MatchingModule,
      ],
    };
  }
}

/**
 * Loads the demo data into the database of `config` (idempotent). The taxonomy must be imported first. Options:
 * the number of participants (default 150 of Värmdö and 15 of Nacka), the seed, the day dates count from.
 */
export async function loadDemoData(
  config: AppConfig,
  logger: LoggerService | false = false,
  options: DemoDataOptions = {},
): Promise<DemoDataReport> {
  const context = await NestFactory.createApplicationContext(DemoDataContextModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  try {
    return await context.get(DemoDataService).load(options);
  } finally {
    await context.close();
  }
}
