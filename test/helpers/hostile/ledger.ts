// "A refused request stored nothing", measured: the row count of every table (names read from the
// database itself, so a table a migration adds later is counted too); the audit log and attempt
// events are counted per kind, so that only the named refusal records may grow on a refused request.
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'

export type Counts = Map<string, number>

/**
 * Tables whose rows may legitimately change on a refused request, each with the reason. Anything
 * not listed here that changes on a 4xx is reported as a finding.
 */
export const MAY_CHANGE_ON_REFUSAL: Record<string, string> = {
  // A wrong password is refused (401) and recorded: that record is what login throttling counts.
  login_failures: 'failed logins are recorded by design (they are the throttle\'s memory)',
}

/**
 * Tables counted per kind of row (audit entries per action, attempt events per kind), so that only
 * the kinds that record a refusal may grow on a refused request.
 */
const COUNTED_BY: Record<string, string> = { audit_log: 'action', attempt_events: 'kind' }

/** Rows that record a refusal, written when a request is refused, by design. Keyed "table:kind". */
export const REFUSAL_RECORDS: Record<string, string> = {
  'audit_log:accommodation.document_read_refused': 'reads of accommodation documents by someone not allowed are audited (sensitive data)',
  'attempt_events:device_change_requested': 'a request for an attempt from another computer (or without the device header) is refused with DEVICE_NOT_ADMITTED and recorded so that the proctor sees it and may re-admit',
}

export async function tableNames(app: FastifyInstance): Promise<string[]> {
  if (app.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(app.db)
    return rows.rows.map((r) => r.name)
  }
  const rows = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(app.db)
  return rows.rows.map((r) => r.name)
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** A function that counts the rows of every table (one statement). */
export async function counter(app: FastifyInstance): Promise<{ tables: string[]; count(): Promise<Counts> }> {
  const tables = await tableNames(app)
  for (const t of Object.keys(COUNTED_BY)) if (!tables.includes(t)) throw new Error(`the database has no ${t} table`)
  const parts = tables.map((t) => COUNTED_BY[t]
    ? `SELECT '${t}:' || ${quote(COUNTED_BY[t])} AS k, COUNT(*) AS n FROM ${quote(t)} GROUP BY ${quote(COUNTED_BY[t])}`
    : `SELECT '${t}' AS k, COUNT(*) AS n FROM ${quote(t)}`)
  const statement = sql.raw(parts.join(' UNION ALL '))
  return {
    tables,
    async count() {
      const rows = await statement.execute(app.db)
      return new Map((rows.rows as { k: string; n: number | string }[]).map((r) => [r.k, Number(r.n)]))
    },
  }
}

/** What changed between two counts, apart from what may change on a refusal. */
export function storedOnRefusal(before: Counts, after: Counts): string[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  const out: string[] = []
  for (const key of keys) {
    const a = before.get(key) ?? 0
    const b = after.get(key) ?? 0
    if (a === b || key in MAY_CHANGE_ON_REFUSAL || key in REFUSAL_RECORDS) continue
    out.push(`${key}: ${a} → ${b}`)
  }
  return out
}
