import type { NextFunction, Request, Response } from 'express';

/**
 * Errors of the JSON body parser (too large, not JSON) as GraphQL-shaped JSON instead of an HTML page.
 * Express recognises an error handler by its four parameters.
 */
export function bodyErrors(
  error: { status?: number; type?: string },
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (response.headersSent || !error?.type) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  response.status(tooLarge ? 413 : (error.status ?? 400)).json({
    errors: [
      {
        message: tooLarge ? 'Request body is too large.' : 'Request body is not valid JSON.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
}
