// Atomic writes: at most one open invoice per registration (a partial unique index, so a repeated
// request cannot issue a second one under any concurrency); when a registration was paid (a payment
// travels with it to another session, even onto a waitlist); and what a background job needs to be
// resumed after a crash: its input, the process that runs it and that process's last sign of life.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  // Invoices left open on a registration that is no longer live could still be marked paid: void them.
  await db.updateTable('invoices').set({ status: 'void' })
    .where('status', '=', 'open')
    .where('registration_id', 'in', (eb: any) => eb.selectFrom('registrations').select('id').where('status', 'not in', ['pending_payment', 'confirmed', 'waitlisted']))
    .execute()
  // Repeated requests made several open invoices for one registration: keep the first of each.
  const open = await db.selectFrom('invoices').select(['id', 'registration_id']).where('status', '=', 'open').orderBy('registration_id').orderBy('issued_at').orderBy('id').execute()
  const seen = new Set<string>()
  const duplicates: string[] = []
  for (const row of open as { id: string; registration_id: string }[]) {
    if (seen.has(row.registration_id)) duplicates.push(row.id)
    seen.add(row.registration_id)
  }
  for (let i = 0; i < duplicates.length; i += 500) {
    await db.updateTable('invoices').set({ status: 'void' }).where('id', 'in', duplicates.slice(i, i + 500)).execute()
  }
  await db.schema.createIndex('invoices_one_open_idx').on('invoices').column('registration_id').unique().where(sql.ref('status'), '=', 'open').execute()

  await db.schema.alterTable('registrations').addColumn('paid_at', ts).execute()
  await db.updateTable('registrations').set({ paid_at: sql.ref('updated_at') })
    .where('status', '=', 'confirmed').where('payment_method', 'in', ['voucher', 'invoice', 'waived'])
    .execute()

  await db.schema.alterTable('jobs').addColumn('input', 'text').execute()
  await db.schema.alterTable('jobs').addColumn('owner', 'text').execute()
  await db.schema.alterTable('jobs').addColumn('heartbeat_at', ts).execute()
  await db.schema.alterTable('jobs').addColumn('error', 'text').execute()
  await db.schema.alterTable('jobs').addColumn('resumes', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('jobs_running_idx').on('jobs').columns(['status', 'heartbeat_at']).execute()
}
