// Rescoring after staff correct how an item version is scored (a wrong key: score it with a
// corrected version's key; a flawed item: drop it). Every scored attempt that drew that version is
// rescored in the background, in batches: changed results are stored and audited, certificates are
// awarded or withdrawn to match, and the candidates whose results changed are told.
import { formatPercent } from '../../../common/rules/pass-rule.js'
import type { FormItem } from '../../../common/items/form-assembly.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import { findItemById, findVersion } from '../item-bank/item-bank.repository.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { affectedAttemptIds, attemptsForRescoring, responsesOfAttempts, updateResult, upsertCorrection } from './rescoring.repository.js'
import type { ResultsService } from './results.service.js'

const BATCH = 200

export interface Correction {
  version: number
  action: 'use_version' | 'drop'
  replacementVersion?: number | undefined
  reason: string
}

export function createRescoringService(ctx: ServerContext, deps: { audit: AuditService; notifications: NotificationsService; results: ResultsService }) {
  const { db } = ctx
  const running = new Set<Promise<void>>()
  const now = () => ctx.clock().toISOString()

  async function rescoreBatch(ids: string[], correctionNote: string) {
    const attempts = await attemptsForRescoring(db, ids)
    const responses = await responsesOfAttempts(db, ids)
    const planned = await Promise.all(attempts.map(async (a) => {
      const models = await deps.results.modelsOf(JSON.parse(a.form) as FormItem[])
      const answers = new Map(responses.filter((r) => r.attempt_id === a.id).map((r) => [r.item_id, JSON.parse(r.response) as unknown]))
      return { attempt: a, computed: deps.results.computeResult(a, answers, models) }
    }))
    const changed = planned.filter(({ attempt, computed }) => computed.outcome.earnedMicro !== Number(attempt.earned_micro) || computed.outcome.possibleMicro !== Number(attempt.possible_micro))
    if (changed.length === 0) return { changed: 0, told: 0 }
    const tell = new Map<string, { email: string; lines: string[] }>()
    await db.transaction().execute(async (trx) => {
      for (const { attempt, computed } of changed) {
        const { outcome, itemScores } = computed
        const passedOn = outcome.passed ? (attempt.submitted_at ?? now()).slice(0, 10) : null
        await updateResult(trx, attempt.id, {
          earned_micro: outcome.earnedMicro, possible_micro: outcome.possibleMicro, percent: outcome.percent, passed: outcome.passed ? 1 : 0,
          skills: JSON.stringify(outcome.skills), item_scores: JSON.stringify(itemScores), passed_on: passedOn, scored_at: now(),
        })
        await deps.audit.record(trx, {
          actorId: null, action: 'result.rescored', entityType: 'attempt', entityId: attempt.id,
          details: { correction: correctionNote, before: { percent: Number(attempt.percent), passed: Number(attempt.passed) === 1 }, after: { percent: outcome.percent, passed: outcome.passed } },
        })
        const note = tell.get(attempt.candidate_id) ?? { email: attempt.email, lines: [] }
        note.lines.push(`${attempt.module}: ${formatPercent(Number(attempt.percent))} (${Number(attempt.passed) === 1 ? 'passed' : 'not passed'}) is now ${formatPercent(outcome.percent)} (${outcome.passed ? 'passed' : 'not passed'}).`)
        tell.set(attempt.candidate_id, note)
      }
      for (const [candidateId, note] of tell) {
        const { awarded, withdrawn } = await deps.results.reconcile(trx, candidateId)
        for (const a of awarded) note.lines.push(`You now hold the ${a.type} certificate ${a.certificateNumber}.`)
        for (const n of withdrawn) note.lines.push(`Certificate ${n} is withdrawn: the results it rests on no longer meet the standard.`)
      }
    })
    for (const note of tell.values()) {
      await deps.notifications.send({
        to: note.email,
        subject: 'Your MT1 results were rescored',
        text: `An item on your assessment was found to be flawed and has been rescored for everyone who saw it.\n\n${note.lines.join('\n')}\n\nYour score report on the MT1 site shows the details.`,
      })
    }
    return { changed: changed.length, told: tell.size }
  }

  async function run(jobId: string, itemId: string, version: number, note: string) {
    const ids = await affectedAttemptIds(db, itemId, version)
    await db.updateTable('jobs').set({ total: ids.length }).where('id', '=', jobId).execute()
    let processed = 0
    let changed = 0
    let told = 0
    try {
      for (let i = 0; i < ids.length; i += BATCH) {
        const done = await rescoreBatch(ids.slice(i, i + BATCH), note)
        changed += done.changed
        told += done.told
        processed = Math.min(ids.length, i + BATCH)
        await db.updateTable('jobs').set({ processed }).where('id', '=', jobId).execute()
      }
      await db.updateTable('jobs').set({ status: 'done', finished_at: now(), report: JSON.stringify({ attempts: ids.length, changed, candidatesTold: told }) }).where('id', '=', jobId).execute()
    } catch (err) {
      ctx.log.error({ err, jobId }, 'rescoring failed')
      await db.updateTable('jobs').set({ status: 'failed', finished_at: now(), report: JSON.stringify({ attempts: ids.length, processed, changed, error: 'Rescoring stopped; run the correction again to finish it.' }) }).where('id', '=', jobId).execute()
    }
  }

  return {
    /** Records a scoring correction and starts rescoring every attempt that drew that version. */
    async correct(actor: Actor | null, itemId: string, input: Correction) {
      const staff = requireRole(actor, 'program_staff')
      if (!(await findItemById(db, itemId))) throw notFound('The item')
      if (!(await findVersion(db, itemId, input.version))) throw notFound(`Version ${input.version} of the item`)
      if (input.action === 'use_version') {
        if (input.replacementVersion === undefined || input.replacementVersion === input.version) throw new AppError('VALIDATION', 'Name the corrected version whose key should score it.')
        if (!(await findVersion(db, itemId, input.replacementVersion))) throw notFound(`Version ${input.replacementVersion} of the item`)
      }
      const jobId = newId()
      const note = input.action === 'drop' ? `item ${itemId} v${input.version} dropped: ${input.reason}` : `item ${itemId} v${input.version} scored with v${input.replacementVersion}: ${input.reason}`
      await db.transaction().execute(async (trx) => {
        await upsertCorrection(trx, {
          item_id: itemId, version: input.version, action: input.action, replacement_version: input.action === 'use_version' ? input.replacementVersion! : null,
          reason: input.reason, created_by: staff.userId, created_at: now(),
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'item.scoring_corrected', entityType: 'item', entityId: itemId, details: { ...input } })
        await trx.insertInto('jobs').values({ id: jobId, kind: 'rescore', status: 'running', total: 0, processed: 0, report: null, created_by: staff.userId, created_at: now(), finished_at: null }).execute()
      })
      const job = run(jobId, itemId, input.version, note).finally(() => running.delete(job))
      running.add(job)
      return { jobId }
    },

    /** Resolves when every running rescoring has finished (tests, graceful shutdown, benchmarks). */
    idle: () => Promise.all([...running]).then(() => undefined),
  }
}

export type RescoringService = ReturnType<typeof createRescoringService>
