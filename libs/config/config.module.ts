import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/**
 * Provides the validated AppConfig everywhere. The entry points build it before Nest starts
 * (`AppConfig.fromEnvironment()`), so a wrong variable stops the process before anything connects.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
