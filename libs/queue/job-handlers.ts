import { JobName, type JobPayloads, type JobStatus } from './jobs.js';

export type JobHandler = (payload: JobPayloads[JobName]) => Promise<JobStatus>;

export interface FoundHandler {
  job: JobName;
  /** `Class.method`, for error messages. */
  location: string;
  handler: JobHandler;
}

/**
 * One handler per job name, or an error naming every job without a handler and every job with two.
 * The worker calls this at start-up, so a missing handler stops it instead of leaving jobs to pile up.
 */
export function indexJobHandlers(found: FoundHandler[]): Map<JobName, JobHandler> {
  const byJob = new Map<JobName, FoundHandler[]>();
  for (const entry of found) byJob.set(entry.job, [...(byJob.get(entry.job) ?? []), entry]);
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const handlers = byJob.get(job) ?? [];
    if (handlers.length === 0) problems.push(`job "${job}" has no @OnJob handler`);
    if (handlers.length > 1) {
      problems.push(
        `job "${job}" has ${handlers.length} handlers: ${handlers.map((h) => h.location).join(', ')}`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`Job handlers are wrong:\n  - ${problems.join('\n  - ')}`);
  return new Map([...byJob].map(([job, [entry]]) => [job, entry.handler]));
}
