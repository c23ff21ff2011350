// Proctored delivery, the candidate's side: the proctor's presence (console heartbeats), check-in
// with photo ID, and the attempt: started only when checked in and while a certified proctor of the
// session is present; paused when no proctor has been present for the configured time; a server-side
// clock; responses saved durably, in the client's order, before the save is acknowledged; submitted
// by the candidate or, at the deadline, by the server; scored against the versions it drew.
import { DEFAULT_TIME_ZONE, formatZonedShort } from '../../../common/time-zones.js'
import { randomInt } from 'node:crypto'
import { optionSeed, type FormItem } from '../../../common/items/form-assembly.js'
import { attemptItem, InvalidResponseError, responseTranslator, type ResponseTranslator } from '../../../common/items/attempt-identifiers.js'
import type { CandidateItem } from '../../../common/items/candidate-item.js'
import { formLength } from '../../../common/program/program-consistency.js'
import { correctResponseOf, type CandidateResponse } from '../../../common/qti/scoring.js'
import type { PauseReason } from '../../../common/schemas/delivery.js'
import { timeFactor } from '../../../common/rules/accommodations.js'
import { calculatorAllowed } from '../../../common/rules/calculator.js'
import { acceptsResponses, breakEndsAt, deadlineAfterBreak, initialDeadline, mayTakeBreak, remainingMs } from '../../../common/rules/attempt-lifecycle.js'
import { certificationCovers } from '../../../common/rules/proctoring.js'
import { checkinOpen, checkinWindow } from '../../../common/rules/checkin-window.js'
import type { ServerContext } from '../../context.js'
import type { Tx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProctorsService } from '../centers/proctors.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import type { SessionAdminService } from '../scheduling/session-admin.service.js'
import type { TrainingConflicts } from '../training/impartiality.js'
import {
  attemptFor, attemptsForSaving, attemptsOnBreakSince, changeClockIf, countEvents, pauseRunning, endAbsence, findAttempt, findCheckin, insertAttempt, insertCheckin, insertEvent, moveAttempt, recentlySeenProctorIds,
  responsesOf, storedSeq, touchAttempts, updateAttempt, upsertPresence, upsertResponse,
  checkinsOf, deletePreparedForm, findPreparedForm, insertPreparedForm,
} from './delivery.repository.js'
import { GroupCommit } from '../../db/group-commit.js'
import { inTransaction } from '../../db/transaction.js'
import { attemptsOfCandidate, seenItemIds } from './delivery.repository.js'

const MAX_RESPONSE_BYTES = 16 * 1024
/** Focus events kept per attempt; beyond this a misbehaving client is ignored, not stored. */
const MAX_FOCUS_EVENTS = 2000
/** Presence is looked up at most this often per session on the save path. */
const PRESENCE_CACHE_MS = 2000
/** Response translators kept per process (about 2,000 candidates' forms of 30 items). */
const MAX_CACHED_TRANSLATORS = 60_000
/**
 * The candidate's last contact is written with a save or a poll only when the stored one is older than this:
 * the console shows 'online' for 30 s after it, and rewriting the attempt row on every save doubled
 * the writes of the hottest path.
 */
const TOUCH_EVERY_MS = 5000

export type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>

export function createDeliveryService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; program: ProgramService; itemBank: ItemBankService; accommodations: AccommodationsService
    registrations: RegistrationsService; results: ResultsService; sessions: SessionAdminService; proctors: ProctorsService; centers: CenterDirectory
    /** issue 13: whether the proctor trained the candidate within the impartiality period (the training module). */
    impartiality: TrainingConflicts
  },
) {
  const { db } = ctx
  const presenceMs = () => deps.program.definition.policies.proctorPresenceSeconds * 1000
  const now = () => ctx.clock()
  const iso = () => ctx.clock().toISOString()
  /** Whether the candidate's stored last contact is old enough to be written again (TOUCH_EVERY_MS). */
  const contactIsStale = (lastSeenAt: string | null | undefined) => !lastSeenAt || now().getTime() - Date.parse(lastSeenAt) >= TOUCH_EVERY_MS

  async function requireSessionProctor(actor: Actor | null, sessionId: string) {
    const proctor = requireRole(actor, 'proctor')
    const session = await deps.sessions.find(sessionId)
    if (!session) throw notFound('The session')
    if (!(await deps.sessions.proctorIds(sessionId)).includes(proctor.userId)) throw new AppError('FORBIDDEN', 'Only a proctor assigned to this session can do this.')
    const [cert] = await deps.proctors.certifications([proctor.userId])
    if (!certificationCovers(cert ? { status: cert.status, certifiedUntil: cert.certified_until } : undefined, iso())) {
      throw new AppError('PROCTOR_NOT_CERTIFIED', 'Your proctor certification is not current.')
    }
    return { proctor, session }
  }

  /** Whether a certified proctor of the session has been present within the presence window. */
  async function proctorPresent(sessionId: string): Promise<boolean> {
    const seen = await recentlySeenProctorIds(db, sessionId, new Date(now().getTime() - presenceMs()).toISOString())
    if (seen.length === 0) return false
    // Only a proctor still assigned to the session counts (one removed from it may have been seen).
    const assigned = new Set(await deps.sessions.proctorIds(sessionId))
    const ids = seen.filter((id) => assigned.has(id))
    if (ids.length === 0) return false
    const certs = await deps.proctors.certifications(ids)
    return certs.some((c) => certificationCovers({ status: c.status, certifiedUntil: c.certified_until }, iso()))
  }

  // The save path asks about presence on every save; a short per-process cache keeps that cheap.
  // The sweep pauses unproctored sessions with an uncached look, so the cache never hides a gap
  // for longer than the sweep interval plus this. Only "present" is kept: a heartbeat clears the cache
  // of the process that took it, not of the others (issue 16, several processes), so a cached "absent"
  // could pause a candidate whose proctor is back; an absence, which pauses, is always read afresh.
  const presenceCache = new Map<string, { at: number }>()
  async function proctorPresentCached(sessionId: string): Promise<boolean> {
    const hit = presenceCache.get(sessionId)
    if (hit && now().getTime() - hit.at < PRESENCE_CACHE_MS && hit.at <= now().getTime()) return true
    const present = await proctorPresent(sessionId)
    if (present) presenceCache.set(sessionId, { at: now().getTime() })
    else presenceCache.delete(sessionId)
    return present
  }

  const event = (attemptId: string, kind: string, actorId: string | null, reason: string | null) =>
    insertEvent(db, { id: newId(), attempt_id: attemptId, kind, actor_id: actorId, reason, at: iso() })

  /** Pauses a running attempt whose session has had no proctor present (the candidate is told why). */
  async function pauseIfUnproctored(attempt: AttemptRow, cached = false): Promise<AttemptRow> {
    if (attempt.status !== 'in_progress') return attempt
    if (await (cached ? proctorPresentCached(attempt.session_id) : proctorPresent(attempt.session_id))) return attempt
    await inTransaction(db, async (trx) => {
      if (await pauseRunning(trx, attempt.id, 'no_proctor_present', iso())) await insertEvent(trx, { id: newId(), attempt_id: attempt.id, kind: 'paused', actor_id: null, reason: 'no_proctor_present', at: iso() })
    })
    return (await findAttempt(db, attempt.id))!
  }

  const breakPolicy = () => deps.program.definition.policies.extraBreaks

  /**
   * Ends a break: the clock runs again, having stopped for the break up to the policy's length.
   * By the candidate, or by the sweep once a break has run its length (reason `time_limit`).
   */
  async function endBreakOf(attempt: AttemptRow, actorId: string | null, reason: string | null): Promise<boolean> {
    if (attempt.status !== 'paused' || attempt.pause_reason !== 'break' || !attempt.paused_at) return false
    const deadline = deadlineAfterBreak(attempt.deadline_at, attempt.paused_at, now(), breakPolicy())
    return inTransaction(db, async (trx) => {
      // The deadline is computed from the row as read: a version check, so added time meanwhile is not overwritten.
      const moved = await changeClockIf(trx, attempt.id, { statuses: ['paused'], deadline_at: attempt.deadline_at, paused_at: attempt.paused_at }, { status: 'in_progress', deadline_at: deadline, paused_at: null, pause_reason: null, updated_at: iso() })
      if (moved) await insertEvent(trx, { id: newId(), attempt_id: attempt.id, kind: 'break_ended', actor_id: actorId, reason, at: iso() })
      return moved
    })
  }

  async function adjustmentsOf(candidateId: string): Promise<string[]> {
    return (await deps.accommodations.adjustmentsFor([candidateId])).get(candidateId) ?? []
  }

  /**
   * The attempt for its candidate, bound to the device that started it (a move needs the proctor's
   * re-admission), or for a proctor of its session acting as the scribe of a candidate approved for one.
   */
  async function accessAttempt(actor: Actor | null, id: string, device: string | undefined): Promise<{ attempt: AttemptRow; actorId: string; scribe: boolean }> {
    const who = requireRole(actor, 'candidate', 'proctor')
    const attempt = await findAttempt(db, id)
    // Another candidate's attempt does not exist, as far as this candidate can tell.
    if (!attempt) throw notFound('The attempt')
    if (attempt.candidate_id !== who.userId) {
      if (!hasRole(who, 'proctor')) throw notFound('The attempt')
      await requireSessionProctor(actor, attempt.session_id)
      if (!(await adjustmentsOf(attempt.candidate_id)).includes('scribe')) throw new AppError('FORBIDDEN', 'Scribe mode is only for a candidate approved for a scribe.')
      return { attempt, actorId: who.userId, scribe: true }
    }
    return { attempt: await bindDevice(attempt, device), actorId: who.userId, scribe: false }
  }

  // A request without the device header counts as one from another computer: leaving the header
  // out must not be a way around the binding.
  async function bindDevice(attempt: AttemptRow, device: string | undefined): Promise<AttemptRow> {
    if (device && attempt.device_id === device) return attempt
    if (device && (attempt.device_id === null || Number(attempt.readmit_allowed) === 1)) {
      await inTransaction(db, async (trx) => {
        await updateAttempt(trx, attempt.id, { device_id: device, readmit_allowed: 0, awaiting_readmit: 0, updated_at: iso() })
        if (attempt.device_id !== null) await insertEvent(trx, { id: newId(), attempt_id: attempt.id, kind: 'device_moved', actor_id: null, reason: null, at: iso() })
      })
      return (await findAttempt(db, attempt.id))!
    }
    if (Number(attempt.awaiting_readmit) !== 1) {
      await inTransaction(db, async (trx) => {
        await updateAttempt(trx, attempt.id, { awaiting_readmit: 1 })
        await insertEvent(trx, { id: newId(), attempt_id: attempt.id, kind: 'device_change_requested', actor_id: null, reason: null, at: iso() })
      })
    }
    throw new AppError('DEVICE_NOT_ADMITTED', 'This test was started on another computer. Ask your proctor to re-admit you on this one.')
  }

  /**
   * What the candidate sees: while the attempt runs, its items with the attempt's opaque identifiers
   * and the saved responses in those identifiers. While it is paused or on a break, neither: a pause
   * is not a time to read the test with the clock stopped. Once it is submitted, the responses but
   * no items.
   */
  async function view(attempt: AttemptRow) {
    const form = JSON.parse(attempt.form) as FormItem[]
    const showItems = attempt.status === 'in_progress'
    const showResponses = attempt.status !== 'paused'
    const models = showResponses ? new Map((await deps.itemBank.versions(form)).map((v) => [v.itemId, v.model])) : new Map<string, StoredItemModel>()
    const seedOf = (itemId: string) => optionSeed(Number(attempt.seed), itemId)
    const presented = new Map<string, ResponseTranslator & { item?: CandidateItem }>(showItems
      ? form.map((f) => {
        const model = models.get(f.itemId)!
        return [f.itemId, attemptItem(f.itemId, model.type, model.presentation, seedOf(f.itemId))]
      })
      : [])
    const translatorOf = (itemId: string) => {
      const model = models.get(itemId)
      return presented.get(itemId) ?? (model ? responseTranslator(itemId, model.presentation, seedOf(itemId)) : null)
    }
    const items = [...presented.values()].map((p) => p.item!)
    const responses = showResponses
      ? Object.fromEntries((await responsesOf(db, attempt.id)).map((r) => {
        const stored = JSON.parse(r.response) as unknown
        return [r.item_id, { response: translatorOf(r.item_id)?.toOpaque(stored) ?? null, seq: Number(r.seq), savedAt: r.saved_at }]
      }))
      : {}
    return attemptView(attempt, {
      items, responses, accommodations: await adjustmentsOf(attempt.candidate_id),
      result: attempt.status === 'scored' ? await deps.results.resultOf(attempt.id) : null,
    })
  }

  type ViewedAttempt = Pick<AttemptRow, 'id' | 'registration_id' | 'session_id' | 'module' | 'status' | 'started_at' | 'deadline_at' | 'paused_at' | 'pause_reason' | 'flags'>
  function attemptView(
    attempt: ViewedAttempt,
    parts: { items: CandidateItem[]; responses: Record<string, { response: unknown; seq: number; savedAt: string }>; accommodations: string[]; result: Awaited<ReturnType<ResultsService['resultOf']>> | null },
  ) {
    return {
      id: attempt.id, registrationId: attempt.registration_id, sessionId: attempt.session_id, module: attempt.module,
      moduleName: deps.program.module(attempt.module)?.name ?? attempt.module, status: attempt.status, startedAt: attempt.started_at, deadline: attempt.deadline_at,
      remainingMs: remainingMs({ status: attempt.status, deadlineAt: attempt.deadline_at, pausedAt: attempt.paused_at }, now()), serverTime: iso(),
      pauseReason: attempt.status === 'paused' ? (attempt.pause_reason as PauseReason | null) : null, calculator: calculatorAllowed(attempt.module),
      accommodations: parts.accommodations, items: parts.items, responses: parts.responses, flags: JSON.parse(attempt.flags) as string[],
      result: parts.result,
    }
  }

  /**
   * Draws a candidate's form for a module from the blueprint and renders it as the candidate will
   * receive it (the attempt's opaque identifiers, no key): at check-in, or at Start when check-in
   * could not. A retake avoids the items this candidate saw in the module before, as far as the pool
   * allows; the overlap is recorded with the attempt.
   */
  async function drawForm(candidateId: string, module: string) {
    const seed = randomInt(0, 2 ** 32 - 1)
    const assembled = await deps.itemBank.assemble(module, 'operational', seed, await seenItemIds(db, candidateId, module))
    const models = new Map((await deps.itemBank.versions(assembled.form)).map((v) => [v.itemId, v.model]))
    const items = assembled.form.map((f) => {
      const model = models.get(f.itemId)!
      return attemptItem(f.itemId, model.type, model.presentation, optionSeed(seed, f.itemId)).item
    })
    return { seed, form: JSON.stringify(assembled.form), items: JSON.stringify(items), seen_overlap: assembled.overlap, itemIds: assembled.form.map((f) => f.itemId) }
  }

  /**
   * Prepares the form of each module of a checked-in registration that has neither a prepared form
   * nor an attempt. A module that cannot be prepared (the bank cannot fill its blueprint) is reported,
   * never thrown: check-in stands, and Start draws the form itself.
   */
  async function prepareForms(registration: { id: string; candidate_id: string; modules: string }) {
    const out: { module: string; prepared: boolean; problem: string | null }[] = []
    for (const module of JSON.parse(registration.modules) as string[]) {
      try {
        if (await attemptFor(db, registration.id, module)) continue
        if (await findPreparedForm(db, registration.id, module)) {
          out.push({ module, prepared: true, problem: null })
          continue
        }
        const drawn = await drawForm(registration.candidate_id, module)
        // The check-in may have been undone meanwhile: the row then refers to no check-in and is refused.
        await insertPreparedForm(db, { registration_id: registration.id, module, candidate_id: registration.candidate_id, seed: drawn.seed, form: drawn.form, items: drawn.items, seen_overlap: drawn.seen_overlap, prepared_at: iso() })
        out.push({ module, prepared: true, problem: null })
      } catch (err) {
        const problem = err instanceof AppError ? err.message : 'The form could not be prepared.'
        ctx.log.warn({ registrationId: registration.id, module, err }, 'form not prepared at check-in; Start will draw it')
        out.push({ module, prepared: false, problem })
      }
    }
    return out
  }

  /**
   * Prepares the forms of everyone already checked in to a session who has none yet (check-ins
   * recorded while the bank could not fill a form, or before forms were prepared at check-in); returns
   * how many forms it prepared. What cannot be prepared is left to Start, as at check-in. Called when
   * a proctor's heartbeat opens the room.
   */
  async function prepareCheckedIn(sessionId: string): Promise<number> {
    const registrations = await deps.registrations.confirmedInSession(sessionId)
    const checkedIn = await checkinsOf(db, registrations.map((r) => r.id))
    let prepared = 0
    for (const r of registrations) {
      if (!checkedIn.has(r.id)) continue
      prepared += (await prepareForms(r)).filter((f) => f.prepared).length
    }
    return prepared
  }

  // An attempt's translation tables for an item depend only on the attempt's seed and the version it
  // drew, so they are built once per process rather than on every save (each is a few shuffles).
  // Bounded: a full session's worth of attempts and items; the oldest goes first.
  const translators = new Map<string, ResponseTranslator>()
  async function translatorFor(attempt: Pick<AttemptRow, 'id' | 'seed'>, drawn: FormItem): Promise<ResponseTranslator> {
    const key = `${attempt.id}\u0000${drawn.itemId}\u0000${drawn.version}`
    const hit = translators.get(key)
    if (hit) return hit
    const [version] = await deps.itemBank.versions([drawn])
    if (!version) throw notFound('The item in this attempt')
    const made = responseTranslator(drawn.itemId, version.model.presentation, optionSeed(Number(attempt.seed), drawn.itemId))
    if (translators.size >= MAX_CACHED_TRANSLATORS) translators.delete(translators.keys().next().value!)
    translators.set(key, made)
    return made
  }

  /**
   * A save as it is stored: the attempt's opaque identifiers translated back to the authored ones,
   * so scoring, rescoring and export never see the tokens. An identifier this attempt never showed
   * is refused: nothing is stored.
   */
  async function storedResponse(attempt: AttemptRow, drawn: FormItem, response: unknown): Promise<unknown> {
    if (JSON.stringify(response ?? null).length > MAX_RESPONSE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The response is too large.')
    try {
      return (await translatorFor(attempt, drawn)).toAuthored(response ?? null)
    } catch (err) {
      if (err instanceof InvalidResponseError) throw new AppError('VALIDATION', err.message, { responseId: err.responseId, ...(err.identifier !== undefined ? { identifier: err.identifier } : {}) })
      throw err
    }
  }

  // Writes on the candidates' hot paths go through group commits: saves (several transactions at
  // once on PostgreSQL), and starts and submissions (one at a time: they update shared rows, the
  // items' exposure counts and the candidate's awards).
  const saveCommits = new GroupCommit(db, ctx.dialect === 'postgres' ? 4 : 1)
  const sittingCommits = new GroupCommit(db, 1)

  type SaveOutcome = { kind: 'saved'; applied: boolean; seq: number; savedAt: string } | { kind: 'closed' } | { kind: 'paused'; reason: string | null }

  /**
   * Saves a response while its attempt accepts them (share-locked on PostgreSQL, so a submit waits).
   * A proctor's save as the candidate's scribe is audited in the same unit: the answer and the entry
   * saying who wrote it commit together or not at all.
   */
  function commitSave(attemptId: string, itemId: string, response: string, seq: number, scribeId?: string, lastSeenAt?: string | null): Promise<SaveOutcome> {
    return saveCommits.run(async (trx) => {
      const at = iso()
      const [a] = await attemptsForSaving(trx, [attemptId], ctx.dialect === 'postgres')
      if (!a || !acceptsResponses(a.status, a.deadline_at, now())) return a?.status === 'paused' ? { kind: 'paused', reason: a.pause_reason } : { kind: 'closed' }
      const wrote = await upsertResponse(trx, attemptId, itemId, response, seq, at)
      if (contactIsStale(lastSeenAt)) await touchAttempts(trx, [attemptId], at)
      const stored = wrote ? seq : ((await storedSeq(trx, attemptId, itemId)) ?? seq)
      if (scribeId) await deps.audit.record(trx, { actorId: scribeId, action: 'attempt.response_scribed', entityType: 'attempt', entityId: attemptId, details: { itemId, seq: stored } })
      return { kind: 'saved', applied: wrote, seq: stored, savedAt: at }
    }, attemptId)
  }

  /**
   * Submits (by the candidate, or by the server at the deadline) and scores, in one transaction:
   * the move to submitted stops further saves, then the responses are read and scored against
   * the versions the attempt drew, the result stored and what it completes awarded.
   */
  async function submitAttempt(id: string, by: { actorId: string | null; reason: 'candidate' | 'deadline' }) {
    const attempt = await findAttempt(db, id)
    if (!attempt || (attempt.status !== 'in_progress' && attempt.status !== 'paused')) return null
    const models = await deps.results.modelsOf(JSON.parse(attempt.form) as FormItem[])
    const outcome = await sittingCommits.run(async (trx) => {
      const at = iso()
      if (!(await moveAttempt(trx, id, 'submitted', { submitted_at: at, paused_at: null, updated_at: at }))) return null
      await insertEvent(trx, { id: newId(), attempt_id: id, kind: 'submitted', actor_id: by.actorId, reason: by.reason, at })
      return scoreIn(trx, { ...attempt, submitted_at: at }, models)
    }, attempt.candidate_id)
    if (outcome) deps.results.emails.afterScoring(attempt.candidate_id, id, outcome.awarded)
    return outcome
  }

  async function scoreIn(trx: Tx, attempt: AttemptRow, models: Map<string, StoredItemModel | null>) {
    const responses = new Map((await responsesOf(trx, attempt.id)).map((r) => [r.item_id, JSON.parse(r.response) as unknown]))
    const outcome = await deps.results.record(trx, attempt, deps.results.computeResult(attempt, responses, models))
    await moveAttempt(trx, attempt.id, 'scored', { updated_at: iso() })
    return outcome
  }

  /** Scores an attempt a crash left submitted but unscored. */
  async function scoreSubmitted(id: string) {
    const attempt = await findAttempt(db, id)
    if (!attempt || attempt.status !== 'submitted') return null
    const models = await deps.results.modelsOf(JSON.parse(attempt.form) as FormItem[])
    const outcome = await sittingCommits.run(async (trx) => ((await findAttempt(trx, id))?.status === 'submitted' ? scoreIn(trx, attempt, models) : null), attempt.candidate_id)
    if (outcome) deps.results.emails.afterScoring(attempt.candidate_id, id, outcome.awarded)
    return outcome
  }

  return {
    proctorPresent,
    requireSessionProctor,
    event,
    view,
    submitAttempt,
    scoreSubmitted,

    /** Ends the breaks that have run their length (the sweep): the clock runs again. */
    async endOverlongBreaks(): Promise<number> {
      let ended = 0
      for (const a of await attemptsOnBreakSince(db, new Date(now().getTime() - breakPolicy().maxMinutes * 60_000).toISOString())) {
        if (breakEndsAt(a.paused_at!, breakPolicy()).getTime() <= now().getTime() && (await endBreakOf(a, null, 'time_limit'))) ended++
      }
      return ended
    },

    /**
     * An item's key as one attempt presents it (staff only, audited): the key of the version the
     * attempt drew, in that attempt's identifiers, so saving it to the attempt scores full marks.
     */
    async keyAsPresented(actor: Actor | null, attemptId: string, itemId: string): Promise<CandidateResponse | null> {
      const staff = requireRole(actor, 'program_staff')
      const attempt = await findAttempt(db, attemptId)
      const drawn = attempt && (JSON.parse(attempt.form) as FormItem[]).find((f) => f.itemId === itemId)
      if (!attempt || !drawn) throw notFound('The item in that attempt')
      const [version] = await deps.itemBank.versions([drawn])
      if (!version) throw notFound('The item version')
      const key = correctResponseOf(version.model.scoring)
      await db.transaction().execute((trx) => deps.audit.record(trx, { actorId: staff.userId, action: 'attempt.key_viewed', entityType: 'attempt', entityId: attemptId, details: { itemId, version: drawn.version } }))
      return key === null ? null : responseTranslator(itemId, version.model.presentation, optionSeed(Number(attempt.seed), itemId)).toOpaque(key)
    },

    /** The proctor console's heartbeat: present for the configured window after it; ends an absence. */
    async heartbeat(actor: Actor | null, sessionId: string) {
      const { proctor } = await requireSessionProctor(actor, sessionId)
      // No proctor of the session seen within the window: this heartbeat opens the room (the console's
      // first, or the first after an absence).
      const opening = (await recentlySeenProctorIds(db, sessionId, new Date(now().getTime() - presenceMs()).toISOString())).length === 0
      await upsertPresence(db, sessionId, proctor.userId, iso())
      presenceCache.delete(sessionId)
      await endAbsence(db, sessionId, iso())
      // Candidates checked in while no form could be prepared get theirs now, before they press
      // Start, so a full room's Start only starts the clock (issue 16).
      if (opening) await prepareCheckedIn(sessionId)
      return { presentUntil: new Date(now().getTime() + presenceMs()).toISOString() }
    },

    prepareCheckedIn,

    /** Checks a candidate in after their photo ID was verified, which admits them to the session. */
    async checkIn(actor: Actor | null, sessionId: string, input: { registrationId: string; idVerified: boolean }) {
      const { proctor, session } = await requireSessionProctor(actor, sessionId)
      if (input.idVerified !== true) throw new AppError('RULE_VIOLATION', 'A candidate is admitted only after their photo ID is verified.')
      const registration = await deps.registrations.find(input.registrationId)
      if (!registration || registration.session_id !== sessionId) throw notFound('The registration in this session')
      if (registration.status !== 'confirmed') throw new AppError('RULE_VIOLATION', `The registration is ${registration.status.replace('_', ' ')}, not confirmed.`)
      const hours = checkinWindow(session.starts_at, session.ends_at, deps.program.definition.policies.checkinOpensMinutesBefore)
      if (!checkinOpen(now(), hours)) {
        const opensAt = hours.opensAt.toISOString()
        const closesAt = hours.closesAt.toISOString()
        const zone = (await deps.centers.find(session.center_id))?.time_zone ?? DEFAULT_TIME_ZONE
        throw new AppError('CHECKIN_NOT_OPEN', `Check-in for this session opens at ${formatZonedShort(opensAt, zone)} and closes when it ends, at ${formatZonedShort(closesAt, zone)}.`, { opensAt, closesAt })
      }
      // issue 13, ISO/IEC 17024: a proctor may not admit a candidate they trained within the period.
      const trained = await deps.impartiality(db, { trainerIds: [proctor.userId], learnerIds: [registration.candidate_id], sessionStartsAt: session.starts_at })
      if (trained.conflicts.length > 0) {
        throw new AppError('TRAINER_IMPARTIALITY', `You trained this candidate within the ${trained.months} months before this session, so you may not admit or proctor them (ISO/IEC 17024 impartiality). Ask another certified proctor of this session to check them in, or call the center to send one.`, { registrationId: registration.id })
      }
      const at = iso()
      const created = await db.transaction().execute(async (trx) => {
        const fresh = await insertCheckin(trx, registration.id, sessionId, proctor.userId, at)
        if (fresh) await deps.audit.record(trx, { actorId: proctor.userId, action: 'candidate.checked_in', entityType: 'registration', entityId: registration.id, details: { idVerified: true } })
        return fresh
      })
      const checkin = (await findCheckin(db, registration.id))!
      // issue 16: the forms are drawn now, while candidates arrive one by one, so that Start (all at
      // once) only starts the clock. After the check-in's commit: a form that cannot be drawn never undoes it.
      const forms = await prepareForms(registration)
      return { created, checkin: { registrationId: checkin.registration_id, checkedInAt: checkin.checked_in_at, checkedInBy: checkin.checked_in_by, forms } }
    },

    async start(actor: Actor | null, input: { registrationId: string; module: string }, device?: string) {
      const candidate = requireRole(actor, 'candidate')
      if (!device) throw new AppError('DEVICE_REQUIRED', 'The test screen must name this computer (X-Attempt-Device): an attempt is bound to the computer it starts on.')
      const registration = await deps.registrations.find(input.registrationId)
      if (!registration || registration.candidate_id !== candidate.userId) throw notFound('The registration')
      const modules = JSON.parse(registration.modules) as string[]
      if (registration.status !== 'confirmed') throw new AppError('RULE_VIOLATION', 'The registration is not confirmed.')
      if (!modules.includes(input.module)) throw new AppError('MODULE_NOT_OFFERED', `You are registered for ${modules.join(', ')}, not ${input.module}.`)
      const session = (await deps.sessions.find(registration.session_id))!
      const at = now()
      if (session.closed_at) throw new AppError('SESSION_CLOSED', 'The proctor has closed this session.')
      if (session.status === 'cancelled' || at.getTime() < Date.parse(session.starts_at) || at.getTime() > Date.parse(session.ends_at)) {
        throw new AppError('RULE_VIOLATION', 'Attempts start only during the session.')
      }
      // The form prepared at check-in (one indexed read); it exists only while the check-in does.
      const prepared = await findPreparedForm(db, registration.id, input.module)
      if (!prepared && !(await findCheckin(db, registration.id))) throw new AppError('NOT_CHECKED_IN', 'A proctor must check you in (photo ID) before you start.')
      // Cached for a moment, as on the save path: 2,000 candidates pressing Start together ask once.
      if (!(await proctorPresentCached(session.id))) throw new AppError('NO_PROCTOR_PRESENT', 'No certified proctor is present for this session right now. Wait for the proctor.')
      // A prepared form is deleted by the Start that creates the attempt, so while it exists no attempt does.
      if (!prepared) {
        const existing = await attemptFor(db, registration.id, input.module)
        if (existing) throw new AppError('ATTEMPT_EXISTS', 'You have already started this module; resume it.', { attemptId: existing.id })
      }
      const mod = deps.program.module(input.module)!
      const accommodations = await adjustmentsOf(candidate.userId)
      const factor = timeFactor(accommodations)
      // Check-in could not prepare this form (or the candidate was checked in before this existed): draw it now.
      const form = prepared && prepared.candidate_id === candidate.userId
        ? { seed: Number(prepared.seed), form: prepared.form, items: prepared.items, seen_overlap: Number(prepared.seen_overlap), itemIds: (JSON.parse(prepared.form) as FormItem[]).map((f) => f.itemId) }
        : await drawForm(candidate.userId, input.module)
      const id = newId()
      const row = {
        id, registration_id: registration.id, session_id: session.id, candidate_id: candidate.userId, module: input.module, status: 'in_progress' as const, seed: form.seed,
        form: form.form, time_factor: factor, started_at: at.toISOString(), deadline_at: initialDeadline(at, mod.timeLimitMinutes, factor),
        paused_at: null, pause_reason: null, submitted_at: null, updated_at: at.toISOString(), device_id: device, last_seen_at: at.toISOString(),
        seen_overlap: form.seen_overlap,
      }
      try {
        await sittingCommits.run(async (trx) => {
          // Another Start took the prepared form first, or the check-in was undone since it was read.
          if (prepared && !(await deletePreparedForm(trx, registration.id, input.module))) throw new AppError('CONFLICT', 'The form was taken by another start.')
          await insertAttempt(trx, row)
          // Exposure is counted when an item is shown (here), not when a form is prepared: a no-show's
          // prepared form exposes nothing.
          await deps.itemBank.recordExposure(trx, form.itemIds)
          await insertEvent(trx, { id: newId(), attempt_id: id, kind: 'started', actor_id: candidate.userId, reason: null, at: at.toISOString() })
        }, candidate.userId)
      } catch (err) {
        const raced = await attemptFor(db, registration.id, input.module)
        if (raced) throw new AppError('ATTEMPT_EXISTS', 'You have already started this module; resume it.', { attemptId: raced.id })
        if (err instanceof AppError && err.code === 'CONFLICT' && !(await findCheckin(db, registration.id))) throw new AppError('NOT_CHECKED_IN', 'A proctor must check you in (photo ID) before you start.')
        throw err
      }
      return attemptView({ ...row, flags: '[]' }, { items: JSON.parse(form.items) as CandidateItem[], responses: {}, accommodations, result: null })
    },

    async get(actor: Actor | null, id: string, device?: string) {
      const { attempt, scribe } = await accessAttempt(actor, id, device)
      // The candidate's last contact, for the console: written with the saves' group commit rather
      // than as a durable commit of its own, and, as with a save, only when the stored one is stale.
      if (!scribe && contactIsStale(attempt.last_seen_at)) await saveCommits.run((trx) => touchAttempts(trx, [id], iso()))
      // Time is up but the sweep has not come by yet: submit now, so the candidate sees the result.
      if (attempt.status === 'in_progress' && !acceptsResponses(attempt.status, attempt.deadline_at, now())) {
        await submitAttempt(id, { actorId: null, reason: 'deadline' })
        return view((await findAttempt(db, id))!)
      }
      return view(await pauseIfUnproctored(attempt))
    },

    /** Saves one response; 200 means it is committed. An older sequence number is acknowledged and ignored. */
    async save(actor: Actor | null, id: string, itemId: string, input: { response: unknown; seq?: number | undefined }, device?: string) {
      const { attempt: found, actorId, scribe } = await accessAttempt(actor, id, device)
      const attempt = await pauseIfUnproctored(found, true)
      if (attempt.status === 'paused') throw new AppError('ATTEMPT_PAUSED', 'The attempt is paused; your proctor will resume it.', { reason: attempt.pause_reason })
      if (!acceptsResponses(attempt.status, attempt.deadline_at, now())) throw new AppError('ATTEMPT_CLOSED', 'This attempt is closed: it was submitted or its time is up.')
      const form = JSON.parse(attempt.form) as FormItem[]
      const drawn = form.find((f) => f.itemId === itemId)
      if (!drawn) throw notFound('The item in this attempt')
      const text = JSON.stringify(await storedResponse(attempt, drawn, input.response))
      if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The response is too large.')
      const seq = input.seq ?? ((await storedSeq(db, id, itemId)) ?? 0)
      const outcome = await commitSave(id, itemId, text, seq, scribe ? actorId : undefined, attempt.last_seen_at)
      if (outcome.kind === 'paused') throw new AppError('ATTEMPT_PAUSED', 'The attempt is paused; your proctor will resume it.', { reason: outcome.reason })
      if (outcome.kind === 'closed') throw new AppError('ATTEMPT_CLOSED', 'This attempt is closed: it was submitted or its time is up.')
      return { itemId, seq: outcome.seq, applied: outcome.applied, savedAt: outcome.savedAt }
    },

    /** The candidate's test day for one registration: check-in, the proctor, and each module's attempt. */
    async sitting(actor: Actor | null, registrationId: string) {
      const candidate = requireRole(actor, 'candidate')
      const registration = await deps.registrations.find(registrationId)
      if (!registration || registration.candidate_id !== candidate.userId) throw notFound('The registration')
      const session = (await deps.sessions.find(registration.session_id))!
      const center = await deps.centers.find(session.center_id)
      const accommodations = await adjustmentsOf(candidate.userId)
      const factor = timeFactor(accommodations)
      const modules = await Promise.all((JSON.parse(registration.modules) as string[]).map(async (code) => {
        const mod = deps.program.module(code)
        const attempt = await attemptFor(db, registration.id, code)
        return {
          code, name: mod?.name ?? code, minutes: Math.round((mod?.timeLimitMinutes ?? 0) * factor), questions: mod ? formLength(mod) : 0,
          calculator: calculatorAllowed(code), attempt: attempt ? { id: attempt.id, status: attempt.status } : null,
        }
      }))
      return {
        registrationId, status: registration.status,
        session: { id: session.id, startsAt: session.starts_at, endsAt: session.ends_at, centerName: center?.name ?? '', closedAt: session.closed_at, timeZone: center?.time_zone ?? DEFAULT_TIME_ZONE },
        checkedIn: !!(await findCheckin(db, registration.id)), proctorPresent: await proctorPresent(session.id), accommodations, modules,
      }
    },

    async myAttempts(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      const rows = await attemptsOfCandidate(db, candidate.userId)
      return {
        items: await Promise.all(rows.map(async (a) => ({
          id: a.id, registrationId: a.registration_id, module: a.module, status: a.status, startedAt: a.started_at, submittedAt: a.submitted_at,
          result: a.status === 'scored' ? await deps.results.resultOf(a.id) : null,
        }))),
      }
    },

    /** Replaces the set of items flagged for review. */
    async setFlags(actor: Actor | null, id: string, itemIds: string[], device?: string) {
      const { attempt } = await accessAttempt(actor, id, device)
      if (attempt.status !== 'in_progress' && attempt.status !== 'paused') throw new AppError('ATTEMPT_CLOSED', 'This attempt is closed.')
      const inForm = new Set((JSON.parse(attempt.form) as FormItem[]).map((f) => f.itemId))
      const unknown = itemIds.filter((i) => !inForm.has(i))
      if (unknown.length > 0) throw new AppError('VALIDATION', 'Some flagged items are not in this attempt.', { itemIds: unknown })
      const flags = [...new Set(itemIds)]
      await updateAttempt(db, id, { flags: JSON.stringify(flags), updated_at: iso() })
      return { itemIds: flags }
    },

    /** Focus lost or regained on the candidate's screen, logged for the proctor. */
    async recordClientEvent(actor: Actor | null, id: string, kind: 'focus_lost' | 'focus_returned', device?: string) {
      const { attempt, scribe } = await accessAttempt(actor, id, device)
      if (scribe || (attempt.status !== 'in_progress' && attempt.status !== 'paused')) return
      if ((await countEvents(db, id, ['focus_lost', 'focus_returned'])) >= MAX_FOCUS_EVENTS) return
      await event(id, kind, attempt.candidate_id, null)
    },

    /** An extra break for a candidate approved for them: the clock stops until the break ends. */
    async startBreak(actor: Actor | null, id: string, device?: string) {
      const { attempt } = await accessAttempt(actor, id, device)
      if (!(await adjustmentsOf(attempt.candidate_id)).includes('extra_breaks')) throw new AppError('FORBIDDEN', 'Extra breaks are an approved accommodation; you do not have it.')
      const policy = breakPolicy()
      const taken = await countEvents(db, id, ['break_started'])
      if (!mayTakeBreak(taken, policy)) throw new AppError('BREAKS_USED', `Your accommodation allows ${policy.perAttempt} breaks in a module; you have taken them.`, { perAttempt: policy.perAttempt, taken })
      const started = await inTransaction(db, async (trx) => {
        if (!(await pauseRunning(trx, id, 'break', iso()))) return false
        await insertEvent(trx, { id: newId(), attempt_id: id, kind: 'break_started', actor_id: attempt.candidate_id, reason: null, at: iso() })
        return true
      })
      if (!started) throw new AppError('CONFLICT', 'A break can start only while the test runs and time is left.')
      return view((await findAttempt(db, id))!)
    },

    async endBreak(actor: Actor | null, id: string, device?: string) {
      const { attempt } = await accessAttempt(actor, id, device)
      if (attempt.status !== 'paused' || attempt.pause_reason !== 'break' || !attempt.paused_at) throw new AppError('CONFLICT', 'You are not on a break.')
      if (!(await proctorPresent(attempt.session_id))) throw new AppError('NO_PROCTOR_PRESENT', 'No proctor is present right now; the test continues when your proctor returns.')
      if (!(await endBreakOf(attempt, attempt.candidate_id, null))) throw new AppError('CONFLICT', 'You are not on a break.')
      return view((await findAttempt(db, id))!)
    },

    /** The candidate submits. After the deadline the server submits instead and says the attempt is closed. */
    async submit(actor: Actor | null, id: string, device?: string) {
      const { attempt, actorId, scribe } = await accessAttempt(actor, id, device)
      if (scribe) throw new AppError('FORBIDDEN', 'Only the candidate submits the test.')
      if (attempt.status === 'paused') throw new AppError('ATTEMPT_PAUSED', 'The attempt is paused; your proctor will resume it.', { reason: attempt.pause_reason })
      if (attempt.status === 'in_progress' && !acceptsResponses(attempt.status, attempt.deadline_at, now())) {
        await submitAttempt(id, { actorId: null, reason: 'deadline' })
        throw new AppError('ATTEMPT_CLOSED', 'Time is up: your test was submitted automatically at the deadline.')
      }
      const outcome = await submitAttempt(id, { actorId, reason: 'candidate' })
      if (!outcome) throw new AppError('ATTEMPT_CLOSED', 'This attempt is closed: it was already submitted, or voided.')
      return outcome
    },
  }
}

export type DeliveryService = ReturnType<typeof createDeliveryService>
