// Email to people: every message is recorded first (staff can read it in the outbox view), then
// delivered in the background, in order, so a slow mail server never slows the request that caused
// it. A failed delivery is recorded, never thrown back at the request. The record keeps the message
// with its secrets taken out (redact-secrets.ts): reset, set-password and invitation links and tokens
// reach only the recipient, through the delivered message (SMTP, or DATA_DIR/outbox/*.eml).
import type { ServerContext } from '../../context.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { DbOrTx } from '../../db/database.js'
import { insertEmail, insertEmails, listEmails, markEmail, markEmailsSent, queuedEmails } from './emails.repository.js'
import { createMailTransport, type OutgoingEmail } from './mail-transport.js'
import { redactSecrets } from './redact-secrets.js'

export type EmailMessage = Omit<OutgoingEmail, 'id'>

export function createNotificationsService(ctx: ServerContext) {
  const transport = createMailTransport(ctx.config.smtpUrl, ctx.config.dataDir)
  let queue: Promise<void> = Promise.resolve()
  /** Work that ends in an email, started after its request was answered (inBackground). */
  const background = new Set<Promise<void>>()

  async function deliver(id: string, message: EmailMessage) {
    try {
      await transport.deliver({ ...message, id })
      await markEmail(ctx.db, id, { status: 'sent', error: null, sent_at: ctx.clock().toISOString() })
    } catch (err) {
      ctx.log.error({ err, emailId: id }, 'email delivery failed')
      await markEmail(ctx.db, id, { status: 'failed', error: String((err as Error).message ?? err), sent_at: null }).catch(() => undefined)
    }
  }

  /** Delivers many in order; the ones that went out are marked sent together (a failure is marked on its own, as in deliver). */
  async function deliverMany(messages: readonly { id: string; message: EmailMessage }[]) {
    const sent: string[] = []
    for (const { id, message } of messages) {
      try {
        await transport.deliver({ ...message, id })
        sent.push(id)
      } catch (err) {
        ctx.log.error({ err, emailId: id }, 'email delivery failed')
        await markEmail(ctx.db, id, { status: 'failed', error: String((err as Error).message ?? err), sent_at: null }).catch(() => undefined)
      }
    }
    // Not marked (a crash here): resendQueued delivers them again after a minute, as for a single email.
    await markEmailsSent(ctx.db, sent, ctx.clock().toISOString()).catch((err: unknown) => ctx.log.error({ err }, 'could not mark delivered emails sent'))
  }

  const recordOf = (id: string, message: EmailMessage) => ({
    id,
    to_address: message.to.toLowerCase(),
    subject: redactSecrets(message.subject),
    text_body: redactSecrets(message.text),
    transport: transport.kind,
    status: 'queued' as const,
    error: null,
    created_at: ctx.clock().toISOString(),
    sent_at: null,
  })

  return {
    /** Records one email and queues its delivery. Call after the change it reports has committed. */
    async send(message: EmailMessage): Promise<string> {
      const id = newId()
      await insertEmail(ctx.db, recordOf(id, message))
      queue = queue.then(() => deliver(id, message))
      return id
    },

    /**
     * Records many emails in the caller's transaction (they commit with the change they report, or
     * not at all); call the returned function after that commit to queue their delivery. A crash
     * between the two leaves them recorded and queued, for resendQueued.
     */
    async record(trx: DbOrTx, messages: readonly EmailMessage[]): Promise<() => void> {
      const batch = messages.map((message) => ({ id: newId(), message }))
      await insertEmails(trx, batch.map(({ id, message }) => recordOf(id, message)))
      return () => {
        if (batch.length > 0) queue = queue.then(() => deliverMany(batch))
      }
    },

    /**
     * Work whose outcome is an email, done after the request that asked for it has been answered
     * (a password-reset request answers the same, as fast, whether or not the account exists).
     * A failure is logged; flush() waits for the work and the email it queued.
     */
    inBackground(task: () => Promise<void>): void {
      const running: Promise<void> = Promise.resolve()
        .then(task)
        .catch((err: unknown) => ctx.log.error({ err }, 'background email work failed'))
        .finally(() => background.delete(running))
      background.add(running)
    },

    /**
     * Delivers again what a crash left recorded but undelivered (status still queued after a
     * minute). The text is as recorded, so a link it carried is redacted: the person asks for a
     * new one. An attachment (a calendar invitation) is not kept in the database and does not go
     * out again.
     */
    async resendQueued(): Promise<number> {
      const before = new Date(ctx.clock().getTime() - 60_000).toISOString()
      const stuck = await queuedEmails(ctx.db, before)
      for (const e of stuck) queue = queue.then(() => deliver(e.id, { to: e.to_address, subject: e.subject, text: e.text_body }))
      return stuck.length
    },

    /** Resolves once background work is done and every queued email has been delivered or has failed (tests, shutdown). */
    async flush(): Promise<void> {
      do {
        await Promise.all([...background])
        await queue
      } while (background.size > 0)
    },

    async listOutbox(actor: Actor | null, filter: { to?: string | undefined; limit: number; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      return listEmails(ctx.db, filter)
    },

    close: () => transport.close(),
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
