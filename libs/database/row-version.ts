/**
 * SQL for a row's version: its timestamptz `expression` (an updated_at, say) in epoch milliseconds, as text. Job ids
 * carry it, so that each version of a row is handled once.
 */
export function rowVersionSql(expression: string): string {
  return `floor(extract(epoch FROM ${expression}) * 1000)::bigint::text`;
}
