/**
 * Every queue and job of the system, in one place: names, typed payloads, deterministic ids, schedules.
 * Payloads carry ids, never personal data. Each job name has exactly one `@OnJob` handler (checked at start).
 */
export enum QueueName {
  Notifications = 'notifications',
  Maintenance = 'maintenance',
  Matching = 'matching',
}

export enum JobName {
  WelcomeUser = 'welcome-user',
  CleanOutbox = 'clean-outbox',
  /** Ranks the candidates of one opening (`version`: the opening's updated_at in epoch ms). */
  MatchOpening = 'match-opening',
  /** Scores one competence profile against the published openings (`version`: the profile's updated_at in epoch ms). */
  MatchProfile = 'match-profile',
  /** A check-in of a placement's follow-up plan comes due (a delayed job; `dueOn`: the day it was planned for). */
  FollowUpDue = 'follow-up-due',
  /** Makes due the check-ins whose day passed without their job running (hourly). */
  SweepFollowUps = 'sweep-follow-ups',
  /** Reminds coaches of participants who need a placement before their etableringsperiod ends (daily). */
  RemindEstablishmentPeriods = 'remind-establishment-periods',
  /** Expires the proposals of openings whose last day has passed (daily). */
  ExpireEndedOpenings = 'expire-ended-openings',
  /** Ranks again the profiles whose etableringsperiod became urgent with the day (daily). */
  RankNewlyUrgentProfiles = 'rank-newly-urgent-profiles',
  /** Ranks every open opening again when the scoring settings changed (at each start of the worker). */
  RankAfterSettingsChange = 'rank-after-settings-change',
  /** Writes again the search documents that changed with the day or a taxonomy import (daily). */
  RefreshSearchIndexes = 'refresh-search-indexes',
}

export interface JobPayloads {
  [JobName.WelcomeUser]: { userId: string };
  [JobName.CleanOutbox]: Record<string, never>;
  [JobName.MatchOpening]: { openingId: string; version: string };
  [JobName.MatchProfile]: { profileId: string; version: string };
  /** `plannedAt`: when the plan set this day, so that a check-in moved away and back is a new job. */
  [JobName.FollowUpDue]: { followUpId: string; dueOn: string; plannedAt: string };
  [JobName.SweepFollowUps]: Record<string, never>;
  [JobName.RemindEstablishmentPeriods]: Record<string, never>;
  [JobName.ExpireEndedOpenings]: Record<string, never>;
  [JobName.RankNewlyUrgentProfiles]: Record<string, never>;
  /** `startedAt`: when the worker that asked started. */
  [JobName.RankAfterSettingsChange]: { startedAt: string };
  [JobName.RefreshSearchIndexes]: Record<string, never>;
}

/** A job to enqueue: its name and its payload, type-checked together. */
export type Job = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Same payload, same id: enqueueing twice is harmless. BullMQ ids may not contain ':'. */
  jobId: (payload: JobPayloads[N]) => string;
  /** Cron pattern (UTC) for jobs the worker schedules itself. */
  schedule?: string;
  /** Enqueued by the worker each time it starts, with this payload. */
  atStart?: (startedAt: string) => JobPayloads[N];
  /**
   * BullMQ priority (1 runs first, then larger numbers); jobs without one run before every prioritised job. For
   * background work that must not hold up what a person is waiting for.
   */
  priority?: number;
}

export const JOB_DEFINITIONS: { [N in JobName]: JobDefinition<N> } = {
  [JobName.WelcomeUser]: { queue: QueueName.Notifications, jobId: ({ userId }) => `welcome-user.${userId}` },
  [JobName.CleanOutbox]: {
    queue: QueueName.Maintenance,
    jobId: () => 'clean-outbox',
    schedule: '17 3 * * *',
  },
  [JobName.MatchOpening]: {
    queue: QueueName.Matching,
    jobId: ({ openingId, version }) => `match-opening.${openingId}.${version}`,
  },
  [JobName.MatchProfile]: {
    queue: QueueName.Matching,
    jobId: ({ profileId, version }) => `match-profile.${profileId}.${version}`,
    // After any waiting MatchOpening: a bulk of profile changes (an import, a reindex) must not keep a newly
    // published opening from its proposals.
    priority: 10,
  },
  [JobName.FollowUpDue]: {
    queue: QueueName.Notifications,
    // Each planning is a new job (completed ones are kept a week: a check-in moved away and back on its old day
    // must not meet its old job's id); a job planned for an old day finds the check-in moved and does nothing.
    jobId: ({ followUpId, dueOn, plannedAt }) =>
      `follow-up-due.${followUpId}.${dueOn}.${Date.parse(plannedAt)}`,
  },
  [JobName.SweepFollowUps]: {
    queue: QueueName.Notifications,
    jobId: () => 'sweep-follow-ups',
    schedule: '7 * * * *',
  },
  [JobName.RemindEstablishmentPeriods]: {
    queue: QueueName.Notifications,
    jobId: () => 'remind-establishment-periods',
    // 05:15 UTC: early morning in Sweden, summer time or not.
    schedule: '15 5 * * *',
  },
  [JobName.ExpireEndedOpenings]: {
    queue: QueueName.Maintenance,
    jobId: () => 'expire-ended-openings',
    // 00:20 UTC: just after midnight in Sweden, summer time or not, when the day before has passed.
    schedule: '20 0 * * *',
  },
  [JobName.RankNewlyUrgentProfiles]: {
    queue: QueueName.Maintenance,
    jobId: () => 'rank-newly-urgent-profiles',
    // 00:25 UTC: the new day in Sweden, summer time or not.
    schedule: '25 0 * * *',
  },
  [JobName.RankAfterSettingsChange]: {
    queue: QueueName.Maintenance,
    jobId: ({ startedAt }) => `rank-after-settings-change.${Date.parse(startedAt)}`,
    atStart: (startedAt) => ({ startedAt }),
  },
  [JobName.RefreshSearchIndexes]: {
    queue: QueueName.Maintenance,
    jobId: () => 'refresh-search-indexes',
    // 00:30 UTC: the new day (and year) in Sweden, summer time or not.
    schedule: '30 0 * * *',
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

/**
 * Whether a delayed job is waiting for its time rather than work left over: the next run of a scheduled job
 * (its id starts with "repeat:") and a follow-up check-in waiting for its day. Tests and the benchmark wait for the
 * worker to be idle but for these.
 */
export function waitsForItsTime(job: { id?: string; name: string }): boolean {
  return Boolean(job.id?.startsWith('repeat:')) || job.name === JobName.FollowUpDue;
}
