import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithLogContext } from '#libs/logging';

const HEADER = 'x-request-id';

/** Every request gets a correlation id (the caller's, when it sent a sane one), echoed back and in every log line. */
export function correlationId(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers[HEADER];
  const id =
    typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader(HEADER, id);
  runWithLogContext({ correlationId: id }, next);
}
