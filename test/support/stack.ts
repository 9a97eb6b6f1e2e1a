import type { INestApplicationContext } from '@nestjs/common';
import { GraphqlClient } from './graphql-client.js';
import { startApi, startWorker, type RunningApi } from './running-apps.js';
import { createTestEnvironment, type TestEnvironment } from './test-environment.js';

export interface Stack {
  environment: TestEnvironment;
  api: RunningApi;
  worker?: INestApplicationContext;
  anonymous: GraphqlClient;
  close(): Promise<void>;
}

/**
 * One test file's own running system: its database (a copy of the template, with the taxonomy and the demo data),
 * the API, and the worker when asked for.
 */
export async function startStack(
  options: { worker?: boolean; env?: Record<string, string>; workerEnv?: Record<string, string> } = {},
): Promise<Stack> {
  const environment = await createTestEnvironment(options.env);
  const api = await startApi(environment.apiConfig);
  const worker = options.worker
    ? await startWorker(environment.configFor('worker', options.workerEnv ?? {}))
    : undefined;
  return {
    environment,
    api,
    worker,
    anonymous: new GraphqlClient(api.graphqlUrl),
    async close() {
      await worker?.close();
      await api.close();
      await environment.destroy();
    },
  };
}
