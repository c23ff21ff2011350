// Observed-score equating of form X onto form Y's scale (Kolen & Brennan, Test Equating, Scaling, and
// Linking, 3rd ed.): random groups by mean, linear and equipercentile equating (chapter 2), and the
// nonequivalent groups with an internal anchor (NEAT) by Tucker, Levine observed-score and chained
// linear equating (chapter 4). Moments use divisor N, as Kolen & Brennan do.

/** Equating that cannot be done on these data; `message` says why. The CLI prints it, exit 2. */
export class EquatingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EquatingError'
  }
}

/** A score distribution: every integer score from `scores[0]` up, each with its frequency (0 allowed). */
export interface FrequencyTable {
  scores: number[]
  counts: number[]
}

/** One examinee in a NEAT group: the total score on the form and the internal anchor score. */
export interface AnchorRecord {
  total: number
  anchor: number
}

export interface EquatingResult {
  /** Null for equipercentile equating, which is not a line. */
  slope: number | null
  intercept: number | null
  equated: { score: number; equated: number }[]
}

interface Moments {
  n: number
  mean: number
  variance: number
}

function tableMoments(table: FrequencyTable): Moments {
  let n = 0, sum = 0
  table.scores.forEach((s, i) => {
    n += table.counts[i]!
    sum += s * table.counts[i]!
  })
  if (n === 0) throw new EquatingError('a score distribution has no examinees')
  const mean = sum / n
  let ss = 0
  table.scores.forEach((s, i) => (ss += table.counts[i]! * (s - mean) ** 2))
  return { n, mean, variance: ss / n }
}

function checkTable(table: FrequencyTable, form: string): void {
  if (table.scores.length === 0 || table.scores.length !== table.counts.length) throw new EquatingError(`form ${form}: the score table is empty`)
  table.scores.forEach((s, i) => {
    if (i > 0 && s !== table.scores[i - 1]! + 1) throw new EquatingError(`form ${form}: scores must be consecutive integers (score ${s} follows ${table.scores[i - 1]})`)
  })
  if (table.counts.some((c) => !Number.isInteger(c) || c < 0)) throw new EquatingError(`form ${form}: a count is not a non-negative integer`)
}

function line(slope: number, intercept: number, scores: readonly number[]): EquatingResult {
  return { slope, intercept, equated: scores.map((score) => ({ score, equated: intercept + slope * score })) }
}

function spread(m: Moments, form: string): number {
  if (!(m.variance > 0)) throw new EquatingError(`form ${form}: every examinee has the same score, so the scores have no spread to equate`)
  return Math.sqrt(m.variance)
}

/** Random groups, mean equating: e_Y(x) = x − μ(X) + μ(Y). */
export function meanEquating(x: FrequencyTable, y: FrequencyTable): EquatingResult {
  checkTable(x, 'X')
  checkTable(y, 'Y')
  return line(1, tableMoments(y).mean - tableMoments(x).mean, x.scores)
}

/** Random groups, linear equating: e_Y(x) = σ(Y)/σ(X) (x − μ(X)) + μ(Y). */
export function linearEquating(x: FrequencyTable, y: FrequencyTable): EquatingResult {
  checkTable(x, 'X')
  checkTable(y, 'Y')
  const mx = tableMoments(x)
  const my = tableMoments(y)
  const slope = spread(my, 'Y') / spread(mx, 'X')
  return line(slope, my.mean - slope * mx.mean, x.scores)
}

/** Cumulative proportions F(s) at each score of the table. */
function cumulative(table: FrequencyTable): number[] {
  const n = table.counts.reduce((s, c) => s + c, 0)
  if (n === 0) throw new EquatingError('a score distribution has no examinees')
  let running = 0
  return table.counts.map((c) => (running += c) / n)
}

/**
 * Random groups, unsmoothed equipercentile equating with Kolen & Brennan's percentile ranks (scores
 * continuized uniformly over x ± 0.5). A score with zero frequency in X takes the percentile rank of
 * the interval boundary below it; a zero-frequency score in Y is skipped by the inverse, whose upper
 * score is the smallest with F(y) above the rank (so the divisor f(y) is never 0). A rank of 0 maps
 * to half a point below Y's lowest observed score (what the formula gives), a rank of 1 to K_Y + 0.5,
 * half a point above the top of Y's table (Kolen & Brennan's eq. 2.18).
 */
export function equipercentileEquating(x: FrequencyTable, y: FrequencyTable): EquatingResult {
  checkTable(x, 'X')
  checkTable(y, 'Y')
  const Fx = cumulative(x)
  const Fy = cumulative(y)
  const fy = y.counts.map((_, i) => Fy[i]! - (i > 0 ? Fy[i - 1]! : 0))
  const equated = x.scores.map((score, i) => {
    const below = i > 0 ? Fx[i - 1]! : 0
    const rank = below + (Fx[i]! - below) / 2
    return { score, equated: inversePercentileRank(rank, y.scores, Fy, fy) }
  })
  return { slope: null, intercept: null, equated }
}

// Floating sums can leave F at 0.9999999999999999 for the top score; a rank this close to 1 is 1.
const RANK_EPSILON = 1e-12

function inversePercentileRank(rank: number, scores: readonly number[], F: readonly number[], f: readonly number[]): number {
  const top = scores[scores.length - 1]!
  if (rank >= 1 - RANK_EPSILON) return top + 0.5
  const upper = F.findIndex((value) => value > rank + RANK_EPSILON)
  if (upper < 0) return top + 0.5
  const before = upper > 0 ? F[upper - 1]! : 0
  return (rank - before) / f[upper]! + scores[upper]! - 0.5
}

/** Moments of a NEAT group, with the total–anchor covariance. */
interface GroupMoments {
  n: number
  total: Moments
  anchor: Moments
  covariance: number
}

function groupMoments(records: readonly AnchorRecord[], form: string): GroupMoments {
  const n = records.length
  if (n < 2) throw new EquatingError(`form ${form}: NEAT equating needs at least two examinees, the file has ${n}`)
  for (const [i, r] of records.entries()) {
    if (r.anchor > r.total) throw new EquatingError(`form ${form}, examinee ${i + 1}: the anchor score ${r.anchor} exceeds the total ${r.total}, impossible for an internal anchor`)
  }
  let st = 0, sa = 0
  for (const r of records) {
    st += r.total
    sa += r.anchor
  }
  const mt = st / n
  const ma = sa / n
  let vt = 0, va = 0, cov = 0
  for (const r of records) {
    vt += (r.total - mt) ** 2
    va += (r.anchor - ma) ** 2
    cov += (r.total - mt) * (r.anchor - ma)
  }
  const g = { n, total: { n, mean: mt, variance: vt / n }, anchor: { n, mean: ma, variance: va / n }, covariance: cov / n }
  spread(g.total, form)
  if (!(g.anchor.variance > 0)) throw new EquatingError(`form ${form}: every examinee has the same anchor score, so the anchor says nothing about the groups`)
  return g
}

export type NeatMethod = 'tucker' | 'levine' | 'chained'

/**
 * NEAT with an internal anchor V. P took form X, Q took form Y. The synthetic population weights
 * P by w1 = N_P / (N_P + N_Q) (Kolen & Brennan's choice). Tucker regresses the total on the anchor
 * (γ = σ(X,V)/σ²(V)); Levine observed-score equating uses the classical congeneric γ of an internal
 * anchor (γ = σ²(X)/σ(X,V)); chained linear links X to V in P and V to Y in Q.
 */
export function neatEquating(method: NeatMethod, x: readonly AnchorRecord[], y: readonly AnchorRecord[], scores: readonly number[]): EquatingResult {
  const P = groupMoments(x, 'X')
  const Q = groupMoments(y, 'Y')
  if (method === 'chained') {
    const toAnchor = Math.sqrt(P.anchor.variance / P.total.variance)
    const toY = Math.sqrt(Q.total.variance / Q.anchor.variance)
    const slope = toAnchor * toY
    return line(slope, Q.total.mean + toY * (P.anchor.mean - toAnchor * P.total.mean - Q.anchor.mean), scores)
  }
  if (!(P.covariance > 0 && Q.covariance > 0)) throw new EquatingError('the total and anchor scores must correlate positively in both groups')
  const gamma1 = method === 'tucker' ? P.covariance / P.anchor.variance : P.total.variance / P.covariance
  const gamma2 = method === 'tucker' ? Q.covariance / Q.anchor.variance : Q.total.variance / Q.covariance
  const w1 = P.n / (P.n + Q.n)
  const w2 = 1 - w1
  const dMean = P.anchor.mean - Q.anchor.mean
  const dVar = P.anchor.variance - Q.anchor.variance
  const meanX = P.total.mean - w2 * gamma1 * dMean
  const meanY = Q.total.mean + w1 * gamma2 * dMean
  const varX = P.total.variance - w2 * gamma1 ** 2 * dVar + w1 * w2 * gamma1 ** 2 * dMean ** 2
  const varY = Q.total.variance + w1 * gamma2 ** 2 * dVar + w1 * w2 * gamma2 ** 2 * dMean ** 2
  if (!(varX > 0 && varY > 0)) throw new EquatingError('the synthetic population has no score variance; the groups differ too much on the anchor')
  const slope = Math.sqrt(varY / varX)
  return line(slope, meanY - slope * meanX, scores)
}

/** The X scores a NEAT result lists: every integer from 0 to the highest total observed on form X. */
export function neatScoreRange(x: readonly AnchorRecord[]): number[] {
  const top = x.reduce((m, r) => Math.max(m, r.total), 0)
  return Array.from({ length: top + 1 }, (_, s) => s)
}

/** The mean and SD (divisor N) of equated scores under X's distribution: equating's first check. */
export function equatedMoments(x: FrequencyTable, result: EquatingResult): { mean: number; sd: number } {
  const m = tableMoments({ scores: result.equated.map((e) => e.equated), counts: x.counts })
  return { mean: m.mean, sd: Math.sqrt(m.variance) }
}
