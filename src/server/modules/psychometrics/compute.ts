// The psychometrics job's arithmetic for one module and period, from what the job gathered: each
// scored attempt's dichotomised item scores in form order, the option chosen on single-choice items,
// and the candidate's demographic answers. Every figure comes from the pure functions in
// src/common/psychometrics; this file only arranges the matrices they take.
//
// Forms are drawn from a pool, so no two candidates need see the same items. The module's figures
// (KR-20, SEM, CSEM, Subkoviak) treat the k positions of the blueprint as the items of randomly
// parallel forms. An item version's figures come from the candidates who drew it, with the item in
// the first column and the rest of each candidate's form after it: p, the point-biserial, the
// corrected item-total r and alpha-if-deleted of exactly that matrix.
import {
  analyseDistractors, analyseItems, mantelHaenszel, reliabilityReport, subkoviak, totalScores,
  type DistractorAnalysis, type EtsCategory,
} from '../../../common/psychometrics/index.js'
import { itemReviewFlags, type ItemReviewFlag } from '../../../common/rules/item-review.js'
import { DEMOGRAPHIC_QUESTION_CODES, difComparisons, enoughForDif, type DemographicQuestion } from '../../../common/rules/demographics.js'

export interface GatheredAttempt {
  attemptId: string
  candidateId: string
  passed: boolean
  items: { itemId: string; version: number; correct: 0 | 1 }[]
  /** itemId → the option identifier chosen (single-choice items), null when left blank. */
  chosen: Map<string, string | null>
}

/** The options and key of a single-choice item version; other kinds get no distractor analysis. */
export interface ChoiceKey { options: string[]; key: number }

export interface DifEntry {
  question: DemographicQuestion
  reference: string
  focal: string
  referenceCount: number
  focalCount: number
  /** 'not_enough': a group below the minimum size (nothing computed). */
  status: 'computed' | 'not_enough'
  deltaMH: number | null
  chiSquare: number | null
  category: EtsCategory | null
}

export interface ItemVersionStatistics {
  itemId: string
  version: number
  exposure: number
  p: number
  pointBiserial: number | null
  correctedItemTotal: number | null
  alphaIfDeleted: number | null
  distractors: DistractorAnalysis | null
  flags: ItemReviewFlag[]
  dif: DifEntry[]
}

export interface ModuleStatistics {
  n: number
  k: number
  /** Attempts left out because their form had another length than the module's usual one. */
  excluded: number
  passRate: number | null
  cutPercent: number
  rawCut: number
  mean: number | null
  sd: number | null
  kr20: number | null
  sem: number | null
  csemAtCut: number | null
  agreement: number | null
  kappa: number | null
  /** Per candidate (latest attempt of the period): the model's probability of passing, for conjunctive decisions. */
  passProbabilities: Map<string, number>
}

const key = (itemId: string, version: number) => `${itemId}@${version}`

/** The most frequent form length (a blueprint change mid-year leaves a few attempts of another length out). */
function usualLength(attempts: readonly GatheredAttempt[]): number {
  const counts = new Map<number, number>()
  for (const a of attempts) counts.set(a.items.length, (counts.get(a.items.length) ?? 0) + 1)
  let best = 0
  for (const [k, c] of counts) if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && k > best)) best = k
  return best
}

export function computeModule(input: {
  attempts: readonly GatheredAttempt[]
  cutPercent: number
  choiceKeys: ReadonlyMap<string, ChoiceKey>
  demographics: ReadonlyMap<string, Partial<Record<DemographicQuestion, string>>>
  minGroupSize: number
}): { module: ModuleStatistics; items: ItemVersionStatistics[] } {
  const k = usualLength(input.attempts)
  const used = input.attempts.filter((a) => a.items.length === k && k > 0)
  const rows = used.map((a) => Uint8Array.from(a.items.map((i) => i.correct)))
  const rawCut = Math.ceil((k * input.cutPercent) / 100 - 1e-9)
  const n = rows.length
  const rel = n > 0 ? reliabilityReport(rows, rawCut) : null
  const sk = n > 0 && k > 0 ? subkoviak(rows, { cut: rawCut }) : null
  const passProbabilities = new Map<string, number>()
  // Attempts are in id order; a candidate's later attempt in the period replaces the earlier one.
  if (sk) used.forEach((a, i) => passProbabilities.set(a.candidateId, sk.passProbabilities[i]!))
  const module: ModuleStatistics = {
    n, k, excluded: input.attempts.length - n, cutPercent: input.cutPercent, rawCut,
    passRate: n > 0 ? used.filter((a) => a.passed).length / n : null,
    mean: rel ? rel.mean : null, sd: rel?.sd ?? null, kr20: rel?.kr20 ?? null, sem: rel?.sem ?? null, csemAtCut: rel?.csemAtCut ?? null,
    agreement: sk?.agreement ?? null, kappa: sk?.kappa ?? null, passProbabilities,
  }

  // Candidates who drew each item version, and where on their form.
  const drawers = new Map<string, { itemId: string; version: number; at: { row: number; col: number }[] }>()
  used.forEach((a, row) => a.items.forEach((it, col) => {
    const entry = drawers.get(key(it.itemId, it.version)) ?? { itemId: it.itemId, version: it.version, at: [] }
    entry.at.push({ row, col })
    drawers.set(key(it.itemId, it.version), entry)
  }))

  const items: ItemVersionStatistics[] = []
  for (const d of drawers.values()) {
    const sub = d.at.map(({ row, col }) => {
      const r = rows[row]!
      const out = new Uint8Array(k)
      out[0] = r[col]!
      let j = 1
      for (let c = 0; c < k; c++) if (c !== col) out[j++] = r[c]!
      return out
    })
    const ids = ['studied', ...Array.from({ length: k - 1 }, (_, j) => `rest${j}`)]
    const stats = analyseItems(sub, ids).items[0]!
    const choice = input.choiceKeys.get(key(d.itemId, d.version))
    let distractors: DistractorAnalysis | null = null
    if (choice) {
      const chosen = Int16Array.from(d.at.map(({ row }) => {
        const c = used[row]!.chosen.get(d.itemId)
        return c === undefined || c === null ? -1 : choice.options.indexOf(c)
      }))
      distractors = analyseDistractors({ id: d.itemId, options: choice.options, key: choice.key, chosen }, totalScores(sub))
    }
    items.push({
      itemId: d.itemId, version: d.version, exposure: sub.length, p: stats.p, pointBiserial: stats.pointBiserial,
      correctedItemTotal: stats.correctedItemTotal, alphaIfDeleted: stats.alphaIfDeleted, distractors,
      flags: itemReviewFlags(stats, distractors ?? undefined),
      dif: difFor(sub, d.at.map(({ row }) => used[row]!.candidateId), input.demographics, input.minGroupSize),
    })
  }
  items.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.version - b.version))
  return { module, items }
}

/** Mantel–Haenszel for the studied item (column 0) against each focal group of each question, or "not enough". */
function difFor(sub: readonly Uint8Array[], candidates: readonly string[], demographics: ReadonlyMap<string, Partial<Record<DemographicQuestion, string>>>, minGroupSize: number): DifEntry[] {
  const out: DifEntry[] = []
  const ids = Array.from({ length: sub[0]?.length ?? 0 }, (_, j) => `c${j}`)
  for (const question of DEMOGRAPHIC_QUESTION_CODES) {
    const answers = candidates.map((c) => demographics.get(c)?.[question] ?? null)
    const counts = new Map<string, number>()
    for (const a of answers) if (a) counts.set(a, (counts.get(a) ?? 0) + 1)
    for (const { reference, focal } of difComparisons(question, counts)) {
      const referenceCount = counts.get(reference) ?? 0
      const focalCount = counts.get(focal) ?? 0
      const base = { question, reference, focal, referenceCount, focalCount }
      if (!enoughForDif(referenceCount, focalCount, minGroupSize)) {
        out.push({ ...base, status: 'not_enough', deltaMH: null, chiSquare: null, category: null })
        continue
      }
      const codes = Int8Array.from(answers.map((a) => (a === reference ? 0 : a === focal ? 1 : -1)))
      const mh = mantelHaenszel(sub, ids, codes, minGroupSize).items[0]!
      out.push({ ...base, status: 'computed', deltaMH: mh.deltaMH, chiSquare: mh.chiSquare, category: mh.category })
    }
  }
  return out
}
