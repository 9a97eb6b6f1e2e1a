import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields added to every log line written while handling one request or one job. Ids only, never personal data. */
export interface LogContext {
  correlationId?: string;
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
