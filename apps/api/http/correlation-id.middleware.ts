import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithLogContext } from '#libs/logging';

const HEADER = 'x-request-id';

/**
 * Every request gets a correlation id of the API's own, sent back in X-Request-Id and in every log line, and recorded
 * with the personal-data audit entries it causes: a caller cannot choose it (reuse another request's, say, and blur
 * which log lines an audit entry belongs to). A sane id the caller sent is logged beside it (`clientRequestId`), to
 * follow a request across systems.
 */
export function correlationId(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers[HEADER];
  const clientRequestId =
    typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(incoming) ? incoming : undefined;
  const id = randomUUID();
  response.setHeader(HEADER, id);
  runWithLogContext({ correlationId: id, ...(clientRequestId && { clientRequestId }) }, next);
}
