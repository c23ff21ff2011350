// Email to people: every message is recorded first (staff can read it in the outbox view), then
// delivered in the background (each recipient's in order), so a slow mail server never slows the
// request that caused it. A failed delivery is recorded, never thrown back at the request. The
// record keeps the message with its secrets taken out (redact-secrets.ts): reset, set-password and
// invitation links and tokens reach only the recipient, through the delivered message (SMTP, or
// DATA_DIR/outbox/*.eml).
// On PostgreSQL delivery is a job on the queue (job-queue.ts): any process's worker delivers it,
// a failure is tried again with backoff, and the outbox row's status makes it idempotent (a message
// already sent is never sent again). The queued message carries the full text (the recipient's
// links) only until it is delivered or given up: then its data is emptied. On SQLite the one
// process delivers them itself (deliverMany: several recipients at a time, each one's in order).
import type { ServerContext } from '../../context.js'
import { newId } from '../../ids.js'
import { inLanes } from '../../in-lanes.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { DbOrTx } from '../../db/database.js'
import type { JobQueue, QueueMessage } from '../jobs/job-queue.js'
import { emailStatuses, insertEmail, insertEmails, listEmails, markEmail, markEmailsSent, queuedEmails } from './emails.repository.js'
import { createMailTransport, type OutgoingEmail } from './mail-transport.js'
import { redactSecrets } from './redact-secrets.js'

export type EmailMessage = Omit<OutgoingEmail, 'id'>

const EMAIL_QUEUE = 'mt1-email'
/** A failed delivery is tried again this many times, after 1, 2, 4, 8, 16 s, then marked failed. */
export const EMAIL_RETRIES = 5
/** Deliveries of one batch in flight together (on SMTP, connections: SMTP_URL may add ?pool=true&maxConnections=N to bound them). */
const DELIVERIES_AT_ONCE = 8

/** An email as a queue message: attachments in base64, so the message is JSON. */
interface QueuedEmail {
  id: string
  to: string
  subject: string
  text: string
  attachments?: { filename: string; content: string; contentType: string }[]
}

export function createNotificationsService(ctx: ServerContext, deps: { queue: JobQueue | null } = { queue: null }) {
  const transport = createMailTransport(ctx.config.smtpUrl, ctx.config.dataDir)
  const jobQueue = deps.queue
  /** Emails this process queued (PostgreSQL) and not yet seen delivered or failed: flush() waits for them. */
  const queued = new Set<string>()
  let worker: Promise<void> | undefined
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

  /** Delivers one queued email: skipped when its row is no longer queued (sent, or given up). */
  async function deliverQueued(message: QueueMessage<QueuedEmail>) {
    const email = message.data
    const [row] = await emailStatuses(ctx.db, [email.id])
    if (!row || row.status !== 'queued') return jobQueue!.forget(message.id)
    try {
      await transport.deliver({
        id: email.id, to: email.to, subject: email.subject, text: email.text,
        attachments: email.attachments?.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })),
      })
    } catch (err) {
      const error = String((err as Error).message ?? err)
      const last = message.retryCount >= message.retryLimit
      ctx.log.error({ err, emailId: email.id, attempt: message.retryCount + 1 }, last ? 'email delivery failed' : 'email delivery failed; trying again')
      await markEmail(ctx.db, email.id, { status: last ? 'failed' : 'queued', error, sent_at: null })
      if (!last) throw err
      return jobQueue!.forget(message.id)
    }
    await markEmail(ctx.db, email.id, { status: 'sent', error: null, sent_at: ctx.clock().toISOString() })
    await jobQueue!.forget(message.id)
  }

  /** Puts an email on the queue (PostgreSQL); false when the queue cannot take it (then this process delivers it). */
  async function enqueue(id: string, message: EmailMessage): Promise<boolean> {
    try {
      worker ??= jobQueue!.work<QueuedEmail>(EMAIL_QUEUE, deliverQueued)
      await worker
      const data: QueuedEmail = {
        id, to: message.to, subject: message.subject, text: message.text,
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content).toString('base64') })) } : {}),
      }
      await jobQueue!.send(EMAIL_QUEUE, data, { singletonKey: id, retryLimit: EMAIL_RETRIES, retryDelaySeconds: 1, retryBackoff: true })
      queued.add(id)
      return true
    } catch (err) {
      ctx.log.warn({ err, emailId: id }, 'could not queue an email; delivering it from this process')
      return false
    }
  }

  /**
   * Delivers many (a rescoring's batch of a few hundred), several recipients at a time: one after
   * the other, each delivery waits on the disk or the mail server, and 100,000 took a minute and a
   * half beyond the job that recorded them. Each recipient's own messages still go in order. The
   * ones that went out are marked sent together (a failure is marked on its own, as in deliver).
   */
  async function deliverMany(messages: readonly { id: string; message: EmailMessage }[]) {
    const sent: string[] = []
    await inLanes(messages, (m) => m.message.to.toLowerCase(), DELIVERIES_AT_ONCE, async ({ id, message }) => {
      try {
        await transport.deliver({ ...message, id })
        sent.push(id)
      } catch (err) {
        ctx.log.error({ err, emailId: id }, 'email delivery failed')
        await markEmail(ctx.db, id, { status: 'failed', error: String((err as Error).message ?? err), sent_at: null }).catch(() => undefined)
      }
    })
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
      if (!jobQueue || !(await enqueue(id, message))) queue = queue.then(() => deliver(id, message))
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
        if (batch.length === 0) return
        if (!jobQueue) {
          queue = queue.then(() => deliverMany(batch))
          return
        }
        // On PostgreSQL each goes on the queue (any process delivers it, with retries); one the queue
        // cannot take is delivered by this process.
        queue = queue.then(async () => {
          const here: typeof batch = []
          for (const b of batch) if (!(await enqueue(b.id, b.message))) here.push(b)
          if (here.length > 0) await deliverMany(here)
        })
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
      for (const e of stuck) {
        const message = { to: e.to_address, subject: e.subject, text: e.text_body }
        if (!jobQueue || !(await enqueue(e.id, message))) queue = queue.then(() => deliver(e.id, message))
      }
      return stuck.length
    },

    /** Resolves once background work is done and every queued email has been delivered or has failed (tests, shutdown). */
    async flush(): Promise<void> {
      do {
        await Promise.all([...background])
        await queue
        // Emails on the queue: until their row says sent or failed (a retry may be waiting).
        while (queued.size > 0) {
          const statuses = new Map((await emailStatuses(ctx.db, [...queued])).map((r) => [r.id, r.status]))
          for (const id of [...queued]) if (statuses.get(id) !== 'queued') queued.delete(id)
          if (queued.size > 0) await new Promise((r) => setTimeout(r, 25))
        }
      } while (background.size > 0)
    },

    async listOutbox(actor: Actor | null, filter: { to?: string | undefined; limit: number; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      return listEmails(ctx.db, filter)
    },

    /** Starts this process's worker for queued emails (PostgreSQL; background start). */
    async startWorking(): Promise<void> {
      if (!jobQueue) return
      worker ??= jobQueue.work<QueuedEmail>(EMAIL_QUEUE, deliverQueued)
      await worker
    },

    close: () => transport.close(),
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
