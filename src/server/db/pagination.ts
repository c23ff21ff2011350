// Keyset pagination: a list is ordered by a sort column and the id (which breaks ties), and the
// cursor carries the last row's pair. Stable under inserts, no OFFSET scans, one rule for every list.
import { sql, type Expression, type SqlBool } from 'kysely'
import { AppError } from '../errors.js'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The last row a page showed: its sort value and id. */
export interface CursorKey {
  value: string
  id: string
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.value, key.id])).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { value: parsed[0], id: parsed[1] }
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'The cursor is not one this server issued.')
}

/** Rows after the cursor in a list ordered by (sortColumn, idColumn), newest first or oldest first. */
export function pastCursor(sortColumn: string, idColumn: string, after: CursorKey, order: 'desc' | 'asc' = 'desc'): Expression<SqlBool> {
  const beyond = sql.raw(order === 'desc' ? '<' : '>')
  return sql<SqlBool>`(${sql.ref(sortColumn)} ${beyond} ${after.value} or (${sql.ref(sortColumn)} = ${after.value} and ${sql.ref(idColumn)} ${beyond} ${after.id}))`
}

/**
 * Fetch limit + 1 rows, then cut: the extra row tells whether there is a next page. Lists are keyed
 * by created_at unless `keyOf` says otherwise.
 */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => string = (row) => (row as unknown as { created_at: string }).created_at,
): Page<T> {
  const more = rows.length > limit
  const slice = more ? rows.slice(0, limit) : rows
  const last = slice[slice.length - 1]
  return { items: slice.map(map), nextCursor: more && last ? encodeCursor({ value: keyOf(last), id: last.id }) : null }
}
