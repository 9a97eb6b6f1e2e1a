import { isUUID } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '#libs/errors';
import type { PageArgs } from './page.args.js';
import type { Page } from './page.type.js';

interface Cursor {
  /** The sort column of the last row, as PostgreSQL writes it (exact, microseconds included). */
  k: string;
  /** Id of the last row: the tie-breaker. */
  id: string;
}

export interface SortOrder {
  /** `alias.column` */
  column: string;
  direction: 'ASC' | 'DESC';
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const NOT_A_CURSOR = 'is not a cursor returned by this list';
/**
 * The longest sort key a cursor holds: an e-mail address (254 characters) or a name (200 characters, each perhaps a
 * surrogate pair).
 */
const MAX_KEY_LENGTH = 400;
/**
 * The longest cursor `paginate` writes: base64url of the JSON of a MAX_KEY_LENGTH key (up to 3 bytes of UTF-8 per
 * UTF-16 unit, or 2 escaped) and a uuid.
 */
export const MAX_CURSOR_LENGTH = 2_000;

/** Exported for its tests; only `paginate` decodes cursors. */
export function decodeCursor(value: string): Cursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw AppError.badInput('after', NOT_A_CURSOR);
  }
  const { k, id } = (cursor ?? {}) as Partial<Record<keyof Cursor, unknown>>;
  if (
    typeof k !== 'string' ||
    k.length > MAX_KEY_LENGTH ||
    // PostgreSQL cannot take U+0000 in a text parameter.
    k.includes('\u0000') ||
    typeof id !== 'string' ||
    !isUUID(id)
  )
    throw AppError.badInput('after', NOT_A_CURSOR);
  return { k, id };
}

/**
 * PostgreSQL's class 22, data exception: a value it cannot read as the column's type (invalid_text_representation,
 * invalid_datetime_format, datetime_field_overflow, an unknown time zone, a time zone offset out of range …).
 */
function isUnreadableValue(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } })?.driverError;
  const code = (driverError ?? (error as { code?: unknown }))?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * Keyset pagination over `query` by `order` then id: stable while rows are added, and as fast on page 100 as on
 * page 1. The query may join to-one relations only (one raw row per entity).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  order: SortOrder,
): Promise<Page<T>> {
  // Quoted: an alias may be a reserved word (user).
  const quote = (path: string) =>
    path
      .split('.')
      .map((part) => query.escape(part))
      .join('.');
  const column = quote(order.column);
  const id = quote(`${query.alias}.id`);
  const totalCount = await query.clone().getCount();
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const comparison = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${column}, ${id}) ${comparison} (:cursorKey, :cursorId)`, {
      cursorKey: cursor.k,
      cursorId: cursor.id,
    });
  }
  query
    .addSelect(`${column}::text`, 'page_cursor_key')
    .orderBy(order.column, order.direction)
    .addOrderBy(`${query.alias}.id`, order.direction)
    .limit(args.first + 1);
  const { entities, raw } = await query
    .getRawAndEntities<{ page_cursor_key: string }>()
    .catch((error: unknown) => {
      // A forged cursor's key may not cast to the sort column's type (`not-a-date` on a timestamptz).
      if (args.after && isUnreadableValue(error)) throw AppError.badInput('after', NOT_A_CURSOR);
      throw error;
    });
  const hasNextPage = entities.length > args.first;
  const nodes = entities.slice(0, args.first);
  const last = nodes.at(-1);
  const lastKey = raw[nodes.length - 1]?.page_cursor_key;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      endCursor: last && lastKey !== undefined ? encodeCursor({ k: lastKey, id: last.id }) : null,
    },
  };
}
