import { indexJobHandlers, type FoundHandler } from './job-handlers.js';
import { JobName, JobStatus } from './jobs.js';

const handler = async () => JobStatus.Success;
const every = (): FoundHandler[] =>
  Object.values(JobName).map((job) => ({ job, location: `Service.${job}`, handler }));

describe('indexJobHandlers', () => {
  it('accepts exactly one handler per job', () => {
    expect(indexJobHandlers(every()).size).toBe(Object.values(JobName).length);
  });

  it('refuses to start when a job has no handler, naming it', () => {
    const found = every().filter((entry) => entry.job !== JobName.WelcomeUser);
    expect(() => indexJobHandlers(found)).toThrow(`job "${JobName.WelcomeUser}" has no @OnJob handler`);
  });

  it('refuses to start when a job has two handlers, naming both', () => {
    const found = [...every(), { job: JobName.CleanOutbox, location: 'Other.clean', handler }];
    expect(() => indexJobHandlers(found)).toThrow(
      /"clean-outbox" has 2 handlers: Service.clean-outbox, Other.clean/,
    );
  });
});
