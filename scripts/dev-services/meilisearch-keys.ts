import { createHash } from 'node:crypto';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
// Not '#libs/search': test setup loads this file before anything is compiled, and the lib's index pulls in Nest.
// eslint-disable-next-line no-restricted-imports
import { WORKER_ONLY_UID_PREFIX } from '../../libs/search/index-uids.js';

export interface ScopedKeys {
  /** For the API: search only. */
  api: string;
  /** For the worker: documents, settings and index creation. */
  worker: string;
}

const API_ACTIONS = ['search'];
const WORKER_ACTIONS = [
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'indexes.update',
  'settings.get',
  'settings.update',
  'tasks.get',
];

/** A stable key uid for a name, so that provisioning again finds the same key instead of adding one. */
function keyUid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The scoped keys the processes use (never the master key), limited to the indexes starting with `indexPattern`.
 * Idempotent: the keys have fixed uids, so a second call returns the same keys.
 */
export async function provisionScopedKeys(
  url: string,
  masterKey: string,
  indexPattern: string,
): Promise<ScopedKeys> {
  const admin = new Meilisearch({ host: url, apiKey: masterKey });
  const ensure = async (name: string, actions: string[], indexes: string[]) => {
    const uid = keyUid(`matchbron:${name}:${indexes.join(',')}`);
    try {
      return (await admin.getKey(uid)).key;
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'api_key_not_found') throw error;
    }
    const created = await admin.createKey({
      uid,
      name: `matchbron-${name}`,
      description: `Matchbron ${name} key for indexes ${indexPattern}`,
      actions: actions as never,
      indexes,
      expiresAt: null,
    });
    return created.key;
  };
  return {
    // The worker-only indexes (matching's exact candidate attributes) lie outside the API key's pattern.
    api: await ensure('api', API_ACTIONS, [indexPattern]),
    worker: await ensure('worker', WORKER_ACTIONS, [
      indexPattern,
      `${WORKER_ONLY_UID_PREFIX}${indexPattern}`,
    ]),
  };
}
