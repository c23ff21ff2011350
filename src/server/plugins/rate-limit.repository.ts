// The shared rate-limit counters (migration 0036): one upsert counts a request and, when the
// client's window has ended, starts a new one; ended windows are deleted in the background.
import { sql } from 'kysely'
import type { Db } from '../db/database.js'

export interface CountedRequest { hits: number; windowEndsMs: number }

/** Counts one request for `key`; a window that ended by `nowMs` restarts at 1 and ends `windowMs` later. */
export async function countRequest(db: Db, key: string, nowMs: number, windowMs: number): Promise<CountedRequest> {
  const ended = sql<boolean>`rate_limit_counters.window_ends_ms <= ${nowMs}`
  const row = await db.insertInto('rate_limit_counters')
    .values({ key, hits: 1, window_ends_ms: nowMs + windowMs })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      hits: sql<number>`CASE WHEN ${ended} THEN 1 ELSE rate_limit_counters.hits + 1 END`,
      window_ends_ms: sql<number>`CASE WHEN ${ended} THEN ${nowMs + windowMs} ELSE rate_limit_counters.window_ends_ms END`,
    }))
    .returning(['hits', 'window_ends_ms'])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), windowEndsMs: Number(row.window_ends_ms) }
}

/** Removes windows that ended before `nowMs`; returns how many. */
export async function deleteEndedWindows(db: Db, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counters').where('window_ends_ms', '<', nowMs).executeTakeFirst()
  return Number(result.numDeletedRows)
}
