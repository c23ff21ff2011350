// SQL of the certification watch: upcoming sessions (not cancelled or closed, not yet ended) with
// their proctors, for flagging those a certification no longer covers.
import type { DbOrTx } from '../../db/database.js'

export async function upcomingSessionsWithProctors(db: DbOrTx, now: string) {
  const sessions = await db
    .selectFrom('test_sessions')
    .select(['id', 'center_id', 'starts_at', 'ends_at'])
    .where('ends_at', '>', now)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute()
  const ids = sessions.map((s) => s.id)
  const proctors = new Map<string, string[]>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('session_proctors').select(['session_id', 'user_id']).where('session_id', 'in', ids.slice(i, i + 1000)).execute()
    for (const r of rows) proctors.set(r.session_id, [...(proctors.get(r.session_id) ?? []), r.user_id])
  }
  return sessions.map((s) => ({ ...s, proctorIds: proctors.get(s.id) ?? [] }))
}
