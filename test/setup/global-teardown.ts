import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  for (const service of [...(globalThis.matchbronTestServices ?? [])].reverse()) await service.stop?.();
  const runId = process.env.TEST_RUN_ID;
  if (runId)
    await rm(join(process.cwd(), '.data', 'test', 'meilisearch', runId), { recursive: true, force: true });
}
