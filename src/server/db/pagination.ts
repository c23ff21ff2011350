// Keyset pagination over (created_at, id), newest first: stable under inserts, no OFFSET scans.
import { AppError } from '../errors.js'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface CursorKey {
  createdAt: string
  id: string
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { createdAt: parsed[0], id: parsed[1] }
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'The cursor is not one this server issued.')
}

/** Fetch limit + 1 rows, then cut: the extra row tells whether there is a next page. */
export function toPage<R extends { created_at: string; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit
  const slice = more ? rows.slice(0, limit) : rows
  const last = slice[slice.length - 1]
  return {
    items: slice.map(map),
    nextCursor: more && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}
