// The technical report of a module and year: the evidence an accredited program publishes about its
// scores (candidates, pass rate, cut, reliability, precision at the cut, decision consistency), its
// items (flags and a table of every item version) and fairness (DIF by question), and the record of
// the standard-setting study behind the cut. Same tagged layout and colours as the score report.
import type { FormComparabilityView, ItemVersionStatisticsView, ModuleSnapshotView } from '../../../common/schemas/psychometrics.js'
import { DEMOGRAPHIC_QUESTIONS, type DemographicQuestion } from '../../../common/rules/demographics.js'
import { MUTED, NAVY, TEXT, printedDate, renderPdf, type TaggedPdf } from '../results/pdf-document.js'
import { FLAG_MEANINGS } from '../../../common/rules/item-flag-meanings.js'

export interface StandardSettingRecord { cutPercent: number; se: number | null; panelists: number; rounds: number; note: string | null }

export interface TechnicalReportInput {
  module: { code: string; name: string; passPercent: number }
  year: number
  snapshot: ModuleSnapshotView | null
  conjunctive: ModuleSnapshotView[]
  items: ItemVersionStatisticsView[]
  itemNames: ReadonlyMap<string, string>
  standardSetting: StandardSettingRecord | null
  /** The job's calibration and form comparability for the module and year. */
  comparability: FormComparabilityView
  printedAt: string
}

const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits))
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)

export const technicalReportTitle = (input: Pick<TechnicalReportInput, 'module' | 'year'>) => `MT1 technical report: ${input.module.name} (${input.module.code}), ${input.year}`

export function technicalReportPdf(input: TechnicalReportInput): Promise<Buffer> {
  return renderPdf({ title: technicalReportTitle(input), subject: `Measurement quality of ${input.module.code} in ${input.year}` }, (pdf) => {
    const { doc } = pdf
    const h2 = (text: string) => {
      doc.moveDown(0.8)
      pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(14).fillColor(TEXT).text(text))
      doc.moveDown(0.3)
    }
    const para = (text: string, color = TEXT, size = 10.5) => pdf.tag('P', () => doc.font('Helvetica').fontSize(size).fillColor(color).text(text))
    const fact = (label: string, value: string) => pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(10.5).fillColor(TEXT).text(`${label}: `, { continued: true }).font('Helvetica').text(value))

    pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(NAVY).text('Manufacturing Skills Institute'))
    pdf.tag('H1', () => doc.font('Helvetica-Bold').fontSize(18).fillColor(TEXT).text(technicalReportTitle(input)))
    para(`Printed ${printedDate(input.printedAt)}.${input.snapshot ? ` Statistics computed ${printedDate(input.snapshot.computedAt)} from the scored attempts of the calendar year.` : ''}`, MUTED, 9.5)

    const s = input.snapshot
    h2('Scores and reliability')
    if (!s || s.n === 0) {
      para('No statistics have been computed for this module and year, or no attempt was scored in it.')
    } else {
      fact('Candidates (scored attempts)', `${s.n}${s.excluded > 0 ? ` (${s.excluded} on forms of another length left out)` : ''}`)
      fact('Pass rate', pct(s.passRate))
      fact('Cut', `${s.cutPercent}% of the ${s.k} items (${s.rawCut} correct)`)
      fact('Mean raw score', `${num(s.mean)} of ${s.k}; standard deviation ${num(s.sd)}`)
      fact('Reliability (KR-20)', num(s.kr20, 3))
      fact('Standard error of measurement', `${num(s.sem)} raw points; conditional SEM at the cut (Lord) ${num(s.csemAtCut)}`)
      fact('Decision consistency (Subkoviak)', `agreement ${num(s.agreement, 3)}, kappa ${num(s.kappa, 3)}`)
      if (s.n < 30) para('Fewer than 30 candidates: these figures are unstable and shown for completeness.', MUTED, 9.5)
    }
    for (const c of input.conjunctive) {
      fact(`${c.scope} decision (all required modules passed)`, c.n > 0 ? `${c.n} candidates, pass rate ${pct(c.passRate)}, agreement ${num(c.agreement, 3)}, kappa ${num(c.kappa, 3)}` : 'no candidate sat every required module')
    }

    h2('Item statistics summary')
    const flagged = input.items.filter((i) => i.flags.length > 0).length
    para(`${input.items.length} item versions were used; ${flagged} flagged for review.`)
    for (const [flag, meaning] of Object.entries(FLAG_MEANINGS)) {
      const count = input.items.filter((i) => i.flags.includes(flag as keyof typeof FLAG_MEANINGS)).length
      para(`${meaning.label}: ${count}. ${meaning.meaning}`, TEXT, 9.5)
    }
    if (input.items.length > 0) itemTable(pdf, input)

    h2('Differential item functioning')
    if (!s || s.dif.length === 0) para('Not enough responses: no demographic question had two groups of candidates who chose to answer it.')
    for (const d of s?.dif ?? []) {
      const label = DEMOGRAPHIC_QUESTIONS[d.question as DemographicQuestion]?.label ?? d.question
      para(`${label}: ${d.A} A (negligible), ${d.B} B (moderate), ${d.C} C (large); ${d.notEnough} comparisons not computed (not enough responses).`)
    }
    para('Mantel–Haenszel on the total score, ETS categories; a comparison is computed only when both groups have at least the minimum number of candidates. Demographics are voluntary and reported only in aggregate.', MUTED, 9)

    formComparabilitySection(input.comparability, { h2, para, fact })

    h2('Standard-setting record')
    const ss = input.standardSetting
    if (!ss) para('No standard-setting study recorded for this module and year.')
    else {
      fact('Recommended cut', `${ss.cutPercent.toFixed(1)}%${ss.se !== null ? ` (standard error ${ss.se.toFixed(2)} across panelists)` : ''}`)
      fact('Panel', `${ss.panelists} panelists, ${ss.rounds} rounds (modified Angoff)`)
      if (ss.note) para(ss.note)
      para(`The operational cut is ${input.module.passPercent}%.`)
    }
  })
}

/** The items, one row per version: p, corrected r, exposure and flags. Drawn as text in columns (tagged as paragraphs, read row by row). */
function itemTable(pdf: TaggedPdf, input: TechnicalReportInput): void {
  const { doc } = pdf
  const cols = [{ t: 'Item', w: 170 }, { t: 'Version', w: 50 }, { t: 'n', w: 45 }, { t: 'p', w: 45 }, { t: 'Corrected r', w: 70 }, { t: 'Flags', w: 132 }]
  const left = doc.page.margins.left
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage()
    const y = doc.y
    pdf.tag('P', () => {
      let x = left
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(TEXT)
      cells.forEach((c, i) => {
        doc.text(c, x, y, { width: cols[i]!.w - 6, lineBreak: false, ellipsis: true })
        x += cols[i]!.w
      })
    })
    doc.x = left
    doc.y = y + 13
  }
  doc.moveDown(0.4)
  row(cols.map((c) => c.t), true)
  for (const i of input.items) {
    row([input.itemNames.get(i.itemId) ?? i.itemId, String(i.version), String(i.exposure), num(i.p), num(i.correctedItemTotal), i.flags.map((f) => FLAG_MEANINGS[f].label).join(', ') || '—'], false)
  }
}

/** Whether forms drawn from the pool are equally hard for a candidate at the cut (a Rasch calibration). */
function formComparabilitySection(view: FormComparabilityView, out: { h2: (t: string) => void; para: (t: string, color?: string, size?: number) => void; fact: (l: string, v: string) => void }): void {
  const { h2, para, fact } = out
  h2('Form comparability')
  const cal = view.calibration
  if (!cal) return para('No calibration has been computed for this module and year.')
  if (cal.status === 'not_calibrated') return para(`The items could not be calibrated: ${cal.reason ?? 'not enough responses'}.`)
  fact('Calibration', `Rasch by marginal maximum likelihood over ${cal.examinees} scored attempts; ${cal.itemsCalibrated} item versions on one scale${cal.itemsExcluded > 0 ? `, ${cal.itemsExcluded} left out (answered alike by everyone who saw them)` : ''}; common slope ${num(cal.discrimination, 3)}`)
  fact('Borderline candidate', `ability (theta) = ${num(cal.thetaCut)}, where the expected score over the pool is the ${view.cutPercent}% cut`)
  const s = view.summary
  if (s && s.forms > 0) {
    fact('Forms delivered', `${s.forms}; expected percent at the cut from ${num(s.min, 1)}% to ${num(s.max, 1)}% (median ${num(s.median, 1)}%, spread ${num(s.spread, 1)} points)`)
    fact(`Beyond ±${view.tolerance} points of the cut`, s.beyondTolerance === 0 ? 'none' : `${s.beyondTolerance} form${s.beyondTolerance === 1 ? '' : 's'}`)
  }
  if (cal.caveats.includes('few-examinees')) para('Few candidates: the item difficulties, and so these expected scores, are imprecise.', MUTED, 9.5)
  para('Items a candidate was not presented count as missing, not wrong. Each form\'s expected score is its test characteristic curve at the borderline theta.', MUTED, 9)
}
