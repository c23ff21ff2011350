// Psychometrics in the product (issue 15, item 4): staff start the statistics job (it also refreshes
// nightly), read a period's figures, an item's statistics and the review queue, send a flagged item
// back to review (the item bank's own audited transition), and download the technical report.
// Candidates give or withdraw their voluntary demographics here; nobody reads them one by one.
import type { DemographicAnswers, FormComparabilityView, ItemVersionStatisticsView, ModuleSnapshotView, ReviewQueueEntry } from '../../../common/schemas/psychometrics.js'
import { FORM_COMPARABILITY } from '../../../common/rules/form-comparability.js'
import type { ItemReviewFlag } from '../../../common/rules/item-review.js'
import { DIF_MIN_GROUP_SIZE } from '../../../common/rules/demographics.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { inTransaction } from '../../db/transaction.js'
import type { ItemStatisticsTable } from '../../db/schema.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import { deleteDemographics, findDemographics, flaggedOfYear, irtCalibrationOf, irtFormsOf, irtItemsOf, saveDemographics, snapshotsOfYear, statisticsOfItem, statisticsOfModuleYear } from './psychometrics.repository.js'
import type { IrtDetail } from './irt-compute.js'
import { registerStatisticsJob, PSYCHOMETRICS_JOB, type StatisticsInput, type StatisticsJobDeps } from './statistics-job.js'
import { technicalReportPdf, type StandardSettingRecord } from './technical-report-pdf.js'

/** The standard-setting study of a module and year, from the standard-setting module when it is wired. */
export type StandardSettingReader = (module: string, year: number) => Promise<StandardSettingRecord | null>

export interface PsychometricsDeps extends Omit<StatisticsJobDeps, 'minGroupSize' | 'itemBank'> {
  audit: AuditService
  itemBank: Pick<ItemBankService, 'versions' | 'find' | 'changeStatus'>
  standardSetting: StandardSettingReader
  minGroupSize?: number
}

function itemView(row: ItemStatisticsTable): ItemVersionStatisticsView {
  const d = JSON.parse(row.detail) as {
    pointBiserial: number | null; correctedItemTotal: number | null; alphaIfDeleted: number | null
    distractors: { omitted: number; options: ItemVersionStatisticsView['options'] } | null; dif: ItemVersionStatisticsView['dif']
  }
  return {
    itemId: row.item_id, version: Number(row.version), module: row.module, year: Number(row.year), computedAt: new Date(row.computed_at).toISOString(),
    exposure: Number(row.exposure), p: Number(row.p), pointBiserial: d.pointBiserial, correctedItemTotal: d.correctedItemTotal, alphaIfDeleted: d.alphaIfDeleted,
    omitted: d.distractors?.omitted ?? null, options: d.distractors?.options ?? [], flags: JSON.parse(row.flags) as ItemReviewFlag[], dif: d.dif,
  }
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v))

/** A module's stored calibration and form comparability for a year, as the page and the report read it. */
async function comparabilityOf(db: ServerContext['db'], mod: { code: string; name: string; passPercent: number }, year: number): Promise<FormComparabilityView> {
  const row = await irtCalibrationOf(db, mod.code, year)
  const base = { module: mod.code, moduleName: mod.name, year, fewCandidatesPerForm: FORM_COMPARABILITY.fewCandidatesPerForm }
  if (!row) return { ...base, cutPercent: mod.passPercent, tolerance: FORM_COMPARABILITY.tolerancePercentPoints, calibration: null, summary: null, forms: [], items: [] }
  const detail = JSON.parse(row.detail) as IrtDetail
  const cutPercent = Number(row.cut_percent)
  const items = (await irtItemsOf(db, mod.code, year)).map((i) => ({
    itemId: i.item_id, version: Number(i.version), presented: Number(i.presented), p: Number(i.p), difficulty: num(i.difficulty), seDifficulty: num(i.se_difficulty),
    excluded: i.excluded as FormComparabilityView['items'][number]['excluded'],
  }))
  const forms = (await irtFormsOf(db, mod.code, year)).map((f) => ({
    formKey: f.form_key, items: Number(f.items), candidates: Number(f.candidates), expectedPoints: Number(f.expected_points), expectedPercent: Number(f.expected_percent),
    differencePercent: Number(f.expected_percent) - cutPercent, beyondTolerance: Number(f.beyond_tolerance) === 1, boundedItems: Number(f.bounded_items),
    fewCandidates: Number(f.candidates) < FORM_COMPARABILITY.fewCandidatesPerForm,
  }))
  return {
    ...base, cutPercent, tolerance: detail.tolerance,
    calibration: {
      status: row.status, model: row.model, computedAt: new Date(row.computed_at).toISOString(), jobId: row.job_id, examinees: Number(row.examinees),
      itemsCalibrated: items.filter((i) => i.excluded === null).length, itemsExcluded: items.filter((i) => i.excluded !== null).length,
      discrimination: num(row.discrimination), seDiscrimination: detail.seDiscrimination, thetaCut: num(row.theta_cut), logLikelihood: detail.logLikelihood,
      converged: detail.converged, iterations: detail.iterations, reason: detail.reason, caveats: detail.caveats,
    },
    summary: detail.summary, forms, items,
  }
}

export function createPsychometricsService(ctx: ServerContext, deps: PsychometricsDeps) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  const thisYear = () => ctx.clock().getUTCFullYear()
  registerStatisticsJob(ctx, { ...deps, minGroupSize: deps.minGroupSize ?? DIF_MIN_GROUP_SIZE })
  const allModules = () => deps.program.definition.modules.map((m) => m.code)
  // The housekeeping timer asks every minute; a day's refresh is started once by this process.
  let refreshedOn: string | null = null

  async function snapshots(year: number): Promise<ModuleSnapshotView[]> {
    return (await snapshotsOfYear(db, year)).map((s) => ({
      ...(JSON.parse(s.summary) as Omit<ModuleSnapshotView, 'scope' | 'year' | 'computedAt' | 'jobId'>),
      scope: s.scope, year: Number(s.year), computedAt: new Date(s.computed_at).toISOString(), jobId: s.job_id,
    }))
  }

  return {
    /** Starts the statistics job for a year (every module, or the one named). */
    async start(actor: Actor | null, input: { year: number; module?: string | undefined }): Promise<{ jobId: string }> {
      const staff = requireRole(actor, 'program_staff')
      if (input.module !== undefined && !deps.program.module(input.module)) throw notFound(`The module ${input.module}`)
      const modules = input.module ? [input.module] : allModules()
      const jobId = await deps.jobs.start({ kind: PSYCHOMETRICS_JOB, createdBy: staff.userId, input: { year: input.year, modules, startedBy: staff.userId } satisfies StatisticsInput, total: modules.length })
      return { jobId }
    },

    /**
     * The nightly refresh (called on the housekeeping timer): at most once per UTC day, recomputes the
     * current year for whoever last started its statistics. Nothing runs before staff first start them.
     */
    async refreshDaily(): Promise<string | null> {
      const year = thisYear()
      const latest = (await snapshotsOfYear(db, year)).sort((a, b) => (a.computed_at < b.computed_at ? 1 : -1))[0]
      const today = now().slice(0, 10)
      if (refreshedOn === today) return null
      if (!latest || new Date(latest.computed_at).toISOString().slice(0, 10) >= today) return null
      refreshedOn = today
      return deps.jobs.start({ kind: PSYCHOMETRICS_JOB, createdBy: latest.started_by, input: { year, modules: allModules(), startedBy: latest.started_by } satisfies StatisticsInput, total: allModules().length })
    },

    async snapshots(actor: Actor | null, year = thisYear()) {
      requireRole(actor, 'program_staff')
      return { year, items: await snapshots(year) }
    },

    /** An item's statistics per version and year, newest first. */
    async itemStatistics(actor: Actor | null, itemId: string) {
      requireRole(actor, 'program_staff')
      if (!(await deps.itemBank.find(itemId))) throw notFound('The item')
      return { items: (await statisticsOfItem(db, itemId)).map(itemView) }
    },

    /** The item versions a year's statistics flagged, with why (or a DIF category C). */
    async reviewQueue(actor: Actor | null, year = thisYear()): Promise<{ year: number; items: ReviewQueueEntry[] }> {
      requireRole(actor, 'program_staff')
      const rows = (await flaggedOfYear(db, year)).map(itemView)
      const items: ReviewQueueEntry[] = []
      for (const r of rows) {
        const item = await deps.itemBank.find(r.itemId)
        if (!item) continue
        items.push({
          itemId: r.itemId, identifier: item.identifier, title: item.title, module: r.module, skill: item.skill, status: item.status, version: r.version,
          exposure: r.exposure, p: r.p, correctedItemTotal: r.correctedItemTotal, flags: r.flags, difC: r.dif.filter((d) => d.category === 'C').length,
        })
      }
      return { year, items }
    },

    /** Sends a flagged item back to review: the item bank's transition, audited there with the reason. */
    async sendToReview(actor: Actor | null, itemId: string, reason: string) {
      requireRole(actor, 'program_staff')
      return deps.itemBank.changeStatus(actor, itemId, { status: 'in_review', reason: `Item statistics: ${reason}` })
    },

    /** A module's calibration for a year and every delivered form's expected score at the cut, as last computed by the job. */
    async formComparability(actor: Actor | null, module: string, year = thisYear()): Promise<FormComparabilityView> {
      requireRole(actor, 'program_staff')
      const mod = deps.program.module(module)
      if (!mod) throw notFound(`The module ${module}`)
      return comparabilityOf(db, mod, year)
    },

    /** The technical report of a module and year (PDF). */
    async technicalReport(actor: Actor | null, module: string, year: number) {
      requireRole(actor, 'program_staff')
      const mod = deps.program.module(module)
      if (!mod) throw notFound(`The module ${module}`)
      const all = await snapshots(year)
      const snapshot = all.find((s) => s.scope === module) ?? null
      const conjunctive = all.filter((s) => s.kind === 'conjunctive' && deps.program.definition.credentials.find((c) => c.code === s.scope)?.requiresModules.includes(module))
      const items = (await statisticsOfModuleYear(db, module, year)).map(itemView)
      const names = new Map<string, string>()
      for (const i of items) if (!names.has(i.itemId)) names.set(i.itemId, (await deps.itemBank.find(i.itemId))?.identifier ?? i.itemId)
      const pdf = await technicalReportPdf({
        module: { code: mod.code, name: mod.name, passPercent: mod.passPercent }, year, snapshot, conjunctive, items, itemNames: names,
        standardSetting: await deps.standardSetting(module, year), comparability: await comparabilityOf(db, mod, year), printedAt: now(),
      })
      return { pdf, filename: `mt1-technical-report-${module}-${year}.pdf` }
    },

    demographics: {
      async mine(actor: Actor | null) {
        const who = requireActor(actor)
        const row = await findDemographics(db, who.userId)
        return { answers: row ? (JSON.parse(row.answers) as DemographicAnswers) : null, consentedAt: row ? new Date(row.consented_at).toISOString() : null }
      },
      /** Saves the candidate's answers with their explicit consent (audited, without the answers). */
      async save(actor: Actor | null, input: { consent: true; answers: DemographicAnswers }) {
        const who = requireActor(actor)
        if (input.consent !== true) throw new AppError('VALIDATION', 'Consent is needed to keep these answers.')
        const at = now()
        await inTransaction(db, async (trx) => {
          await saveDemographics(trx, { user_id: who.userId, answers: JSON.stringify(input.answers), consented_at: at, updated_at: at })
          await deps.audit.record(trx, { actorId: who.userId, action: 'demographics.consented', entityType: 'user', entityId: who.userId })
        })
        return this.mine(actor)
      },
      /** Withdraws consent: the answers are deleted (statistics already computed hold only aggregates). */
      async withdraw(actor: Actor | null) {
        const who = requireActor(actor)
        await inTransaction(db, async (trx) => {
          if (await deleteDemographics(trx, who.userId)) await deps.audit.record(trx, { actorId: who.userId, action: 'demographics.withdrawn', entityType: 'user', entityId: who.userId })
        })
        return { answers: null, consentedAt: null }
      },
    },
  }
}

export type PsychometricsService = ReturnType<typeof createPsychometricsService>
