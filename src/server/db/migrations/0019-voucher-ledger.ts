// The voucher ledger and invoices as documents. A voucher batch records who bought which codes, at
// what price and against which invoice; each voucher belongs to its batch. An invoice now has a
// subject (a registration or a voucher batch), a human number drawn from a per-year counter, its
// lines, a payment reference, a void reason and a history of what happened to it.
// Rows that existed before: every invoice keeps working as a registration's invoice, numbered in the
// order it was issued, with one line for its amount and a history rebuilt from what it recorded;
// vouchers bought before batches existed are grouped into one batch per purchase (buyer, time,
// modules) with the price unknown (0, `price_source` 'legacy') and no invoice.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('voucher_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', (c) => c.references('users.id'))
    .addColumn('buyer_kind', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('price_source', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('expires_at', ts)
    .execute()
  await db.schema.createIndex('voucher_batches_buyer_idx').on('voucher_batches').columns(['buyer_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('voucher_batches_created_idx').on('voucher_batches').columns(['created_at', 'id']).execute()

  await db.schema.alterTable('vouchers').addColumn('batch_id', 'text', (c) => c.references('voucher_batches.id')).execute()
  await db.schema.createIndex('vouchers_batch_idx').on('vouchers').column('batch_id').execute()

  await generalizeInvoices(db, dialect, ts)

  await db.schema
    .createTable('invoice_lines')
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_cents', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_lines_pk', ['invoice_id', 'position'])
    .execute()

  await db.schema
    .createTable('invoice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('invoice_events_invoice_idx').on('invoice_events').columns(['invoice_id', 'at']).execute()

  await backfillInvoices(db)
  await backfillBatches(db)
}

/** registration_id becomes optional (a batch's invoice has none) and the invoice gains its new columns. */
async function generalizeInvoices(db: Kysely<any>, dialect: DialectName, ts: 'timestamptz' | 'text') {
  if (dialect === 'postgres') {
    await db.schema.alterTable('invoices').alterColumn('registration_id', (c) => c.dropNotNull()).execute()
  } else {
    // SQLite cannot drop a NOT NULL: the table is rebuilt with the same rows, and its index remade.
    await db.schema
      .createTable('invoices_next')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', (c) => c.references('registrations.id'))
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('issued_at', ts, (c) => c.notNull())
      .addColumn('paid_at', ts)
      .addColumn('marked_by', 'text', (c) => c.references('users.id'))
      .execute()
    await db.insertInto('invoices_next')
      .columns(['id', 'registration_id', 'amount_cents', 'currency', 'status', 'issued_at', 'paid_at', 'marked_by'])
      .expression((eb: any) => eb.selectFrom('invoices').select(['id', 'registration_id', 'amount_cents', 'currency', 'status', 'issued_at', 'paid_at', 'marked_by']))
      .execute()
    await db.schema.dropIndex('invoices_one_open_idx').execute()
    await db.schema.dropTable('invoices').execute()
    await db.schema.alterTable('invoices_next').renameTo('invoices').execute()
    await db.schema.createIndex('invoices_one_open_idx').on('invoices').column('registration_id').unique().where(sql.ref('status'), '=', 'open').execute()
  }
  await db.schema.alterTable('invoices').addColumn('subject_type', 'text', (c) => c.notNull().defaultTo('registration')).execute()
  await db.schema.alterTable('invoices').addColumn('voucher_batch_id', 'text').execute()
  await db.schema.alterTable('invoices').addColumn('number', 'text').execute()
  await db.schema.alterTable('invoices').addColumn('payment_reference', 'text').execute()
  await db.schema.alterTable('invoices').addColumn('voided_at', ts).execute()
  await db.schema.alterTable('invoices').addColumn('voided_by', 'text', (c) => c.references('users.id')).execute()
  await db.schema.alterTable('invoices').addColumn('void_reason', 'text').execute()
  await db.schema.createIndex('invoices_number_idx').on('invoices').column('number').unique().execute()
  await db.schema.createIndex('invoices_issued_idx').on('invoices').columns(['issued_at', 'id']).execute()
  await db.schema.createIndex('invoices_batch_idx').on('invoices').column('voucher_batch_id').execute()
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))

/** Numbers, one line and a history for every invoice issued before this migration, in issue order. */
async function backfillInvoices(db: Kysely<any>) {
  const rows = (await db.selectFrom('invoices').selectAll().orderBy('issued_at').orderBy('id').execute()) as {
    id: string; amount_cents: number; status: string; issued_at: unknown; paid_at: unknown; marked_by: string | null
  }[]
  const perYear = new Map<number, number>()
  let seq = 0
  for (const row of rows) {
    const issuedAt = iso(row.issued_at)
    const year = new Date(issuedAt).getUTCFullYear()
    const n = (perYear.get(year) ?? 0) + 1
    perYear.set(year, n)
    await db.updateTable('invoices').set({ number: `INV-${year}-${String(n).padStart(6, '0')}` }).where('id', '=', row.id).execute()
    await db.insertInto('invoice_lines').values({ invoice_id: row.id, position: 1, description: 'Registration fee', quantity: 1, unit_cents: row.amount_cents, amount_cents: row.amount_cents }).execute()
    const events: Record<string, unknown>[] = [{ id: `m0019-${++seq}-${row.id}`, invoice_id: row.id, kind: 'issued', actor_id: null, at: issuedAt, note: null }]
    if (row.status === 'paid') events.push({ id: `m0019-${++seq}-${row.id}`, invoice_id: row.id, kind: 'paid', actor_id: row.marked_by, at: iso(row.paid_at ?? row.issued_at), note: null })
    if (row.status === 'void') events.push({ id: `m0019-${++seq}-${row.id}`, invoice_id: row.id, kind: 'voided', actor_id: null, at: issuedAt, note: 'Voided before invoice history was kept.' })
    await db.insertInto('invoice_events').values(events).execute()
  }
  for (const [year, value] of perYear) await db.insertInto('counters').values({ name: `invoice_number_${year}`, value }).execute()
}

/** One batch per earlier purchase (buyer, time, modules), so every voucher belongs to a batch. */
async function backfillBatches(db: Kysely<any>) {
  const groups = (await db.selectFrom('vouchers')
    .select(['purchased_by', 'created_at', 'modules', (eb: any) => eb.fn.countAll().as('n'), (eb: any) => eb.fn.max('expires_at').as('expires_at')])
    .groupBy(['purchased_by', 'created_at', 'modules'])
    .execute()) as unknown as { purchased_by: string | null; created_at: unknown; modules: string; n: number | string; expires_at: unknown }[]
  let seq = 0
  for (const g of groups) {
    const id = `m0019-batch-${++seq}`
    await db.insertInto('voucher_batches').values({
      id, buyer_id: g.purchased_by, buyer_kind: 'unknown', organization: null, modules: g.modules, quantity: Number(g.n),
      unit_price_cents: 0, total_cents: 0, currency: 'USD', price_source: 'legacy', invoice_id: null,
      created_at: iso(g.created_at), created_by: g.purchased_by, expires_at: g.expires_at == null ? null : iso(g.expires_at),
    }).execute()
    let q = db.updateTable('vouchers').set({ batch_id: id }).where('created_at', '=', g.created_at).where('modules', '=', g.modules)
    q = g.purchased_by === null ? q.where('purchased_by', 'is', null) : q.where('purchased_by', '=', g.purchased_by)
    await q.execute()
  }
}
