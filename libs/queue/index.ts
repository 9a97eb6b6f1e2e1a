export { QueueModule, QueueWorkersModule } from './queue.module.js';
export { QueueService } from './queue.service.js';
export { OnJob } from './on-job.decorator.js';
export {
  JobName,
  QueueName,
  JobStatus,
  JOB_DEFINITIONS,
  jobIdOf,
  waitsForItsTime,
  type Job,
  type JobPayloads,
} from './jobs.js';
export { indexJobHandlers } from './job-handlers.js';
