// One lock per candidate, shared by the modules whose rules read a candidate's whole history: awards
// (two submissions finishing at once award one after the other, each seeing what the other awarded)
// and bookings (two registrations judge the module rules one after the other). On PostgreSQL it is a
// row lock on the candidate's user row, held to the end of the caller's transaction; SQLite needs
// none, its transactions run one at a time on the one connection.
import type { Tx } from './database.js'

export async function lockCandidate(trx: Tx, candidateId: string, dialect: 'sqlite' | 'postgres'): Promise<void> {
  // FOR NO KEY UPDATE, not FOR UPDATE: inserts that reference the user (registrations, results,
  // credentials) take FOR KEY SHARE on the row, which FOR UPDATE would conflict with.
  if (dialect === 'postgres') await trx.selectFrom('users').select('id').where('id', '=', candidateId).forNoKeyUpdate().execute()
}

/**
 * The locks of many candidates (a rescoring batch), taken in id order: every transaction that holds
 * more than one takes them in that one order, so two such never wait on each other in a cycle.
 */
export async function lockCandidates(trx: Tx, candidateIds: readonly string[], dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return
  const sorted = [...new Set(candidateIds)].sort()
  for (let i = 0; i < sorted.length; i += 1000) {
    await trx.selectFrom('users').select('id').where('id', 'in', sorted.slice(i, i + 1000)).orderBy('id').forNoKeyUpdate().execute()
  }
}
