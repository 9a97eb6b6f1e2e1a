import type { JobsOptions } from 'bullmq';

const DAY_SECONDS = 24 * 3600;

/** Retries with exponential backoff; completed jobs are kept a week so a repeated id stays a no-op. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 50_000 },
  removeOnFail: { age: 30 * DAY_SECONDS },
};
