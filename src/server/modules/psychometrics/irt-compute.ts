// The statistics job's IRT step for one module and period: every scored attempt is a row over the
// module's pool of item versions seen that period (items off the candidate's form are NOT_PRESENTED,
// missing by design), calibrated together by Rasch MML so every form sits on one scale; then each
// distinct delivered form (identical item sets grouped) gets the borderline candidate's expected score.
// A retake is one more row: each attempt is an examinee answering its own form.
import { createHash } from 'node:crypto'
import {
  CalibrationError, calibratePool, formComparability, NOT_PRESENTED, type Comparability, type PoolCalibration,
} from '../../../common/psychometrics/index.js'
import { beyondTolerance, FORM_COMPARABILITY } from '../../../common/rules/form-comparability.js'
import type { IrtCalibrationsTable, IrtFormComparabilityTable, IrtItemParametersTable } from '../../db/schema.js'
import type { GatheredAttempt } from './compute.js'

/** What the page and report say beside the figures when they rest on little data. */
export type CalibrationCaveat = 'few-examinees' | 'not-converged' | 'bounded-items'

export interface IrtDetail {
  logLikelihood: number | null
  converged: boolean
  iterations: number
  seDiscrimination: number | null
  /** Why nothing was calibrated, when status is not_calibrated. */
  reason: string | null
  tolerance: number
  summary: Comparability['summary'] | null
  caveats: CalibrationCaveat[]
}

// Looser than the CLI's 1e-8: the job's figures are read at two decimals, and a pool of many forms
// costs a full pass over them per cycle.
const JOB_CALIBRATION = { tolerance: 1e-6, maxIterations: 2000 }

const versionKey = (itemId: string, version: number) => `${itemId}@${version}`
const formKeyOf = (versions: readonly string[]) => createHash('sha256').update(versions.join('\n')).digest('hex').slice(0, 16)

export function computeIrt(input: { module: string; year: number; jobId: string; computedAt: string; attempts: readonly GatheredAttempt[]; cutPercent: number }): {
  calibration: IrtCalibrationsTable; items: IrtItemParametersTable[]; forms: IrtFormComparabilityTable[]
} {
  const { module, year } = input
  const pool = new Map<string, number>()
  for (const a of input.attempts) for (const it of a.items) {
    const key = versionKey(it.itemId, it.version)
    if (!pool.has(key)) pool.set(key, pool.size)
  }
  const ids = [...pool.keys()]
  const rows = input.attempts.map((a) => {
    const row = new Uint8Array(ids.length).fill(NOT_PRESENTED)
    for (const it of a.items) row[pool.get(versionKey(it.itemId, it.version))!] = it.correct
    return row
  })
  const forms = new Map<string, { versions: string[]; candidates: number }>()
  for (const a of input.attempts) {
    const versions = a.items.map((it) => versionKey(it.itemId, it.version)).sort()
    const key = formKeyOf(versions)
    const form = forms.get(key) ?? { versions, candidates: 0 }
    form.candidates++
    forms.set(key, form)
  }

  const base = { module, year, job_id: input.jobId, computed_at: input.computedAt, model: 'rasch', examinees: input.attempts.length, cut_percent: input.cutPercent }
  const tolerance = FORM_COMPARABILITY.tolerancePercentPoints
  let fit: PoolCalibration
  let comparability: Comparability
  try {
    fit = calibratePool(ids, rows, JOB_CALIBRATION)
    comparability = formComparability(fit, [...forms.values()].map((f) => ({ itemIds: f.versions, candidates: f.candidates })), input.cutPercent, tolerance, (p) => beyondTolerance(p, input.cutPercent))
  } catch (error) {
    if (!(error instanceof CalibrationError)) throw error
    const detail: IrtDetail = { logLikelihood: null, converged: false, iterations: 0, seDiscrimination: null, reason: error.message, tolerance, summary: null, caveats: [] }
    return { calibration: { ...base, status: 'not_calibrated', discrimination: null, theta_cut: null, detail: JSON.stringify(detail) }, items: [], forms: [] }
  }

  const caveats: CalibrationCaveat[] = []
  if (fit.examinees < FORM_COMPARABILITY.fewExaminees) caveats.push('few-examinees')
  if (!fit.converged) caveats.push('not-converged')
  if (fit.excluded.some((e) => e.reason !== 'not-presented')) caveats.push('bounded-items')
  const detail: IrtDetail = {
    logLikelihood: fit.logLikelihood, converged: fit.converged, iterations: fit.iterations, seDiscrimination: fit.seDiscrimination,
    reason: null, tolerance, summary: comparability.summary, caveats,
  }
  const split = (key: string) => ({ item_id: key.slice(0, key.lastIndexOf('@')), version: Number(key.slice(key.lastIndexOf('@') + 1)) })
  const items: IrtItemParametersTable[] = [
    ...fit.items.map((i) => ({ module, year, ...split(i.id), presented: i.presented, p: i.p, slope: i.a, difficulty: i.difficulty, se_difficulty: i.seDifficulty, excluded: null })),
    ...fit.excluded.map((e) => ({ module, year, ...split(e.id), presented: e.presented, p: e.reason === 'all-correct' ? 1 : 0, slope: null, difficulty: null, se_difficulty: null, excluded: e.reason })),
  ]
  return {
    calibration: { ...base, status: 'calibrated', discrimination: fit.discrimination, theta_cut: comparability.thetaCut, detail: JSON.stringify(detail) },
    items,
    forms: comparability.forms.map((f) => ({
      module, year, form_key: formKeyOf(f.itemIds), items: f.items, candidates: f.candidates, expected_points: f.expectedPoints, expected_percent: f.expectedPercent,
      beyond_tolerance: f.beyondTolerance ? 1 : 0, bounded_items: f.boundedItems, item_versions: JSON.stringify(f.itemIds),
    })),
  }
}
