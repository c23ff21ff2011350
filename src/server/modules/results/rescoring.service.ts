// Rescoring after staff correct how an item version is scored (a wrong key: score it with a
// corrected version's key; a flawed item: drop it). Every scored attempt that drew that version is
// rescored in the background, in batches: changed results are stored and audited, certificates are
// awarded or withdrawn to match, and the candidates whose results changed are told. Each batch is
// read in a few queries, scored in memory, and written in one transaction with a few multi-row
// statements, together with the job's checkpoint: a job resumed after a crash starts after the last
// batch that committed, so no attempt is skipped and no candidate is told twice.
import { setImmediate } from 'node:timers/promises'
import { formatPercent } from '../../../common/rules/pass-rule.js'
import type { FormItem } from '../../../common/items/form-assembly.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { inTransaction } from '../../db/transaction.js'
import { lockCandidates } from '../../db/candidate-lock.js'
import type { DbOrTx } from '../../db/database.js'
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
  candidatesOfAttempts, correctionOfVersion, correctionRunsOfItem, countRescoringChanges, findCorrectionRun, insertCorrectionRun, insertRescoringChanges,
  rescoringChangesPage, resultsOfAttempts, updateResults, upsertCorrection,
} from './rescoring.repository.js'
import type { ResultsService } from './results.service.js'

/** Attempts per batch: per-batch reads and statements are few, and one transaction stays short (a few hundred ms). */
const BATCH = 500

export interface Correction {
  version: number
  action: 'use_version' | 'drop'
  replacementVersion?: number | undefined
  reason: string
}

interface RescoreInput { itemId: string; version: number; note: string }
interface RescoreReport { attempts: number; changed: number; candidatesTold: number }
/** The report while the job runs: also the last attempt (in the job's order) whose batch has committed. */
interface RescoreProgress extends RescoreReport { after?: string | null }

/** The job was taken over by another process between two batches: its batch is rolled back. */
class JobTakenOver extends Error {}

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

  /**
   * Rescores one batch and, in the same transaction, saves the job's progress through `checkpoint`
   * (false: the job is no longer this process's, and nothing of the batch is kept). Emails go out
   * after the commit; they are recorded in it.
   */
  async function rescoreBatch(ids: string[], correctionNote: string, jobId: string, checkpoint: (trx: DbOrTx, done: { changed: number; told: number }) => Promise<boolean>) {
    const { attempts, responses } = await loadBatch(ids)
    const answersOf = new Map<string, Map<string, unknown>>()
    for (const r of responses) {
      const answers = answersOf.get(r.attempt_id) ?? new Map<string, unknown>()
      answers.set(r.item_id, JSON.parse(r.response) as unknown)
      answersOf.set(r.attempt_id, answers)
    }
    // Attempts share forms: each distinct form's scoring models are looked up once per batch.
    const modelsOfForm = new Map<string, Awaited<ReturnType<ResultsService['modelsOf']>>>()
    const planned = []
    for (const a of attempts) {
      let models = modelsOfForm.get(a.form)
      if (!models) modelsOfForm.set(a.form, (models = await deps.results.modelsOf(JSON.parse(a.form) as FormItem[])))
      planned.push({ attempt: a, computed: deps.results.computeResult(a, answersOf.get(a.id) ?? new Map(), models) })
    }
    const changed = planned.filter(({ attempt, computed }) => computed.outcome.earnedMicro !== Number(attempt.earned_micro) || computed.outcome.possibleMicro !== Number(attempt.possible_micro))

    const deliver = await inTransaction(db, async (trx) => {
      const at = now()
      const tell = new Map<string, { email: string; lines: string[] }>()
      // What the item page lists: each changed result, with the certificates its candidate gained or
      // lost on the first of their changed results in the batch (awards follow the candidate, not one sitting).
      const records = new Map<string, RescoringChangesTable>()
      const firstChangeOf = new Map<string, string>()
      for (const { attempt, computed } of changed) {
        const { outcome } = computed
        records.set(attempt.id, {
          job_id: jobId, attempt_id: attempt.id, candidate_id: attempt.candidate_id, module: attempt.module,
          before_percent: Number(attempt.percent), after_percent: outcome.percent, before_passed: Number(attempt.passed) === 1 ? 1 : 0, after_passed: outcome.passed ? 1 : 0,
          awarded: '[]', withdrawn: '[]', changed_at: at,
        })
        if (!firstChangeOf.has(attempt.candidate_id)) firstChangeOf.set(attempt.candidate_id, attempt.id)
        const note = tell.get(attempt.candidate_id) ?? { email: attempt.email, lines: [] }
        note.lines.push(`${attempt.module}: ${formatPercent(Number(attempt.percent))} (${Number(attempt.passed) === 1 ? 'passed' : 'not passed'}) is now ${formatPercent(outcome.percent)} (${outcome.passed ? 'passed' : 'not passed'}).`)
        tell.set(attempt.candidate_id, note)
      }
      let send = () => {}
      if (changed.length > 0) {
        // The candidates' locks first, before any write: the order of every transaction that awards.
        await lockCandidates(trx, [...tell.keys()], ctx.dialect)
        await updateResults(trx, changed.map(({ attempt, computed: { outcome, itemScores } }) => ({
          attemptId: attempt.id,
          change: {
            earned_micro: outcome.earnedMicro, possible_micro: outcome.possibleMicro, percent: outcome.percent, passed: outcome.passed ? 1 : 0,
            skills: JSON.stringify(outcome.skills), item_scores: JSON.stringify(itemScores), passed_on: outcome.passed ? (attempt.submitted_at ?? at).slice(0, 10) : null, scored_at: at,
          },
        })))
        await deps.audit.recordMany(trx, changed.map(({ attempt, computed: { outcome } }) => ({
          actorId: null, action: 'result.rescored', entityType: 'attempt', entityId: attempt.id,
          details: { correction: correctionNote, before: { percent: Number(attempt.percent), passed: Number(attempt.passed) === 1 }, after: { percent: outcome.percent, passed: outcome.passed } },
        })))
        const outcomes = await deps.results.reconcileMany(trx, [...tell.keys()])
        for (const [candidateId, note] of tell) {
          const { awarded, withdrawn } = outcomes.get(candidateId)!
          for (const a of awarded) note.lines.push(`You now hold the ${a.type} certificate ${a.certificateNumber}.`)
          for (const n of withdrawn) note.lines.push(`Certificate ${n} is withdrawn: the results it rests on no longer meet the standard.`)
          const record = records.get(firstChangeOf.get(candidateId)!)!
          record.awarded = JSON.stringify(awarded.map((a) => ({ type: a.type, certificateNumber: a.certificateNumber })))
          record.withdrawn = JSON.stringify(withdrawn)
        }
        await insertRescoringChanges(trx, [...records.values()])
        send = await deps.notifications.record(trx, [...tell.values()].map((note) => ({
          to: note.email,
          subject: 'Your MT1 results were rescored',
          text: `An item on your assessment was found to be flawed and has been rescored for everyone who saw it.\n\n${note.lines.join('\n')}\n\nYour score report on the MT1 site shows the details.`,
        })))
      }
      if (!(await checkpoint(trx, { changed: changed.length, told: tell.size }))) throw new JobTakenOver()
      return { send, told: tell.size }
    })
    deliver.send()
    return { changed: changed.length, told: deliver.told }
  }

  // Rescoring is a job that resumes after a crash from its last checkpoint, which commits with the
  // batch it follows: the attempts are walked in one fixed order (ids sorted here, whatever the
  // database's collation), and the checkpoint names the last one done. A job checkpointed before
  // that was kept starts again from the first attempt: a result already rescored computes the same
  // and is left alone (and its candidate is not told twice), so the counts still add up.
  deps.jobs.register<RescoreInput>('rescore', {
    resumable: true,
    async run(job, input) {
      const saved = job.report as RescoreProgress | null
      const ids = (await deps.attempts.scoredDrawing(input.itemId, input.version)).sort()
      const report: RescoreReport = { attempts: ids.length, changed: saved?.changed ?? 0, candidatesTold: saved?.candidatesTold ?? 0 }
      const after = saved?.after ?? null
      let start = after === null ? 0 : ids.findIndex((id) => id > after)
      if (start < 0) start = ids.length
      let processed = after === null ? 0 : Math.min(Number(job.processed), ids.length)
      if (!(await job.checkpoint({ processed, total: ids.length, report: { ...report, after } satisfies RescoreProgress }))) return { status: 'stopped' }
      try {
        for (let i = start; i < ids.length; i += BATCH) {
          await setImmediate()
          if (job.stopping) return { status: 'stopped' }
          const slice = ids.slice(i, i + BATCH)
          // The counts move on only once the batch has committed (a retried transaction checkpoints again from the same counts).
          const done = await rescoreBatch(slice, input.note, job.id, (trx, batch) => job.checkpoint({
            processed: processed + slice.length,
            report: { ...report, changed: report.changed + batch.changed, candidatesTold: report.candidatesTold + batch.told, after: slice.at(-1)! } satisfies RescoreProgress,
          }, trx))
          report.changed += done.changed
          report.candidatesTold += done.told
          processed += slice.length
        }
      } catch (err) {
        if (err instanceof JobTakenOver) return { status: 'stopped' }
        throw err
      }
      return { status: 'done', report }
    },
    failedReport: (job) => {
      const { after: _after, ...report } = (job.report as RescoreProgress | null) ?? {}
      return { ...report, error: 'Rescoring stopped; run the correction again to finish it.' }
    },
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
