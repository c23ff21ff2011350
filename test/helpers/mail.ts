// Reads email as its recipient gets it: the delivered message (DATA_DIR/outbox/<id>.eml on an install
// without SMTP), not the staff outbox, whose record has its links and tokens redacted.
import fs from 'node:fs'
import path from 'node:path'
import type { TestApp } from './test-app.js'

/** The text of an .eml file's body, quoted-printable decoded (nodemailer folds long link lines). */
export function emlText(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/) + 1)
  return Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')
}

/** Every app's outbox folder (TEST_TWO_APPS: each app has its own DATA_DIR); the first app's first. */
export function outboxDirs(t: TestApp): string[] {
  return t.apps.map((app) => path.join(app.config.dataDir, 'outbox'))
}

/** The .eml file of a delivered message: in the outbox of whichever app delivered it (TEST_TWO_APPS). */
export function deliveredFile(t: TestApp, id: string): string {
  return outboxDirs(t).map((dir) => path.join(dir, `${id}.eml`)).find((f) => fs.existsSync(f)) ?? path.join(t.dataDir, 'outbox', `${id}.eml`)
}

/** The newest delivered message to `to` (optionally whose subject matches), as the recipient reads it. */
export async function deliveredMail(t: TestApp, to: string, subject?: RegExp): Promise<{ id: string; subject: string; text: string }> {
  // TEST_TWO_APPS: either app may have sent it, into its own DATA_DIR's outbox.
  await t.flushEmails()
  const rows = (await t.app.db.selectFrom('emails').select(['id', 'subject', 'created_at']).where('to_address', '=', to.toLowerCase()).execute())
    .filter((r) => !subject || subject.test(r.subject))
  const file = (id: string) => deliveredFile(t, id)
  // Tests often hold the clock still, so emails share created_at: the files were written in sending order.
  const newest = rows
    .map((r) => ({ ...r, written: fs.statSync(file(r.id), { bigint: true }).mtimeNs }))
    .sort((a, b) => (a.created_at !== b.created_at ? (a.created_at < b.created_at ? 1 : -1) : a.written < b.written ? 1 : a.written > b.written ? -1 : 0))
  const row = newest[0]
  if (!row) throw new Error(`no email to ${to}${subject ? ` matching ${subject}` : ''}`)
  const raw = fs.readFileSync(file(row.id), 'utf8')
  return { id: row.id, subject: row.subject, text: emlText(raw) }
}

/** The token of the link (…?token=…) in the newest delivered message to `to`. */
export async function deliveredToken(t: TestApp, to: string, subject?: RegExp): Promise<string> {
  const mail = await deliveredMail(t, to, subject)
  const match = /[?&]token=([^\s&]+)/.exec(mail.text)
  if (!match) throw new Error(`no link with a token in the email to ${to}: ${mail.text}`)
  return decodeURIComponent(match[1]!)
}
