import { AppError, ErrorCode } from '#libs/errors';
import { decodeCursor } from './keyset.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '3f2b8c1e-6a4d-4e2f-9b7a-1c2d3e4f5a6b';

describe('decodeCursor', () => {
  it('reads a cursor as paginate writes it', () => {
    expect(decodeCursor(encode({ k: '2026-11-23 10:00:00.123456+00', id: ID }))).toEqual({
      k: '2026-11-23 10:00:00.123456+00',
      id: ID,
    });
  });

  it('reads the cursor of an e-mail address as long as allowed', () => {
    const k = `${'a'.repeat(64)}@${'b'.repeat(185)}.se`;
    expect(decodeCursor(encode({ k, id: ID }))).toEqual({ k, id: ID });
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['JSON null', encode(null)],
    ['a number', encode(42)],
    ['an id that is not a uuid', encode({ k: 'a', id: 'x' })],
    ['a missing id', encode({ k: 'a' })],
    ['a key that is not a string', encode({ k: 1, id: ID })],
    ['a key over 400 characters', encode({ k: 'x'.repeat(401), id: ID })],
    ['a key with the NUL character', encode({ k: 'a\u0000', id: ID })],
  ])('refuses %s with BAD_USER_INPUT on after', (_case, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.BadUserInput);
    expect((error as AppError).field).toBe('after');
  });
});
