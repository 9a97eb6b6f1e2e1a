import { AppError } from '#libs/errors';
import { OpeningStatus } from './opening-status.js';

/** DRAFT → PUBLISHED → FILLED | CLOSED. FILLED and CLOSED are final. */
export const OPENING_TRANSITIONS: Record<OpeningStatus, readonly OpeningStatus[]> = {
  [OpeningStatus.DRAFT]: [OpeningStatus.PUBLISHED],
  [OpeningStatus.PUBLISHED]: [OpeningStatus.FILLED, OpeningStatus.CLOSED],
  [OpeningStatus.FILLED]: [],
  [OpeningStatus.CLOSED]: [],
};

/** Statuses in which the employer may still change an opening (a published one is checked again). */
export const EDITABLE_STATUSES: readonly OpeningStatus[] = [OpeningStatus.DRAFT, OpeningStatus.PUBLISHED];

const ACTION: Record<OpeningStatus, { verb: string; done: string }> = {
  [OpeningStatus.DRAFT]: { verb: 'return to draft', done: 'returned to draft' },
  [OpeningStatus.PUBLISHED]: { verb: 'publish', done: 'published' },
  [OpeningStatus.FILLED]: { verb: 'mark as filled', done: 'marked as filled' },
  [OpeningStatus.CLOSED]: { verb: 'close', done: 'closed' },
};

/**
 * CONFLICT on `id` (the opening's, as every lifecycle mutation takes it) unless `from → to` is a transition of the
 * lifecycle, with a message that says what is possible.
 */
export function assertTransition(from: OpeningStatus, to: OpeningStatus): void {
  if (OPENING_TRANSITIONS[from].includes(to)) return;
  const sources = (Object.keys(OPENING_TRANSITIONS) as OpeningStatus[]).filter((status) =>
    OPENING_TRANSITIONS[status].includes(to),
  );
  const { verb, done } = ACTION[to];
  throw AppError.conflict(
    sources.length > 0
      ? `Cannot ${verb} an opening that is ${from}: only ${sources.join(' or ')} openings can be ${done}`
      : `Cannot ${verb} an opening: no opening can be ${done}`,
    'id',
  );
}

/** CONFLICT on `id` unless an opening in `status` may still be changed. */
export function assertEditable(status: OpeningStatus): void {
  if (!EDITABLE_STATUSES.includes(status)) {
    throw AppError.conflict(
      `Cannot change an opening that is ${status}: only DRAFT and PUBLISHED openings can be changed`,
      'id',
    );
  }
}
