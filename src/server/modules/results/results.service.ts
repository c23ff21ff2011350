// Results and awards. An attempt is scored against the exact item versions it drew; the module is
// judged by the pass rule, each skill gets a subscore, and the certificates it completes are awarded
// once per candidate (the module certificate, then MS and MT1 dated by their last module).
import { randomInt } from 'node:crypto'
import { scoreItem, type CandidateResponse } from '../../../common/qti/scoring.js'
import type { FormItem } from '../../../common/items/form-assembly.js'
import { certificateNumberFrom } from '../../../common/rules/certificate-number.js'
import { certificationDate, certificationsEarned } from '../../../common/rules/credential-rule.js'
import { moduleResult, type SkillResult } from '../../../common/rules/module-result.js'
import type { ServerContext } from '../../context.js'
import { nextCounter } from '../../db/counters.js'
import type { DbOrTx } from '../../db/database.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { ProgramService } from '../program/program.service.js'
import { credentialsOfCandidate, findResult, insertCredential, insertResult, lockCandidate, resultsOfCandidate } from './results.repository.js'

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

export function createResultsService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; itemBank: ItemBankService }) {
  const { db } = ctx
  const program = deps.program.definition

  const newCertificateNumber = () => certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))

  function view(module: string, percent: number, passed: boolean, skills: SkillResult[]): ResultView {
    const names = new Map(deps.program.module(module)?.skills.map((s) => [s.code, s.name]))
    return { module, percent, passed, skills: skills.map((s) => ({ code: s.code, name: names.get(s.code) ?? s.code, percent: s.percent, belowStandard: s.belowStandard })) }
  }

  /**
   * Scores the responses against the pinned item versions. Pure: the caller loads the models
   * (`itemBank.versions`) beforehand, so this can run inside a transaction without touching the database.
   */
  function computeResult(attempt: ScorableAttempt, responses: ReadonlyMap<string, unknown>, models: ReadonlyMap<string, StoredItemModel>) {
    const form = JSON.parse(attempt.form) as FormItem[]
    const itemScores = form.map((f) => {
      const model = models.get(`${f.itemId}@${f.version}`)
      if (!model) throw new Error(`item ${f.itemId} version ${f.version} of attempt ${attempt.id} is missing`)
      const s = scoreItem(model.scoring, responses.get(f.itemId) as CandidateResponse | undefined)
      if (s.malformed) ctx.log.warn({ attemptId: attempt.id, itemId: f.itemId, reason: s.malformed }, 'malformed response scored zero')
      return { itemId: f.itemId, version: f.version, skill: f.skill, score: s.score, maxScore: s.maxScore }
    })
    const mod = deps.program.module(attempt.module)!
    return { itemScores, outcome: moduleResult(itemScores, mod.passPercent, mod.skills.map((s) => s.code)) }
  }

  /** The models of the item versions an attempt drew, keyed itemId@version (cached by the item bank). */
  async function modelsOf(form: readonly FormItem[]): Promise<Map<string, StoredItemModel>> {
    return new Map((await deps.itemBank.versions(form)).map((v) => [`${v.itemId}@${v.version}`, v.model]))
  }

  /**
   * Awards what the candidate's passed modules now complete, inside the caller's transaction and
   * under the candidate's lock. Returns only what this call awarded.
   */
  async function award(trx: DbOrTx, candidateId: string, module: string, passedOn: string | null): Promise<Award[]> {
    await lockCandidate(trx, candidateId, ctx.dialect)
    const held = await credentialsOfCandidate(trx, candidateId)
    const has = new Set(held.map((c) => c.type))
    const awarded: Award[] = []
    const give = async (type: string, issuedOn: string) => {
      const row = {
        certificate_number: newCertificateNumber(), candidate_id: candidateId, type, issued_on: issuedOn, status: 'active' as const,
        status_index: await nextCounter(trx, 'credential_status_index'), status_reason: null, status_changed_at: null, created_at: ctx.clock().toISOString(),
      }
      await insertCredential(trx, row)
      held.push(row)
      has.add(type)
      awarded.push({ type, certificateNumber: row.certificate_number, issuedOn })
      await deps.audit.record(trx, { actorId: null, action: 'credential.awarded', entityType: 'credential', entityId: row.certificate_number, details: { candidateId, type, issuedOn } })
    }
    if (passedOn && !has.has(module)) await give(module, passedOn)
    const modules = new Set(program.modules.map((m) => m.code))
    const firstPassedOn = new Map(held.filter((c) => modules.has(c.type) && c.status === 'active').map((c) => [c.type, c.issued_on]))
    for (const code of certificationsEarned(firstPassedOn.keys(), program.credentials)) {
      if (has.has(code)) continue
      const date = certificationDate(program.credentials.find((c) => c.code === code)!, firstPassedOn)
      if (date) await give(code, date)
    }
    return awarded
  }

  return {
    computeResult,
    modelsOf,

    /**
     * Stores the result of a submitted attempt and awards what it completes, in the caller's
     * transaction. A second call for the same attempt stores nothing and awards nothing.
     */
    async record(trx: DbOrTx, attempt: ScorableAttempt, computed: ReturnType<typeof computeResult>): Promise<{ result: ResultView; awarded: Award[] }> {
      const { outcome, itemScores } = computed
      const passedOn = outcome.passed ? (attempt.submitted_at ?? ctx.clock().toISOString()).slice(0, 10) : null
      const stored = await insertResult(trx, {
        attempt_id: attempt.id, candidate_id: attempt.candidate_id, module: attempt.module, earned_micro: outcome.earnedMicro, possible_micro: outcome.possibleMicro,
        percent: outcome.percent, passed: outcome.passed ? 1 : 0, skills: JSON.stringify(outcome.skills), item_scores: JSON.stringify(itemScores),
        scored_at: ctx.clock().toISOString(), passed_on: passedOn,
      })
      const result = view(attempt.module, outcome.percent, outcome.passed, outcome.skills)
      if (!stored) return { result, awarded: [] }
      return { result, awarded: await award(trx, attempt.candidate_id, attempt.module, passedOn) }
    },

    /** The stored result of an attempt, as people see it. */
    async resultOf(attemptId: string): Promise<ResultView | null> {
      const row = await findResult(db, attemptId)
      return row ? view(row.module, Number(row.percent), Number(row.passed) === 1, JSON.parse(row.skills) as SkillResult[]) : null
    },

    async myResults(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      const rows = await resultsOfCandidate(db, candidate.userId)
      return {
        items: rows.map((r) => ({
          attemptId: r.attempt_id, sessionId: r.session_id, submittedAt: r.submitted_at, scoredAt: r.scored_at,
          ...view(r.module, Number(r.percent), Number(r.passed) === 1, JSON.parse(r.skills) as SkillResult[]),
        })),
      }
    },

    async myCredentials(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      const rows = await credentialsOfCandidate(db, candidate.userId)
      return { items: rows.map((c) => ({ certificateNumber: c.certificate_number, type: c.type, issuedOn: c.issued_on, status: c.status })) }
    },
  }
}

export type ResultsService = ReturnType<typeof createResultsService>
