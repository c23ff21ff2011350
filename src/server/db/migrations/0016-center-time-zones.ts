// Center time zones: every center keeps the IANA zone of the place it is (its sessions' times are
// shown, emailed and put in calendars in that zone); centers that existed before get the program's
// own zone, America/New_York. Session reminders: the program's policy may ask for several reminders
// before a session (`policies.reminders.sessionHoursBefore`), so each one sent is a row keyed by the
// registration and its hours, and two instances sending reminders at once cannot both send one.
// The old single `registrations.reminder_sent_at` stamp is carried over as the 48-hour reminder
// (the only one there was) and no longer written.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema.alterTable('centers').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('America/New_York')).execute()

  await db.schema
    .createTable('session_reminders')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('hours_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('session_reminders_pk', ['registration_id', 'hours_before'])
    .execute()

  await db
    .insertInto('session_reminders')
    .columns(['registration_id', 'hours_before', 'sent_at'])
    .expression((eb: any) => eb.selectFrom('registrations').select(['id', sql.lit(48).as('hours_before'), 'reminder_sent_at']).where('reminder_sent_at', 'is not', null))
    .execute()
}
