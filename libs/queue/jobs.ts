/**
 * Every queue and job of the system, in one place: names, typed payloads, deterministic ids, schedules.
 * Payloads carry ids, never personal data. Each job name has exactly one `@OnJob` handler (checked at start).
 */
export enum QueueName {
  Notifications = 'notifications',
  Maintenance = 'maintenance',
}

export enum JobName {
  WelcomeUser = 'welcome-user',
  CleanOutbox = 'clean-outbox',
}

export interface JobPayloads {
  [JobName.WelcomeUser]: { userId: string };
  [JobName.CleanOutbox]: Record<string, never>;
}

/** A job to enqueue: its name and its payload, type-checked together. */
export type Job = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Same payload, same id: enqueueing twice is harmless. BullMQ ids may not contain ':'. */
  jobId: (payload: JobPayloads[N]) => string;
  /** Cron pattern (UTC) for jobs the worker schedules itself. */
  schedule?: string;
}

export const JOB_DEFINITIONS: { [N in JobName]: JobDefinition<N> } = {
  [JobName.WelcomeUser]: { queue: QueueName.Notifications, jobId: ({ userId }) => `welcome-user.${userId}` },
  [JobName.CleanOutbox]: {
    queue: QueueName.Maintenance,
    jobId: () => 'clean-outbox',
    schedule: '17 3 * * *',
  },
};

/** What a handler reports when it returns; a failure is thrown and retried with backoff. */
export enum JobStatus {
  Success = 'success',
  /** Nothing to do, for example the job's effect already happened or its subject is gone. */
  Skipped = 'skipped',
}

export function jobIdOf(job: Job): string {
  return (JOB_DEFINITIONS[job.name].jobId as (payload: Job['payload']) => string)(job.payload);
}
