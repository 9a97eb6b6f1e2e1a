import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { postgresOptions } from './postgres-options.js';

/** The PostgreSQL connection. Feature modules register their entities with `TypeOrmModule.forFeature`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...postgresOptions(config.database.url, config.database.poolSize, config.database.parallelWorkers),
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
