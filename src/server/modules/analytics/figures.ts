// The figures of the program analytics, computed from the owners' reads once the analytics service
// has dropped voided and held results and applied the filters. Pure: no database, no clock, so the
// unit test beside it checks every figure on a handful of rows.
import type { Program } from '../../../common/program/program-schema.js'
import { daysBetween, MINIMUM_GROUP, periodOf, periodsBetween, quartiles, shownRate, type PeriodGrouping } from '../../../common/rules/analytics.js'
import type {
  AccommodationFigure, CenterFigure, ModuleFigure, PeriodFigure, RetakeFigure, SkillFigure, TimeToAwardFigure,
} from '../../../common/schemas/analytics.js'

/** One standing result of the period, with what the other modules said of it. */
export interface ResultFact {
  candidateId: string
  module: string
  passed: boolean
  retake: boolean
  scoredAt: string
  centerId: string | null
  accommodated: boolean
  /** Skill codes of the result, each with whether it was below standard. */
  skills: { code: string; belowStandard: boolean }[]
}

export interface CenterActivity { centerId: string; centerName: string; sessions: number; registrations: number }
export interface Award { candidateId: string; type: string; issuedOn: string }

const passFigures = (rows: readonly ResultFact[]) => {
  const passed = rows.filter((r) => r.passed).length
  return { attempts: rows.length, passed, passRate: shownRate(passed, rows.length) }
}

export function moduleFigures(program: Program, facts: readonly ResultFact[], module?: string): ModuleFigure[] {
  return program.modules.filter((m) => module === undefined || m.code === module)
    .map((m) => ({ module: m.code, moduleName: m.name, ...passFigures(facts.filter((f) => f.module === m.code)) }))
}

export function skillFigures(program: Program, facts: readonly ResultFact[], module?: string): SkillFigure[] {
  const counts = new Map<string, { results: number; below: number }>()
  for (const f of facts) {
    for (const s of f.skills) {
      const c = counts.get(s.code) ?? { results: 0, below: 0 }
      c.results += 1
      if (s.belowStandard) c.below += 1
      counts.set(s.code, c)
    }
  }
  return program.modules.filter((m) => module === undefined || m.code === module).flatMap((m) => m.skills.map((s) => {
    const c = counts.get(s.code) ?? { results: 0, below: 0 }
    return { skill: s.code, skillName: s.name, module: m.code, results: c.results, belowStandard: c.below, belowRate: shownRate(c.below, c.results) }
  }))
}

/** Every center with sessions in the period or results from it, by name. */
export function centerFigures(activity: readonly CenterActivity[], names: ReadonlyMap<string, string>, facts: readonly ResultFact[]): CenterFigure[] {
  const ids = new Set([...activity.map((a) => a.centerId), ...facts.flatMap((f) => (f.centerId ? [f.centerId] : []))])
  return [...ids].map((id) => {
    const a = activity.find((x) => x.centerId === id)
    return {
      centerId: id, centerName: names.get(id) ?? id, sessions: a?.sessions ?? 0, registrations: a?.registrations ?? 0,
      ...passFigures(facts.filter((f) => f.centerId === id)),
    }
  }).sort((x, y) => x.centerName.localeCompare(y.centerName, 'en') || x.centerId.localeCompare(y.centerId))
}

export function periodFigures(facts: readonly ResultFact[], from: string, to: string, grouping: PeriodGrouping): PeriodFigure[] {
  return periodsBetween(from, to, grouping).map((period) => ({ period, ...passFigures(facts.filter((f) => periodOf(f.scoredAt, grouping) === period)) }))
}

/** With and without approved accommodations; a group of fewer than MINIMUM_GROUP candidates shows nothing but that. */
export function accommodationFigures(facts: readonly ResultFact[], only?: 'with' | 'without'): AccommodationFigure[] {
  const groups = (['with', 'without'] as const).filter((g) => only === undefined || g === only)
  return groups.map((group) => {
    const rows = facts.filter((f) => f.accommodated === (group === 'with'))
    const candidates = new Set(rows.map((r) => r.candidateId)).size
    if (candidates < MINIMUM_GROUP) return { group, suppressed: true, candidates: null, attempts: null, passed: null, passRate: null }
    return { group, suppressed: false, candidates, ...passFigures(rows) }
  })
}

export function retakeFigures(program: Program, facts: readonly ResultFact[], module?: string): RetakeFigure[] {
  return program.modules.filter((m) => module === undefined || m.code === module).map((m) => {
    const first = passFigures(facts.filter((f) => f.module === m.code && !f.retake))
    const again = passFigures(facts.filter((f) => f.module === m.code && f.retake))
    return {
      module: m.code, moduleName: m.name,
      firstAttempts: first.attempts, firstPassed: first.passed, firstPassRate: first.passRate,
      retakes: again.attempts, retakesPassed: again.passed, retakePassRate: again.passRate,
    }
  })
}

/** Days from each awarded candidate's first scored result to the award, by credential. */
export function timeToAwardFigures(program: Program, awards: readonly Award[], firstScoredAt: ReadonlyMap<string, string>): TimeToAwardFigure[] {
  return program.credentials.map((c) => {
    const days = awards.filter((a) => a.type === c.code && firstScoredAt.has(a.candidateId))
      .map((a) => daysBetween(firstScoredAt.get(a.candidateId)!, a.issuedOn))
    const q = quartiles(days)
    return { credential: c.code, credentialName: c.name, awards: days.length, q1Days: q?.q1 ?? null, medianDays: q?.median ?? null, q3Days: q?.q3 ?? null }
  })
}
