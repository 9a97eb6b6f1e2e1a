import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields added to every log line written while handling one request or one job. Ids only, never personal data. */
export interface LogContext {
  /** The API's own id of the request (and what the personal-data audit log records). */
  correlationId?: string;
  /** The id the caller sent in X-Request-Id, when sane: to follow a request across systems, never trusted as ours. */
  clientRequestId?: string;
  userId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/** Adds fields to the context of the current request or job, if there is one. */
export function addToLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
