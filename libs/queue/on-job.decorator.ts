import { SetMetadata } from '@nestjs/common';
import type { JobName } from './jobs.js';

export const ON_JOB = 'matchbron:on-job';

/** Marks a provider method as the handler of one job. It receives the typed payload and returns a JobStatus. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
