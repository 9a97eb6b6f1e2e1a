import { AppError, ErrorCode } from '#libs/errors';
import { assertEditable, assertTransition } from './opening-lifecycle.js';
import { OpeningStatus } from './opening-status.js';

const { DRAFT, PUBLISHED, FILLED, CLOSED } = OpeningStatus;

function refusal(action: () => void): AppError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('opening lifecycle', () => {
  it.each([
    [DRAFT, PUBLISHED],
    [PUBLISHED, FILLED],
    [PUBLISHED, CLOSED],
  ])('allows %s → %s', (from, to) => {
    expect(refusal(() => assertTransition(from, to))).toBeUndefined();
  });

  it.each([
    [DRAFT, FILLED],
    [DRAFT, CLOSED],
    [PUBLISHED, PUBLISHED],
    [FILLED, PUBLISHED],
    [FILLED, CLOSED],
    [CLOSED, PUBLISHED],
    [CLOSED, FILLED],
    [PUBLISHED, DRAFT],
  ])('refuses %s → %s with CONFLICT', (from, to) => {
    const error = refusal(() => assertTransition(from, to));
    expect(error?.code).toBe(ErrorCode.Conflict);
    expect(error?.details.fields?.map((fault) => fault.field)).toEqual(['id']);
  });

  it('says which statuses allow the step', () => {
    expect(refusal(() => assertTransition(CLOSED, PUBLISHED))?.message).toBe(
      'Cannot publish an opening that is CLOSED: only DRAFT openings can be published',
    );
    expect(refusal(() => assertTransition(DRAFT, CLOSED))?.message).toBe(
      'Cannot close an opening that is DRAFT: only PUBLISHED openings can be closed',
    );
  });

  it('lets DRAFT and PUBLISHED openings change, not FILLED or CLOSED ones', () => {
    expect(refusal(() => assertEditable(DRAFT))).toBeUndefined();
    expect(refusal(() => assertEditable(PUBLISHED))).toBeUndefined();
    expect(refusal(() => assertEditable(FILLED))?.code).toBe(ErrorCode.Conflict);
    expect(refusal(() => assertEditable(FILLED))?.details.fields).toEqual([
      { field: 'id', message: expect.stringContaining('FILLED') },
    ]);
    expect(refusal(() => assertEditable(CLOSED))?.code).toBe(ErrorCode.Conflict);
  });
});
