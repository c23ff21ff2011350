// Irregularity cases (the integrity module): one row per case with its decision and its appeal on the
// same row, so every action is one conditional update of that row (status and version), which is what
// keeps a hold racing a release, or two appeals, from both succeeding. Incidents and results are linked
// to at most one case each (unique indexes); the timeline is one row per event.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('irregularity_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('users.id'))
    // open | held | released | voided
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text', (c) => c.references('users.id'))
    .addColumn('held_at', ts)
    .addColumn('hold_reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', ts)
    .addColumn('decision_reason', 'text')
    // When the candidate was last told of a decision they may appeal (a hold or a void).
    .addColumn('noticed_at', ts)
    .addColumn('appeal_statement', 'text')
    .addColumn('appealed_at', ts)
    // null | pending | upheld | denied
    .addColumn('appeal_status', 'text')
    .addColumn('appeal_decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('appeal_decided_at', ts)
    .addColumn('appeal_reason', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('irregularity_cases_candidate_idx').on('irregularity_cases').columns(['candidate_id', 'status']).execute()
  await db.schema.createIndex('irregularity_cases_status_idx').on('irregularity_cases').columns(['status', 'opened_at', 'id']).execute()

  await db.schema
    .createTable('irregularity_case_results')
    .addColumn('case_id', 'text', (c) => c.notNull().references('irregularity_cases.id'))
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .execute()
  // A result is in at most one case.
  await db.schema.createIndex('irregularity_case_results_attempt_idx').unique().on('irregularity_case_results').column('attempt_id').execute()
  await db.schema.createIndex('irregularity_case_results_case_idx').on('irregularity_case_results').column('case_id').execute()

  await db.schema
    .createTable('irregularity_case_incidents')
    .addColumn('case_id', 'text', (c) => c.notNull().references('irregularity_cases.id'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('session_incidents.id'))
    .execute()
  await db.schema.createIndex('irregularity_case_incidents_incident_idx').unique().on('irregularity_case_incidents').column('incident_id').execute()
  await db.schema.createIndex('irregularity_case_incidents_case_idx').on('irregularity_case_incidents').column('case_id').execute()

  await db.schema
    .createTable('irregularity_case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('irregularity_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('details', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    // Order within the case: events of one action share their time.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('irregularity_case_events_case_idx').unique().on('irregularity_case_events').columns(['case_id', 'seq']).execute()

  // The queue lists every session's incidents newest first.
  await db.schema.createIndex('session_incidents_occurred_idx').on('session_incidents').columns(['occurred_at', 'id']).execute()
}
