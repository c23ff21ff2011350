// Program analytics for staff (issue 15, item 4): the filters, the figures of the report and the CSV
// download of one figure. Every figure is an aggregate; no candidate is named or counted alone.
import { Type, type Static } from 'typebox'
import { Code, Id, Nullable, Strict, StringEnum } from './common.js'

export const PERIOD_GROUPINGS = ['month', 'quarter'] as const
export const ACCOMMODATION_FILTERS = ['with', 'without'] as const
export const ANALYTICS_FIGURES = ['modules', 'skills', 'centers', 'periods', 'accommodations', 'retakes', 'time-to-award'] as const
export type AnalyticsFigure = (typeof ANALYTICS_FIGURES)[number]

const CalendarDate = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description })

const filters = {
  from: CalendarDate('First day of the period (UTC), included'),
  to: CalendarDate('Last day of the period (UTC), included; at most three years after `from`'),
  grouping: Type.Optional(StringEnum(PERIOD_GROUPINGS)),
  module: Type.Optional(Code),
  centerId: Type.Optional(Id),
  accommodation: Type.Optional(StringEnum(ACCOMMODATION_FILTERS)),
}

export const AnalyticsQuery = Type.Object(filters, Strict)
export type AnalyticsQuery = Static<typeof AnalyticsQuery>

export const AnalyticsCsvQuery = Type.Object({ ...filters, figure: StringEnum(ANALYTICS_FIGURES) }, Strict)
export type AnalyticsCsvQuery = Static<typeof AnalyticsCsvQuery>

const Rate = Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'Whole percent, rounded down; null under the minimum group' }))

const passFigures = {
  attempts: Type.Integer({ description: 'Scored attempts (voided and held results excluded)' }),
  passed: Type.Integer(),
  passRate: Rate,
}

export const ModuleFigure = Type.Object({ module: Code, moduleName: Type.String(), ...passFigures }, Strict)
export type ModuleFigure = Static<typeof ModuleFigure>

export const SkillFigure = Type.Object({
  skill: Code, skillName: Type.String(), module: Code,
  results: Type.Integer({ description: 'Scored attempts that reported the skill' }),
  belowStandard: Type.Integer(),
  belowRate: Rate,
}, Strict)
export type SkillFigure = Static<typeof SkillFigure>

export const CenterFigure = Type.Object({
  centerId: Id, centerName: Type.String(),
  sessions: Type.Integer({ description: 'Sessions starting in the period, cancelled ones excluded' }),
  registrations: Type.Integer({ description: 'Registrations to those sessions that were not cancelled or expired' }),
  ...passFigures,
}, Strict)
export type CenterFigure = Static<typeof CenterFigure>

export const PeriodFigure = Type.Object({ period: Type.String({ description: '2026-03 or 2026-Q1' }), ...passFigures }, Strict)
export type PeriodFigure = Static<typeof PeriodFigure>

export const AccommodationFigure = Type.Object({
  group: StringEnum(ACCOMMODATION_FILTERS),
  suppressed: Type.Boolean({ description: 'Fewer candidates than the minimum group: no figures are given' }),
  candidates: Nullable(Type.Integer()),
  attempts: Nullable(Type.Integer()),
  passed: Nullable(Type.Integer()),
  passRate: Rate,
}, Strict)
export type AccommodationFigure = Static<typeof AccommodationFigure>

export const RetakeFigure = Type.Object({
  module: Code, moduleName: Type.String(),
  firstAttempts: Type.Integer(), firstPassed: Type.Integer(), firstPassRate: Rate,
  retakes: Type.Integer({ description: 'Attempts by a candidate who had an earlier result in the module' }),
  retakesPassed: Type.Integer(), retakePassRate: Rate,
}, Strict)
export type RetakeFigure = Static<typeof RetakeFigure>

export const TimeToAwardFigure = Type.Object({
  credential: Code, credentialName: Type.String(),
  awards: Type.Integer({ description: 'Awards dated in the period to candidates with a scored result on record (withdrawn ones excluded)' }),
  q1Days: Nullable(Type.Number()), medianDays: Nullable(Type.Number()), q3Days: Nullable(Type.Number()),
}, Strict)
export type TimeToAwardFigure = Static<typeof TimeToAwardFigure>

export const AnalyticsReport = Type.Object({
  from: Type.String(), to: Type.String(), grouping: StringEnum(PERIOD_GROUPINGS),
  minimumGroup: Type.Integer({ description: 'Rates need at least this many attempts; accommodation groups this many candidates' }),
  modules: Type.Array(ModuleFigure),
  skills: Type.Array(SkillFigure),
  centers: Type.Array(CenterFigure),
  periods: Type.Array(PeriodFigure),
  accommodations: Type.Array(AccommodationFigure),
  retakes: Type.Array(RetakeFigure),
  timeToAward: Type.Array(TimeToAwardFigure),
}, Strict)
export type AnalyticsReport = Static<typeof AnalyticsReport>
