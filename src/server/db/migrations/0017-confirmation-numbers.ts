// Confirmation numbers (issue 12, candidate self-service): every registration gets a short,
// human-readable, unique code (common/rules/confirmation-number.ts) that the candidate quotes to the
// program and sees on the confirmation screen, in the email and on the receipt. Existing rows are
// backfilled here; the unique index makes a clash impossible (the writer draws again).
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { confirmationNumberFrom } from '../../../common/rules/confirmation-number.js'
import type { DialectName } from '../database.js'

const draw = () => confirmationNumberFrom(Array.from({ length: 8 }, () => randomInt(1 << 16)))

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('registrations').addColumn('confirmation_number', 'text').execute()
  const rows = (await db.selectFrom('registrations').select('id').orderBy('id').execute()) as { id: string }[]
  const used = new Set<string>()
  for (const { id } of rows) {
    let code = draw()
    while (used.has(code)) code = draw()
    used.add(code)
    await db.updateTable('registrations').set({ confirmation_number: code }).where('id', '=', id).execute()
  }
  await db.schema.createIndex('registrations_confirmation_number_idx').on('registrations').column('confirmation_number').unique().execute()
}
