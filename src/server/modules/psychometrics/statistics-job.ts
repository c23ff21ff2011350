// The `psychometrics` background job: for a calendar year and each module (or the one staff named),
// read the scored attempts' item scores (results), the options chosen (delivery's responses), the item
// keys (item bank) and the candidates' voluntary demographics, compute, and replace that period's
// snapshot in one transaction, so a re-run leaves exactly one snapshot per module and year.
import { setImmediate } from 'node:timers/promises'
import { conjunctiveConsistency } from '../../../common/psychometrics/index.js'
import { interactionsIn } from '../../../common/items/presentation.js'
import type { DemographicQuestion } from '../../../common/rules/demographics.js'
import type { ModuleSnapshotView } from '../../../common/schemas/psychometrics.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import type { IrtCalibrationsTable, IrtFormComparabilityTable, IrtItemParametersTable, ItemStatisticsTable, PsychometricSnapshotsTable } from '../../db/schema.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { JobsService } from '../jobs/jobs.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ResultsService } from '../results/results.service.js'
import { computeModule, type ChoiceKey, type GatheredAttempt, type ItemVersionStatistics, type ModuleStatistics } from './compute.js'
import { computeIrt } from './irt-compute.js'
import { demographicsOf, replaceIrtPeriod, replacePeriod } from './psychometrics.repository.js'

export const PSYCHOMETRICS_JOB = 'psychometrics'
export interface StatisticsInput { year: number; modules: string[]; startedBy: string }
export interface StatisticsReport { year: number; modules: { module: string; n: number; items: number; flagged: number }[] }

const BATCH = 300

export interface StatisticsJobDeps {
  jobs: JobsService
  program: ProgramService
  results: Pick<ResultsService, 'scoredInPeriod'>
  attempts: Pick<AttemptRecordsService, 'scoredWithResponses'>
  itemBank: Pick<ItemBankService, 'versions'>
  /** Each DIF group needs at least this many examinees (the policy; 100 unless the app is told otherwise). */
  minGroupSize: number
}

/** The options and key of a single-choice item version (one interaction, one correct choice), else null. */
function choiceKeyOf(model: Awaited<ReturnType<ItemBankService['versions']>>[number]['model']): { responseId: string; key: ChoiceKey } | null {
  if (model.type !== 'single_choice') return null
  const choice = interactionsIn(model.presentation.body).find((i) => i.kind === 'choice')
  const declared = model.scoring.responses.find((r) => r.id === choice?.responseId)
  if (!choice || choice.kind !== 'choice' || !declared?.correct || declared.correct.length !== 1) return null
  const options = choice.choices.map((c) => c.id)
  const key = options.indexOf(String(declared.correct[0]))
  return key < 0 ? null : { responseId: choice.responseId, key: { options, key } }
}

function summaryOf(stats: ModuleStatistics, items: readonly ItemVersionStatistics[]): Omit<ModuleSnapshotView, 'scope' | 'kind' | 'year' | 'computedAt' | 'jobId'> {
  const flags: Record<string, number> = {}
  for (const i of items) for (const f of i.flags) flags[f] = (flags[f] ?? 0) + 1
  const dif = new Map<string, { question: string; A: number; B: number; C: number; notEnough: number }>()
  for (const i of items) for (const d of i.dif) {
    const row = dif.get(d.question) ?? { question: d.question, A: 0, B: 0, C: 0, notEnough: 0 }
    if (d.status === 'not_enough') row.notEnough++
    else if (d.category) row[d.category]++
    dif.set(d.question, row)
  }
  const { passProbabilities: _omit, ...figures } = stats
  return { ...figures, flagged: items.filter((i) => i.flags.length > 0).length, flags, dif: [...dif.values()] }
}

export function registerStatisticsJob(ctx: ServerContext, deps: StatisticsJobDeps) {
  const now = () => ctx.clock().toISOString()

  /** Everything one module's period needs, read through the owning modules' services in batches. */
  async function gather(module: string, year: number) {
    const results = await deps.results.scoredInPeriod(module, `${year}-01-01T00:00:00.000Z`, `${year + 1}-01-01T00:00:00.000Z`)
    const refs = new Map<string, { itemId: string; version: number }>()
    for (const r of results) for (const i of r.items) refs.set(`${i.itemId}@${i.version}`, { itemId: i.itemId, version: i.version })
    const keys = new Map<string, { responseId: string; key: ChoiceKey }>()
    for (const v of await deps.itemBank.versions([...refs.values()])) {
      const k = choiceKeyOf(v.model)
      if (k) keys.set(`${v.itemId}@${v.version}`, k)
    }
    const attempts: GatheredAttempt[] = []
    for (let i = 0; i < results.length; i += BATCH) {
      await setImmediate()
      const batch = results.slice(i, i + BATCH)
      const { responses } = await deps.attempts.scoredWithResponses(batch.map((r) => r.attemptId))
      const byAttempt = new Map<string, Map<string, string>>()
      for (const r of responses) byAttempt.set(r.attempt_id, (byAttempt.get(r.attempt_id) ?? new Map<string, string>()).set(r.item_id, r.response))
      for (const r of batch) {
        const saved = byAttempt.get(r.attemptId)
        const chosen = new Map<string, string | null>()
        for (const it of r.items) {
          const k = keys.get(`${it.itemId}@${it.version}`)
          if (!k) continue
          const raw = saved?.get(it.itemId)
          const value = raw ? (JSON.parse(raw) as Record<string, unknown> | null)?.[k.responseId] : undefined
          chosen.set(it.itemId, typeof value === 'string' ? value : null)
        }
        attempts.push({ attemptId: r.attemptId, candidateId: r.candidateId, passed: r.passed, items: r.items.map((x) => ({ ...x, correct: x.correct ? 1 : 0 })), chosen })
      }
    }
    const demographics = new Map<string, Partial<Record<DemographicQuestion, string>>>()
    for (const d of await demographicsOf(ctx.db, attempts.map((a) => a.candidateId))) demographics.set(d.user_id, JSON.parse(d.answers) as Partial<Record<DemographicQuestion, string>>)
    return { attempts, choiceKeys: new Map([...keys].map(([k, v]) => [k, v.key])), demographics }
  }

  deps.jobs.register<StatisticsInput>(PSYCHOMETRICS_JOB, {
    // A run replaces its period's snapshot whole, so running again from the start is safe.
    resumable: true,
    async run(job, input) {
      const at = now()
      const snapshots: PsychometricSnapshotsTable[] = []
      const rows: ItemStatisticsTable[] = []
      const irt: { calibrations: IrtCalibrationsTable[]; items: IrtItemParametersTable[]; forms: IrtFormComparabilityTable[] } = { calibrations: [], items: [], forms: [] }
      const perModule = new Map<string, { stats: ModuleStatistics; passed: Map<string, boolean> }>()
      const report: StatisticsReport = { year: input.year, modules: [] }
      for (const [index, module] of input.modules.entries()) {
        if (job.stopping) return { status: 'stopped' }
        const mod = deps.program.module(module)
        if (!mod) continue
        const gathered = await gather(module, input.year)
        const { module: stats, items } = computeModule({ ...gathered, cutPercent: mod.passPercent, minGroupSize: deps.minGroupSize })
        // Every item version of every delivered form on one scale (Rasch), and the forms compared at the cut.
        await setImmediate()
        const calibrated = computeIrt({ module, year: input.year, jobId: job.id, computedAt: at, attempts: gathered.attempts, cutPercent: mod.passPercent })
        irt.calibrations.push(calibrated.calibration)
        irt.items.push(...calibrated.items)
        irt.forms.push(...calibrated.forms)
        const passed = new Map<string, boolean>()
        for (const a of gathered.attempts) passed.set(a.candidateId, a.passed)
        perModule.set(module, { stats, passed })
        const summary = summaryOf(stats, items)
        snapshots.push({ scope: module, year: input.year, job_id: job.id, started_by: input.startedBy, computed_at: at, candidates: stats.n, summary: JSON.stringify({ kind: 'module', ...summary }) })
        for (const i of items) {
          rows.push({
            module, year: input.year, item_id: i.itemId, version: i.version, computed_at: at, exposure: i.exposure, p: i.p, flags: JSON.stringify(i.flags),
            detail: JSON.stringify({ pointBiserial: i.pointBiserial, correctedItemTotal: i.correctedItemTotal, alphaIfDeleted: i.alphaIfDeleted, distractors: i.distractors, dif: i.dif }),
          })
        }
        report.modules.push({ module, n: stats.n, items: items.length, flagged: summary.flagged })
        if (!(await job.checkpoint({ processed: index + 1, total: input.modules.length, report }))) return { status: 'stopped' }
      }
      // Conjunctive decisions (MS, MT1) when every module they require was computed in this run.
      for (const credential of deps.program.definition.credentials) {
        const parts = credential.requiresModules.map((m) => perModule.get(m))
        if (parts.some((p) => !p)) continue
        const candidates = [...parts[0]!.stats.passProbabilities.keys()].filter((c) => parts.every((p) => p!.stats.passProbabilities.has(c)))
        const consistency = candidates.length > 0 ? conjunctiveConsistency(parts.map((p) => Float64Array.from(candidates.map((c) => p!.stats.passProbabilities.get(c)!)))) : null
        const passRate = candidates.length > 0 ? candidates.filter((c) => parts.every((p) => p!.passed.get(c))).length / candidates.length : null
        const summary = {
          kind: 'conjunctive', n: candidates.length, k: 0, excluded: 0, passRate, cutPercent: 0, rawCut: 0, mean: null, sd: null, kr20: null, sem: null, csemAtCut: null,
          agreement: consistency?.agreement ?? null, kappa: consistency?.kappa ?? null, flagged: 0, flags: {}, dif: [], modules: credential.requiresModules,
        }
        snapshots.push({ scope: credential.code, year: input.year, job_id: job.id, started_by: input.startedBy, computed_at: at, candidates: candidates.length, summary: JSON.stringify(summary) })
      }
      await inTransaction(ctx.db, async (trx) => {
        await replacePeriod(trx, input.year, snapshots.map((s) => s.scope), [...perModule.keys()], snapshots, rows)
        await replaceIrtPeriod(trx, input.year, [...perModule.keys()], irt)
      })
      return { status: 'done', report }
    },
  })
}
