import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's own logging goes through our JSON logger, and never with query parameters: they hold personal data.
 * A failing query is expected sometimes (a unique violation becomes CONFLICT), so it is logged at debug level;
 * the error handler logs the unexpected ones.
 */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({
      message: 'Query failed',
      reason: error instanceof Error ? error.message : error,
      query,
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ message: 'Slow query', durationMs: time, query });
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
