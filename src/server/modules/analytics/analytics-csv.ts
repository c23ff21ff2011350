// One figure of the analytics as CSV, the columns named as in the JSON report; every cell goes
// through csvCell (toCsv), and a rate hidden under the minimum group is an empty cell, as on the page.
import type { AnalyticsFigure, AnalyticsReport } from '../../../common/schemas/analytics.js'
import { toCsv } from '../../csv.js'

type Columns<T> = readonly (readonly [header: string, value: (row: T) => unknown])[]

const table = <T>(columns: Columns<T>, rows: readonly T[]) => toCsv(columns.map(([h]) => h), rows.map((r) => columns.map(([, v]) => v(r))))

export function figureCsv(report: AnalyticsReport, figure: AnalyticsFigure): string {
  switch (figure) {
    case 'modules':
      return table([['module', (r) => r.module], ['moduleName', (r) => r.moduleName], ['attempts', (r) => r.attempts], ['passed', (r) => r.passed], ['passRate', (r) => r.passRate]], report.modules)
    case 'skills':
      return table([['skill', (r) => r.skill], ['skillName', (r) => r.skillName], ['module', (r) => r.module], ['results', (r) => r.results], ['belowStandard', (r) => r.belowStandard], ['belowRate', (r) => r.belowRate]], report.skills)
    case 'centers':
      return table([['centerId', (r) => r.centerId], ['centerName', (r) => r.centerName], ['sessions', (r) => r.sessions], ['registrations', (r) => r.registrations], ['attempts', (r) => r.attempts], ['passed', (r) => r.passed], ['passRate', (r) => r.passRate]], report.centers)
    case 'periods':
      return table([['period', (r) => r.period], ['attempts', (r) => r.attempts], ['passed', (r) => r.passed], ['passRate', (r) => r.passRate]], report.periods)
    case 'accommodations':
      return table([['group', (r) => r.group], ['suppressed', (r) => r.suppressed], ['candidates', (r) => r.candidates], ['attempts', (r) => r.attempts], ['passed', (r) => r.passed], ['passRate', (r) => r.passRate]], report.accommodations)
    case 'retakes':
      return table([
        ['module', (r) => r.module], ['moduleName', (r) => r.moduleName], ['firstAttempts', (r) => r.firstAttempts], ['firstPassed', (r) => r.firstPassed], ['firstPassRate', (r) => r.firstPassRate],
        ['retakes', (r) => r.retakes], ['retakesPassed', (r) => r.retakesPassed], ['retakePassRate', (r) => r.retakePassRate],
      ], report.retakes)
    case 'time-to-award':
      return table([['credential', (r) => r.credential], ['credentialName', (r) => r.credentialName], ['awards', (r) => r.awards], ['q1Days', (r) => r.q1Days], ['medianDays', (r) => r.medianDays], ['q3Days', (r) => r.q3Days]], report.timeToAward)
  }
}
