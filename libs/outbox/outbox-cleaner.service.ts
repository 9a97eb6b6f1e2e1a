import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobName, JobStatus, OnJob } from '#libs/queue';

/** Delivered messages are kept a week for inspection, then removed (daily job). */
@Injectable()
export class OutboxCleaner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @OnJob(JobName.CleanOutbox)
  async clean(): Promise<JobStatus> {
    await this.dataSource.query(`DELETE FROM outbox_messages WHERE delivered_at < now() - interval '7 days'`);
    return JobStatus.Success;
  }
}
