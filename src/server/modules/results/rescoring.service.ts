// Rescoring after staff correct how an item version is scored (a wrong key: score it with a
// corrected version's key; a flawed item: drop it). Every scored attempt that drew that version is
// rescored in the background, in batches: changed results are stored and audited, certificates are
// awarded or withdrawn to match, and the candidates whose results changed are told.
import { setImmediate } from 'node:timers/promises'
import { formatPercent } from '../../../common/rules/pass-rule.js'
import type { FormItem } from '../../../common/items/form-assembly.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { inTransaction } from '../../db/transaction.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { JobsService } from '../jobs/jobs.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { decodeCursor, encodeCursor } from '../../db/pagination.js'
import type { RescoringChangesTable } from '../../db/schema.js'
import {
  candidatesOfAttempts, correctionOfVersion, correctionRunsOfItem, countRescoringChanges, findCorrectionRun, insertCorrectionRun, insertRescoringChange,
  rescoringChangesPage, resultsOfAttempts, updateResult, upsertCorrection,
} from './rescoring.repository.js'
import type { ResultsService } from './results.service.js'

const BATCH = 200

export interface Correction {
  version: number
  action: 'use_version' | 'drop'
  replacementVersion?: number | undefined
  reason: string
}

interface RescoreInput { itemId: string; version: number; note: string }
interface RescoreReport { attempts: number; changed: number; candidatesTold: number }

export function createRescoringService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; results: ResultsService; jobs: JobsService; itemBank: ItemBankService
    attempts: AttemptRecordsService; contacts: ContactDirectory
  },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  /** The batch's scored attempts with their stored results and their candidates' emails: one call to each owner. */
  async function loadBatch(ids: string[]) {
    const { attempts: scored, responses } = await deps.attempts.scoredWithResponses(ids)
    const results = new Map((await resultsOfAttempts(db, ids)).map((r) => [r.attempt_id, r]))
    const contacts = await deps.contacts.contactsOf([...new Set(scored.map((a) => a.candidate_id))])
    const attempts = scored.flatMap((a) => {
      const result = results.get(a.id)
      const contact = contacts.get(a.candidate_id)
      return result && contact ? [{ ...a, ...result, email: contact.email }] : []
    })
    return { attempts, responses }
  }

  async function rescoreBatch(ids: string[], correctionNote: string, jobId: string) {
    const { attempts, responses } = await loadBatch(ids)
    const planned = await Promise.all(attempts.map(async (a) => {
      const models = await deps.results.modelsOf(JSON.parse(a.form) as FormItem[])
      const answers = new Map(responses.filter((r) => r.attempt_id === a.id).map((r) => [r.item_id, JSON.parse(r.response) as unknown]))
      return { attempt: a, computed: deps.results.computeResult(a, answers, models) }
    }))
    const changed = planned.filter(({ attempt, computed }) => computed.outcome.earnedMicro !== Number(attempt.earned_micro) || computed.outcome.possibleMicro !== Number(attempt.possible_micro))
    if (changed.length === 0) return { changed: 0, told: 0 }
    const tell = new Map<string, { email: string; lines: string[] }>()
    // What the item page lists: each changed result, with the certificates its candidate gained or
    // lost on the first of their changed results in the batch (awards follow the candidate, not one sitting).
    const records = new Map<string, RescoringChangesTable>()
    const firstChangeOf = new Map<string, string>()
    await inTransaction(db, async (trx) => {
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
        records.set(attempt.id, {
          job_id: jobId, attempt_id: attempt.id, candidate_id: attempt.candidate_id, module: attempt.module,
          before_percent: Number(attempt.percent), after_percent: outcome.percent, before_passed: Number(attempt.passed) === 1 ? 1 : 0, after_passed: outcome.passed ? 1 : 0,
          awarded: '[]', withdrawn: '[]', changed_at: now(),
        })
        if (!firstChangeOf.has(attempt.candidate_id)) firstChangeOf.set(attempt.candidate_id, attempt.id)
        const note = tell.get(attempt.candidate_id) ?? { email: attempt.email, lines: [] }
        note.lines.push(`${attempt.module}: ${formatPercent(Number(attempt.percent))} (${Number(attempt.passed) === 1 ? 'passed' : 'not passed'}) is now ${formatPercent(outcome.percent)} (${outcome.passed ? 'passed' : 'not passed'}).`)
        tell.set(attempt.candidate_id, note)
      }
      for (const [candidateId, note] of tell) {
        const { awarded, withdrawn } = await deps.results.reconcile(trx, candidateId)
        for (const a of awarded) note.lines.push(`You now hold the ${a.type} certificate ${a.certificateNumber}.`)
        for (const n of withdrawn) note.lines.push(`Certificate ${n} is withdrawn: the results it rests on no longer meet the standard.`)
        const record = records.get(firstChangeOf.get(candidateId)!)!
        record.awarded = JSON.stringify(awarded.map((a) => ({ type: a.type, certificateNumber: a.certificateNumber })))
        record.withdrawn = JSON.stringify(withdrawn)
      }
      for (const record of records.values()) await insertRescoringChange(trx, record)
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

  // Rescoring is a job that can run again from the start after a crash: a result already rescored
  // computes the same and is left alone (and its candidate is not told twice), so the counts of the
  // run cut off and of the run that resumed it add up.
  deps.jobs.register<RescoreInput>('rescore', {
    resumable: true,
    async run(job, input) {
      const before = (job.report as RescoreReport | null) ?? { attempts: 0, changed: 0, candidatesTold: 0 }
      const ids = await deps.attempts.scoredDrawing(input.itemId, input.version)
      const report: RescoreReport = { attempts: ids.length, changed: before.changed, candidatesTold: before.candidatesTold }
      if (!(await job.checkpoint({ processed: 0, total: ids.length, report }))) return { status: 'stopped' }
      for (let i = 0; i < ids.length; i += BATCH) {
        await setImmediate()
        if (job.stopping) return { status: 'stopped' }
        const done = await rescoreBatch(ids.slice(i, i + BATCH), input.note, job.id)
        report.changed += done.changed
        report.candidatesTold += done.told
        if (!(await job.checkpoint({ processed: Math.min(ids.length, i + BATCH), report }))) return { status: 'stopped' }
      }
      return { status: 'done', report }
    },
    failedReport: (job) => ({ ...((job.report as RescoreReport | null) ?? {}), error: 'Rescoring stopped; run the correction again to finish it.' }),
  })

  return {
    /** Records a scoring correction and starts rescoring every attempt that drew that version. */
    async correct(actor: Actor | null, itemId: string, input: Correction) {
      const staff = requireRole(actor, 'program_staff')
      if (!(await deps.itemBank.find(itemId))) throw notFound('The item')
      if (!(await deps.itemBank.version(itemId, input.version))) throw notFound(`Version ${input.version} of the item`)
      if (input.action === 'use_version') {
        if (input.replacementVersion === undefined || input.replacementVersion === input.version) throw new AppError('VALIDATION', 'Name the corrected version whose key should score it.')
        if (!(await deps.itemBank.version(itemId, input.replacementVersion))) throw notFound(`Version ${input.replacementVersion} of the item`)
      }
      const note = input.action === 'drop' ? `item ${itemId} v${input.version} dropped: ${input.reason}` : `item ${itemId} v${input.version} scored with v${input.replacementVersion}: ${input.reason}`
      const jobId = await inTransaction(db, async (trx) => {
        await upsertCorrection(trx, {
          item_id: itemId, version: input.version, action: input.action, replacement_version: input.action === 'use_version' ? input.replacementVersion! : null,
          reason: input.reason, created_by: staff.userId, created_at: now(),
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'item.scoring_corrected', entityType: 'item', entityId: itemId, details: { ...input } })
        const id = await deps.jobs.create(trx, { kind: 'rescore', createdBy: staff.userId, input: { itemId, version: input.version, note } satisfies RescoreInput, total: 0 })
        await insertCorrectionRun(trx, {
          job_id: id, item_id: itemId, version: input.version, action: input.action, replacement_version: input.action === 'use_version' ? input.replacementVersion! : null,
          reason: input.reason, created_by: staff.userId, created_at: now(),
        })
        return id
      })
      await deps.jobs.launch(jobId)
      return { jobId }
    },

    /** A dry run for the item page: how many scored attempts (and candidates) a correction of this version would rescore. */
    async preview(actor: Actor | null, itemId: string, version: number) {
      requireRole(actor, 'program_staff')
      if (!(await deps.itemBank.find(itemId))) throw notFound('The item')
      if (!(await deps.itemBank.version(itemId, version))) throw notFound(`Version ${version} of the item`)
      const ids = await deps.attempts.scoredDrawing(itemId, version)
      const current = await correctionOfVersion(db, itemId, version)
      return {
        version, attempts: ids.length, candidates: await candidatesOfAttempts(db, ids),
        current: current ? { action: current.action, replacementVersion: current.replacement_version, createdAt: current.created_at } : null,
      }
    },

    /** Every correction made of an item, newest first, with its rescoring's progress and how many results it changed. */
    async history(actor: Actor | null, itemId: string) {
      requireRole(actor, 'program_staff')
      if (!(await deps.itemBank.find(itemId))) throw notFound('The item')
      const runs = await correctionRunsOfItem(db, itemId)
      const changed = await countRescoringChanges(db, runs.map((r) => r.job_id))
      const names = await deps.contacts.contactsOf([...new Set(runs.map((r) => r.created_by))])
      const items = await Promise.all(runs.map(async (r) => {
        const job = await deps.jobs.find(actor, r.job_id)
        const by = names.get(r.created_by)
        return {
          jobId: r.job_id, version: Number(r.version), action: r.action, replacementVersion: r.replacement_version === null ? null : Number(r.replacement_version),
          reason: r.reason, createdAt: r.created_at, createdBy: by ? `${by.first_name} ${by.last_name}` : null,
          status: job.status, processed: Number(job.processed), total: Number(job.total), changed: changed.get(r.job_id) ?? 0,
        }
      }))
      return { items, nextCursor: null }
    },

    /** The results a correction's rescoring changed, a page at a time in attempt order. */
    async changes(actor: Actor | null, jobId: string, page: { limit?: number | undefined; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      if (!(await findCorrectionRun(db, jobId))) throw notFound('The correction')
      const limit = page.limit ?? 50
      const rows = await rescoringChangesPage(db, jobId, limit, decodeCursor(page.cursor)?.id)
      const more = rows.length > limit
      const slice = more ? rows.slice(0, limit) : rows
      const names = await deps.contacts.contactsOf([...new Set(slice.map((r) => r.candidate_id))])
      const last = slice.at(-1)
      return {
        items: slice.map((r) => {
          const c = names.get(r.candidate_id)
          return {
            attemptId: r.attempt_id, candidateId: r.candidate_id, candidateName: c ? `${c.first_name} ${c.last_name}` : '', module: r.module,
            beforePercent: Number(r.before_percent), afterPercent: Number(r.after_percent), beforePassed: Number(r.before_passed) === 1, afterPassed: Number(r.after_passed) === 1,
            awarded: JSON.parse(r.awarded) as { type: string; certificateNumber: string }[], withdrawn: JSON.parse(r.withdrawn) as string[], changedAt: r.changed_at,
          }
        }),
        nextCursor: more && last ? encodeCursor({ value: last.attempt_id, id: last.attempt_id }) : null,
      }
    },

    /** Resolves when no job runs (tests, benchmarks). */
    idle: () => deps.jobs.idle(),
  }
}

export type RescoringService = ReturnType<typeof createRescoringService>
