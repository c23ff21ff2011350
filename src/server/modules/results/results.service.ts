// Results and awards. An attempt is scored against the exact item versions it drew; the module is
// judged by the pass rule, each skill gets a subscore, and the certificates it completes are awarded
// once per candidate (the module certificate, then MS and MT1 dated by their last module).
import { lockCandidate, lockCandidates } from '../../db/candidate-lock.js'
import { scoreItem, type CandidateResponse } from '../../../common/qti/scoring.js'
import type { FormItem } from '../../../common/items/form-assembly.js'
import { certificationDate, certificationsEarned } from '../../../common/rules/credential-rule.js'
import type { AttemptRecord } from '../../../common/rules/eligibility.js'
import { moduleResult, type SkillResult } from '../../../common/rules/module-result.js'
import { trainingFor } from '../../../common/rules/skill-training.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { createResultEmails } from './result-emails.js'
import { readInBatches } from '../../db/id-batches.js'
import { correctionsFor, findResult, firstResultTimes, insertResult, passedResultsOfCandidates, recentResultsOfModule, resultsOfCandidate, resultsOfModuleScoredBetween, resultsScoredBetween } from './results.repository.js'

export interface ResultView {
  module: string
  percent: number
  passed: boolean
  skills: { code: string; name: string; percent: number; belowStandard: boolean }[]
}

export interface Award {
  type: string
  certificateNumber: string
  issuedOn: string
}

/** What scoring needs of an attempt. */
export interface ScorableAttempt {
  id: string
  candidate_id: string
  module: string
  form: string
  submitted_at: string | null
}

/** Attempt statuses whose result stands (a voided attempt's result no longer counts). */
const STANDING = new Set(['submitted', 'scored'])

// --- issue 12, integrity stream: results held by an irregularity case ---
/** Which of a candidate's results staff hold for review (the integrity module answers, in the caller's transaction). */
export interface HeldResults {
  heldAttemptIds(within: DbOrTx, candidateId: string): Promise<ReadonlySet<string>>
  /** The held attempt ids of many candidates at once (a rescoring batch reconciles them together). */
  heldAttemptIdsOfMany(within: DbOrTx, candidateIds: readonly string[]): Promise<ReadonlySet<string>>
}
/** Why reconcile withdraws or restores, when it is not a rescoring (an irregularity hold, release or void). */
export interface ReconcileReasons { withdrawn: string; restored: string }
// --- end integrity stream ---

export function createResultsService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; program: ProgramService; itemBank: ItemBankService; attempts: AttemptRecordsService; credentials: CredentialRecordsService
    notifications: NotificationsService; contacts: ContactDirectory; holds: HeldResults
  },
) {
  const { db } = ctx
  const emails = createResultEmails(ctx, deps)
  const program = deps.program.definition

  /**
   * Each candidate's passed results whose attempts still stand and that staff do not hold for review:
   * what their certificates rest on (a few reads for the whole list, in the caller's transaction).
   */
  async function passedResultsOf(trx: Tx, candidateIds: readonly string[]) {
    const passed = await readInBatches(candidateIds, (slice) => passedResultsOfCandidates(trx, slice))
    const byCandidate = new Map<string, typeof passed>()
    if (passed.length === 0) return byCandidate
    const withPasses = [...new Set(passed.map((r) => r.candidate_id))]
    const [attempts, held] = await Promise.all([deps.attempts.ofCandidates(withPasses, trx), deps.holds.heldAttemptIdsOfMany(trx, withPasses)])
    const standing = new Set(attempts.filter((a) => STANDING.has(a.status) && !held.has(a.id)).map((a) => a.id))
    for (const r of passed) {
      if (!standing.has(r.attempt_id)) continue
      const list = byCandidate.get(r.candidate_id) ?? []
      list.push(r)
      byCandidate.set(r.candidate_id, list)
    }
    return byCandidate
  }

  function view(module: string, percent: number, passed: boolean, skills: SkillResult[]): ResultView {
    const names = new Map(deps.program.module(module)?.skills.map((s) => [s.code, s.name]))
    return { module, percent, passed, skills: skills.map((s) => ({ code: s.code, name: names.get(s.code) ?? s.code, percent: s.percent, belowStandard: s.belowStandard })) }
  }

  /**
   * Scores the responses against the pinned item versions. Pure: the caller loads the models
   * (`itemBank.versions`) beforehand, so this can run inside a transaction without touching the database.
   */
  function computeResult(attempt: ScorableAttempt, responses: ReadonlyMap<string, unknown>, models: ReadonlyMap<string, StoredItemModel | null>) {
    const form = JSON.parse(attempt.form) as FormItem[]
    const itemScores = form.map((f) => {
      const model = models.get(`${f.itemId}@${f.version}`)
      if (model === undefined) throw new Error(`item ${f.itemId} version ${f.version} of attempt ${attempt.id} is missing`)
      if (model === null) return null // dropped by staff: counts for nobody
      const s = scoreItem(model.scoring, responses.get(f.itemId) as CandidateResponse | undefined)
      if (s.malformed) ctx.log.warn({ attemptId: attempt.id, itemId: f.itemId, reason: s.malformed }, 'malformed response scored zero')
      return { itemId: f.itemId, version: f.version, skill: f.skill, score: s.score, maxScore: s.maxScore }
    }).filter((x) => x !== null)
    const mod = deps.program.module(attempt.module)!
    return { itemScores, outcome: moduleResult(itemScores, mod.passPercent, mod.skills.map((s) => s.code)) }
  }

  /**
   * How each item version an attempt drew is scored, keyed itemId@version: its own model, the model
   * of the version staff named when they corrected its key, or null when staff dropped it.
   * (Cached by the item bank: a version never changes.)
   */
  async function modelsOf(form: readonly FormItem[]): Promise<Map<string, StoredItemModel | null>> {
    const corrections = await correctionsFor(db, [...new Set(form.map((f) => f.itemId))])
    const byKey = new Map(corrections.map((c) => [`${c.item_id}@${c.version}`, c]))
    const refs = form.map((f) => {
      const c = byKey.get(`${f.itemId}@${f.version}`)
      return c?.action === 'use_version' && c.replacement_version !== null ? { itemId: f.itemId, version: c.replacement_version } : f
    })
    const loaded = new Map((await deps.itemBank.versions(refs)).map((v) => [`${v.itemId}@${v.version}`, v.model]))
    return new Map(form.map((f, i) => {
      const key = `${f.itemId}@${f.version}`
      const ref = refs[i]!
      return [key, byKey.get(key)?.action === 'drop' ? null : (loaded.get(`${ref.itemId}@${ref.version}`) ?? null)]
    }))
  }

  /**
   * Brings the candidate's certificates in line with their results, inside the caller's transaction
   * and under the candidate's lock: a module certificate for each module passed (dated by its first
   * pass), MS and MT1 when their modules are (dated by the last of them); a certificate whose basis a
   * rescoring took away is withdrawn, and given back if a later rescoring restores it. A certificate
   * staff revoked stays revoked. A result held for review counts for nothing until released, so a
   * hold withdraws what rests on it and a release restores or awards it (`reasons` say why, for the
   * registry's record). Returns what this call awarded and withdrew.
   */
  async function reconcile(trx: Tx, candidateId: string, reasons?: ReconcileReasons): Promise<{ awarded: Award[]; withdrawn: string[] }> {
    return (await reconcileMany(trx, [candidateId], reasons)).get(candidateId)!
  }

  /**
   * reconcile() for many candidates in one go (a rescoring batch): the same awards, withdrawals,
   * restorations and audit entries, in the same order, as reconciling them one after the other,
   * with a few statements for the whole list instead of several per candidate.
   */
  async function reconcileMany(trx: Tx, candidateIds: readonly string[], reasons?: ReconcileReasons): Promise<Map<string, { awarded: Award[]; withdrawn: string[] }>> {
    const ids = [...new Set(candidateIds)]
    await lockCandidates(trx, ids, ctx.dialect)
    const heldBy = new Map<string, Map<string, Awaited<ReturnType<CredentialRecordsService['ofCandidates']>>[number]>>()
    for (const c of await deps.credentials.ofCandidates(ids, trx)) {
      const mine = heldBy.get(c.candidate_id) ?? new Map()
      mine.set(c.type, c)
      heldBy.set(c.candidate_id, mine)
    }
    const passedBy = await passedResultsOf(trx, ids)
    const at = ctx.clock().toISOString()
    // What each candidate is due: the awards are made together afterwards, in this order, so the
    // status-list bits follow it exactly as one award at a time would.
    type Step = { kind: 'restore'; type: string; issuedOn: string; number: string } | { kind: 'award'; type: string; issuedOn: string; index: number }
    const plans = new Map<string, { steps: Step[]; withdraw: { type: string; number: string }[] }>()
    const toAward: { candidateId: string; type: string; issuedOn: string; at: string }[] = []
    for (const candidateId of ids) {
      const held = heldBy.get(candidateId) ?? new Map()
      const firstPassedOn = new Map<string, string>()
      for (const r of passedBy.get(candidateId) ?? []) {
        const date = r.passed_on!
        if (!firstPassedOn.has(r.module) || date < firstPassedOn.get(r.module)!) firstPassedOn.set(r.module, date)
      }
      const due = new Map(firstPassedOn)
      for (const code of certificationsEarned(firstPassedOn.keys(), program.credentials)) {
        due.set(code, certificationDate(program.credentials.find((c) => c.code === code)!, firstPassedOn)!)
      }
      const steps: Step[] = []
      for (const [type, issuedOn] of due) {
        const existing = held.get(type)
        if (existing?.status === 'active' || existing?.status === 'revoked') continue
        if (existing) steps.push({ kind: 'restore', type, issuedOn, number: existing.certificate_number })
        else steps.push({ kind: 'award', type, issuedOn, index: toAward.push({ candidateId, type, issuedOn, at }) - 1 })
      }
      const withdraw = [...held].filter(([type, c]) => !due.has(type) && c.status === 'active').map(([type, c]) => ({ type, number: c.certificate_number }))
      plans.set(candidateId, { steps, withdraw })
    }

    const restoredReason = reasons?.restored ?? 'restored by rescoring'
    for (const plan of plans.values()) {
      for (const s of plan.steps) if (s.kind === 'restore') await deps.credentials.restore(trx, s.number, { issuedOn: s.issuedOn, reason: restoredReason, at })
    }
    const numbers = await deps.credentials.awardMany(trx, toAward)
    const withdrawals = [...plans.values()].flatMap((p) => p.withdraw.map((w) => w.number))
    if (withdrawals.length > 0) {
      await deps.credentials.withdrawMany(trx, withdrawals, { reason: reasons?.withdrawn ?? 'its results no longer meet the standard after rescoring', at })
    }

    const outcome = new Map<string, { awarded: Award[]; withdrawn: string[] }>()
    const entries: Parameters<AuditService['recordMany']>[1][number][] = []
    for (const [candidateId, plan] of plans) {
      const awarded = plan.steps.map((s) => ({ type: s.type, certificateNumber: s.kind === 'restore' ? s.number : numbers[s.index]!, issuedOn: s.issuedOn }))
      for (const a of awarded) entries.push({ actorId: null, action: 'credential.awarded', entityType: 'credential', entityId: a.certificateNumber, details: { candidateId, type: a.type, issuedOn: a.issuedOn } })
      for (const w of plan.withdraw) entries.push({ actorId: null, action: 'credential.withdrawn', entityType: 'credential', entityId: w.number, details: { candidateId, type: w.type } })
      outcome.set(candidateId, { awarded, withdrawn: plan.withdraw.map((w) => w.number) })
    }
    await deps.audit.recordMany(trx, entries)
    return outcome
  }

  /**
   * The candidate's results of attempts that are still scored (a voided attempt's result is not the
   * candidate's any more) and not held for review, newest first, with the attempt's session and
   * submission time.
   */
  async function scoredResults(candidateId: string) {
    const [results, attempts, held] = await Promise.all([resultsOfCandidate(db, candidateId), deps.attempts.ofCandidate(candidateId), deps.holds.heldAttemptIds(db, candidateId)])
    const scored = new Map(attempts.filter((a) => a.status === 'scored' && !held.has(a.id)).map((a) => [a.id, a]))
    return results.flatMap((r) => {
      const attempt = scored.get(r.attempt_id)
      return attempt ? [{ ...r, session_id: attempt.session_id, submitted_at: attempt.submitted_at }] : []
    })
  }

  return {
    // ---- issue 15: program analytics reads these and aggregates them; it excludes voided and held results itself.
    /** Results scored in [from, to) with pass, skills and whether each was a retake of the module. */
    scoredBetween: (from: string, to: string, module?: string) => resultsScoredBetween(db, from, to, module),
    /** When each of these candidates was first scored (one grouped query per batch of candidates). */
    firstScoredAt: (candidateIds: readonly string[]) => readInBatches(candidateIds, (batch) => firstResultTimes(db, batch)),

    /** The result-released and certificate-issued emails (one function each, shared by every path that releases a result). */
    emails,
    computeResult,
    modelsOf,
    reconcile,
    reconcileMany,
    scoredResults,

    /**
     * issue 15, standard setting: a module's most recent results of scored attempts (voided ones left
     * out), each with its percent and item scores. What impact data and item p-values are computed from.
     */
    async recentModuleScores(module: string, limit = 1000): Promise<{ percent: number; itemScores: { itemId: string; score: number; maxScore: number }[] }[]> {
      const rows = await recentResultsOfModule(db, module, limit)
      const scored = new Set((await deps.attempts.many(rows.map((r) => r.attempt_id))).filter((a) => a.status === 'scored').map((a) => a.id))
      return rows.filter((r) => scored.has(r.attempt_id)).map((r) => ({
        percent: Number(r.percent),
        itemScores: (JSON.parse(r.item_scores) as { itemId: string; score: number; maxScore: number }[]).map(({ itemId, score, maxScore }) => ({ itemId, score, maxScore })),
      }))
    },

    /**
     * The candidate's attempts with their outcome so far, for the registration rules (retakes), read in
     * the caller's transaction: running or unscored attempts are `pending`.
     */
    async attemptHistory(trx: DbOrTx, candidateId: string): Promise<AttemptRecord[]> {
      const attempts = await deps.attempts.ofCandidate(candidateId, trx)
      const results = await resultsOfCandidate(trx, candidateId)
      // A result held for review is pending until it is released or voided (and does not say whether it passed).
      const held = await deps.holds.heldAttemptIds(trx, candidateId)
      const passed = new Map(results.filter((r) => !held.has(r.attempt_id)).map((r) => [r.attempt_id, Number(r.passed) === 1]))
      return attempts.map((a) => ({
        registrationId: a.registration_id, module: a.module, startedAt: a.started_at,
        outcome: a.status === 'voided' ? 'voided' : a.status !== 'scored' || !passed.has(a.id) ? 'pending' : passed.get(a.id) ? 'passed' : 'failed',
      }))
    },

    /**
     * Stores the result of a submitted attempt and awards what it completes, in the caller's
     * transaction. A second call for the same attempt stores nothing and awards nothing.
     */
    async record(trx: Tx, attempt: ScorableAttempt, computed: ReturnType<typeof computeResult>): Promise<{ result: ResultView; awarded: Award[] }> {
      const { outcome, itemScores } = computed
      const passedOn = outcome.passed ? (attempt.submitted_at ?? ctx.clock().toISOString()).slice(0, 10) : null
      // The candidate's lock first, before any insert: one order for every transaction that awards.
      await lockCandidate(trx, attempt.candidate_id, ctx.dialect)
      const stored = await insertResult(trx, {
        attempt_id: attempt.id, candidate_id: attempt.candidate_id, module: attempt.module, earned_micro: outcome.earnedMicro, possible_micro: outcome.possibleMicro,
        percent: outcome.percent, passed: outcome.passed ? 1 : 0, skills: JSON.stringify(outcome.skills), item_scores: JSON.stringify(itemScores),
        scored_at: ctx.clock().toISOString(), passed_on: passedOn,
      })
      const result = view(attempt.module, outcome.percent, outcome.passed, outcome.skills)
      if (!stored) return { result, awarded: [] }
      return { result, awarded: (await reconcile(trx, attempt.candidate_id)).awarded }
    },

    /**
     * A module's results scored in [from, to) with each item's score, dichotomised (full marks = 1):
     * what the psychometrics job analyses. Every MT1 item is worth one point.
     */
    async scoredInPeriod(module: string, from: string, to: string) {
      const rows = await resultsOfModuleScoredBetween(db, module, from, to)
      return rows.map((r) => ({
        attemptId: r.attempt_id, candidateId: r.candidate_id, passed: Number(r.passed) === 1, percent: Number(r.percent),
        items: (JSON.parse(r.item_scores) as { itemId: string; version: number; score: number; maxScore: number }[])
          .map((i) => ({ itemId: i.itemId, version: i.version, correct: i.maxScore > 0 && i.score >= i.maxScore ? 1 : 0 })),
      }))
    },

    /** The stored result of an attempt, as people see it; null while staff hold it for review. */
    async resultOf(attemptId: string): Promise<ResultView | null> {
      const row = await findResult(db, attemptId)
      if (row && (await deps.holds.heldAttemptIds(db, row.candidate_id)).has(attemptId)) return null
      return row ? view(row.module, Number(row.percent), Number(row.passed) === 1, JSON.parse(row.skills) as SkillResult[]) : null
    },

    /** issue 12, integrity stream: a stored result whatever its hold, for staff reviewing it (percent and pass only). */
    async storedResult(attemptId: string): Promise<{ percent: number; passed: boolean } | null> {
      const row = await findResult(db, attemptId)
      return row ? { percent: Number(row.percent), passed: Number(row.passed) === 1 } : null
    },

    async myResults(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      return {
        items: (await scoredResults(candidate.userId)).map((r) => {
          const result = view(r.module, Number(r.percent), Number(r.passed) === 1, JSON.parse(r.skills) as SkillResult[])
          // Skills feedback: the training that covers each skill below standard.
          return { attemptId: r.attempt_id, sessionId: r.session_id, submittedAt: r.submitted_at, scoredAt: r.scored_at, ...result, training: trainingFor(result.skills, program.training ?? []) }
        }),
      }
    },

    async myCredentials(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      const rows = await deps.credentials.ofCandidate(candidate.userId)
      return { items: rows.map((c) => ({ certificateNumber: c.certificate_number, type: c.type, issuedOn: c.issued_on, status: c.status })) }
    },
  }
}

export type ResultsService = ReturnType<typeof createResultsService>
