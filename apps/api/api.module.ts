import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { AuthModule } from '#libs/auth';
import { CompetenceCertificatesModule } from '#libs/competence-certificates';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { NotificationsModule } from '#libs/notifications';
import { FollowUpsModule } from '#libs/follow-ups';
import { KeyFiguresModule } from '#libs/key-figures';
import { MatchingModule } from '#libs/matching';
import { OpeningsModule } from '#libs/openings';
import { OrganisationsModule } from '#libs/organisations';
import { OutboxModule } from '#libs/outbox';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { PlacementsModule } from '#libs/placements';
import { RedisModule } from '#libs/redis';
import { SearchModule } from '#libs/search';
import { TaxonomyModule } from '#libs/taxonomy';
import { TracksModule } from '#libs/tracks';
import { UsersModule } from '#libs/users';
import { InputValidationPipe } from '#libs/validation';
import { GraphqlErrorFilter } from './graphql/graphql-error.filter.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { SchemaFileWriter } from './graphql/schema-file.js';
import { HealthModule } from './health/health.module.js';

/** The GraphQL API: infrastructure first, then the features it serves. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        SearchModule,
        OutboxModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig],
          useFactory: graphqlOptions,
        }),
        HealthModule,
        AuthModule,
        OrganisationsModule,
        UsersModule,
        NotificationsModule,
        TaxonomyModule,
        PersonalDataModule,
        ParticipantsModule,
        TracksModule,
        OpeningsModule,
        MatchingModule,
        PlacementsModule,
        FollowUpsModule,
        CompetenceCertificatesModule,
        KeyFiguresModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        SchemaFileWriter,
      ],
    };
  }
}
