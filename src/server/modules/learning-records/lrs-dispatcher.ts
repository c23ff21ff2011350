// The dispatcher: sends queued statements to external learning record stores after the transaction that
// recorded them has committed, and again on a timer. It never runs inside a learner's request: `record`
// only adds queue rows to the caller's transaction and calls `kick`, which schedules a pass a moment
// later (on SQLite the pass's first read waits for the recording transaction to end; on PostgreSQL a
// pass that runs before the commit finds nothing yet and the next one sends it). Each pass claims due
// rows (a lease, so two instances never send one row at once), sends them per endpoint in batches, and
// records the outcome: sent; due again after a back-off (5xx, 408, 429, no answer); or failed, with the
// error, after MAX_ATTEMPTS or at once for an answer no retry can change.
import { sentByClient, type XapiStatement } from '../../../common/learning/xapi-statements.js'
import type { ServerContext } from '../../context.js'
import { isDatabaseUnavailable } from '../../db/database-errors.js'
import { answerKind, BATCH_SIZE, MAX_ATTEMPTS, retryDelayMs } from './delivery-policy.js'
import { postStatements, type LrsTarget } from './lrs-client.js'
import { claimDue, settleDeliveries } from './lrs.repository.js'
import { openSecret } from './lrs-secrets.js'

/** Rows one pass claims; a pass repeats while it finds a full claim, up to MAX_PASSES. */
const CLAIM_LIMIT = 200
const MAX_PASSES = 20
/** A claim outlives the slowest batch (every request of it timing out) with room to spare. */
const LEASE_MS = 5 * 60_000
/** After a kick: a first pass soon (the recording transaction has usually committed), a second to catch a slow commit. */
const KICK_DELAYS_MS = [50, 1_000]
export const DISPATCH_INTERVAL_MS = 5_000

export interface DispatchTotals {
  sent: number
  retrying: number
  failed: number
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number]

export function createLrsDispatcher(ctx: ServerContext, o: { timeoutMs?: number } = {}) {
  let timer: NodeJS.Timeout | undefined
  const kickTimers = new Set<NodeJS.Timeout>()
  let started = false
  /** The passes of this process, one after another. */
  let chain: Promise<unknown> = Promise.resolve()
  let backgroundWaiting = false

  const iso = (ms: number) => new Date(ms).toISOString()

  /** Records an outcome on the rows it covers: one update per distinct attempt count (usually one). */
  async function settle(rows: Claimed[], outcome: { kind: 'sent' } | { kind: 'retry' | 'failed'; error: string }, totals: DispatchTotals) {
    const now = ctx.clock().getTime()
    const byAttempts = new Map<number, string[]>()
    for (const r of rows) byAttempts.set(Number(r.attempts), [...(byAttempts.get(Number(r.attempts)) ?? []), r.id])
    for (const [before, ids] of byAttempts) {
      const attempts = before + 1
      if (outcome.kind === 'sent') {
        await settleDeliveries(ctx.db, ids, { status: 'sent', attempts, next_attempt_at: iso(now), last_error: null, last_attempt_at: iso(now), sent_at: iso(now) })
        totals.sent += ids.length
        continue
      }
      const fail = outcome.kind === 'failed' || attempts >= MAX_ATTEMPTS
      const error = fail && outcome.kind === 'retry' ? `${outcome.error} Gave up after ${attempts} attempts.` : outcome.error
      await settleDeliveries(ctx.db, ids, {
        status: fail ? 'failed' : 'pending', attempts, next_attempt_at: iso(fail ? now : now + retryDelayMs(attempts)),
        last_error: error.slice(0, 1000), last_attempt_at: iso(now), sent_at: null,
      })
      if (fail) totals.failed += ids.length
      else totals.retrying += ids.length
    }
  }

  async function sendBatch(target: LrsTarget, rows: Claimed[], totals: DispatchTotals): Promise<void> {
    const statements = rows.map((r) => sentByClient(JSON.parse(r.statement) as XapiStatement))
    const answer = await postStatements(target, statements, o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {})
    if (answer.status === null) return settle(rows, { kind: 'retry', error: answer.detail }, totals)
    switch (answerKind(answer.status)) {
      case 'sent':
        return settle(rows, { kind: 'sent' }, totals)
      case 'conflict':
        // One statement: the LRS already has this id (ids never change here), so it is delivered. A batch
        // was refused whole for one of them: send each alone to learn which.
        if (rows.length === 1) return settle(rows, { kind: 'sent' }, totals)
        for (const row of rows) await sendBatch(target, [row], totals)
        return
      case 'retry':
        return settle(rows, { kind: 'retry', error: answer.detail }, totals)
      case 'permanent':
        return settle(rows, { kind: 'failed', error: answer.detail }, totals)
    }
  }

  async function onePass(totals: DispatchTotals): Promise<number> {
    const now = ctx.clock().getTime()
    const rows = await claimDue(ctx.db, iso(now), iso(now + LEASE_MS), CLAIM_LIMIT)
    const byEndpoint = new Map<string, Claimed[]>()
    for (const r of rows) byEndpoint.set(r.endpoint_id, [...(byEndpoint.get(r.endpoint_id) ?? []), r])
    // Endpoints are independent: a slow one does not hold up the others.
    await Promise.all([...byEndpoint.values()].map(async (list) => {
      const first = list[0]!
      let target: LrsTarget
      try {
        target = { url: first.url, key: first.auth_key, secret: openSecret(ctx.secrets, { endpointId: first.endpoint_id, secret: first.auth_secret, kekId: first.auth_secret_kek_id }) }
      } catch (err) {
        // A secret this process cannot open (another KEK: see the start-up check) is retried, not sent without it.
        return settle(list, { kind: 'retry', error: (err as Error).message }, totals)
      }
      for (let i = 0; i < list.length; i += BATCH_SIZE) await sendBatch(target, list.slice(i, i + BATCH_SIZE), totals)
    }))
    return rows.length
  }

  async function drain(): Promise<DispatchTotals> {
    const totals: DispatchTotals = { sent: 0, retrying: 0, failed: 0 }
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const claimed = await onePass(totals)
      if (claimed < CLAIM_LIMIT) break
    }
    return totals
  }

  /** One dispatch, after any in progress (passes never overlap in a process): sends every due delivery and says what happened. */
  function dispatchDue(): Promise<DispatchTotals> {
    const pass = chain.then(() => drain())
    chain = pass.catch(() => undefined)
    return pass
  }

  /**
   * A dispatch in the background, whose failure (a database outage, say) is logged, never thrown at
   * anyone. Kicks that arrive while one is already waiting to start share it.
   */
  function background(): void {
    if (!started || backgroundWaiting) return
    backgroundWaiting = true
    const pass = chain.then(() => {
      backgroundWaiting = false
      return started ? drain() : { sent: 0, retrying: 0, failed: 0 }
    })
    chain = pass.catch(() => undefined)
    pass.then(
      (t) => { if (t.sent + t.retrying + t.failed > 0) ctx.log.info(t, 'learning record forwarding') },
      (err: unknown) => {
        if (isDatabaseUnavailable(err)) ctx.log.warn({ reason: (err as Error).message }, 'learning record forwarding skipped: database unavailable')
        else ctx.log.error({ err }, 'learning record forwarding failed')
      },
    )
  }

  return {
    dispatchDue,

    /** Called by `record` after queueing deliveries: a pass shortly after the caller's commit (only once started). */
    kick(): void {
      if (!started) return
      for (const delay of KICK_DELAYS_MS) {
        const t = setTimeout(() => { kickTimers.delete(t); background() }, delay)
        t.unref()
        kickTimers.add(t)
      }
    },

    /** Starts the timer and the kicks (main.ts; tests that want the background behaviour). */
    start(intervalMs = DISPATCH_INTERVAL_MS): void {
      if (started) return
      started = true
      timer = setInterval(background, intervalMs)
      timer.unref()
      background()
    },

    /** Stops the timer and kicks and waits for the passes in progress (app close). */
    async stop(): Promise<void> {
      started = false
      if (timer) clearInterval(timer)
      timer = undefined
      for (const t of kickTimers) clearTimeout(t)
      kickTimers.clear()
      await chain
    },

    get started() { return started },
  }
}

export type LrsDispatcher = ReturnType<typeof createLrsDispatcher>
