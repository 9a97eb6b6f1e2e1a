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

function decodeCursor(value: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof cursor.k === 'string' && typeof cursor.id === 'string') return cursor as Cursor;
  } catch {
    // refused below
  }
  throw AppError.badInput('after', 'is not a cursor returned by this list');
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
  const { entities, raw } = await query
    .addSelect(`${column}::text`, 'page_cursor_key')
    .orderBy(order.column, order.direction)
    .addOrderBy(`${query.alias}.id`, order.direction)
    .limit(args.first + 1)
    .getRawAndEntities<{ page_cursor_key: string }>();
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
