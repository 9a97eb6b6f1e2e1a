import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '#libs/redis';
import { SearchClient } from '#libs/search';

const CHECK_TIMEOUT_MS = 2_000;

/** Checks of the services the API needs. Public, so they say up or down and nothing about why. */
@Injectable()
export class Readiness {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly search: SearchClient,
  ) {}

  checks(): Array<() => Promise<HealthIndicatorResult>> {
    return [
      () => this.check('postgres', () => this.dataSource.query('SELECT 1')),
      () => this.check('redis', () => this.redis.ping()),
      () => this.check('meilisearch', () => this.search.meilisearch.health()),
    ];
  }

  private async check(key: string, probe: () => Promise<unknown>): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }
}
