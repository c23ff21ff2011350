// The candidate's score report: the module's percent and pass or not, a bar chart of the skill
// subscores against the standard (drawn as vector shapes, described by its alternative text), and for
// each skill below standard the training that covers it.
import { groupByOffering, type TrainingRecommendation } from '../../../common/rules/skill-training.js'
import { formatPercent as percentText } from '../../../common/rules/pass-rule.js'
import { AMBER, MUTED, NAVY, TEXT, printedDate, renderPdf, type TaggedPdf } from './pdf-document.js'

export interface ScoreReportInput {
  candidateName: string
  module: { code: string; name: string; passPercent: number }
  /** When the attempt was submitted (ISO timestamp). */
  date: string
  percent: number
  passed: boolean
  skills: { code: string; name: string; percent: number; belowStandard: boolean }[]
  training: TrainingRecommendation[]
  /** Who to contact about training ("Manufacturing Skills Institute, 804-…"). */
  contact: string
  /** The site's address (PUBLIC_URL): the training's pages are printed as links to it. */
  siteUrl: string
  attemptId: string
}

const KIND_LABEL: Record<TrainingRecommendation['kind'], string> = {
  learning_lab: 'Online Learning Lab',
  practice_test: 'Practice test',
  course: 'Instructor-led course',
}

export function scoreReportTitle(input: Pick<ScoreReportInput, 'module'>): string {
  return `MT1 score report: ${input.module.name} (${input.module.code})`
}

export function scoreReportPdf(input: ScoreReportInput): Promise<Buffer> {
  return renderPdf({ title: scoreReportTitle(input), subject: `Score report for ${input.candidateName}` }, (pdf) => {
    const { doc } = pdf
    pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(NAVY).text('Manufacturing Skills Institute'))
    pdf.tag('H1', () => doc.font('Helvetica-Bold').fontSize(20).fillColor(TEXT).text(scoreReportTitle(input)))
    doc.moveDown(0.6)

    const facts: [string, string][] = [
      ['Candidate', input.candidateName],
      ['Module', `${input.module.name} (${input.module.code})`],
      ['Date', printedDate(input.date)],
      ['Score', percentText(input.percent)],
      ['Result', input.passed ? `Passed (the pass mark is ${input.module.passPercent}%)` : `Not passed (the pass mark is ${input.module.passPercent}%)`],
    ]
    for (const [label, value] of facts) {
      pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(`${label}: `, { continued: true }).font('Helvetica').text(value))
    }
    doc.moveDown(0.4)
    pdf.tag('P', () =>
      doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(
        input.passed
          ? 'You passed this module and earned its certificate.'
          : 'You may register to sit this module again. The training below covers the skills that were below the standard.',
      ),
    )

    doc.moveDown(1)
    pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(14).fillColor(TEXT).text('Skill subscores'))
    doc.moveDown(0.4)
    skillChart(pdf, input)

    doc.moveDown(1)
    const below = input.skills.filter((s) => s.belowStandard)
    pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(14).fillColor(TEXT).text('Skills below the standard and the training that covers them'))
    doc.moveDown(0.3)
    if (below.length === 0) {
      pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(`Every skill met the ${input.module.passPercent}% standard.`))
    } else {
      pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(`Below the ${input.module.passPercent}% standard: ${below.map((s) => `${s.name} (${percentText(s.percent)})`).join(', ')}.`))
      doc.moveDown(0.5)
      // Each offering once, with the skills below standard it covers (one offering usually covers several).
      for (const offer of groupByOffering(input.training)) {
        const covers = below.filter((s) => offer.skills.includes(s.code)).map((s) => s.name)
        pdf.tag('H3', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(offer.title))
        pdf.tag('P', () =>
          doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`${KIND_LABEL[offer.kind]}. Covers ${covers.join(', ')}.`)
            .fillColor(TEXT).text(offer.description),
        )
        if (offer.url) {
          const url = `${input.siteUrl}${offer.url}`
          pdf.tag('P', () => doc.font('Helvetica').fontSize(10).fillColor(TEXT).text('Start here: ', { continued: true }).fillColor(NAVY).text(url, { link: url, underline: true }).fillColor(TEXT))
        }
        doc.moveDown(0.5)
      }
      const uncovered = below.filter((s) => !input.training.some((t) => t.skill === s.code)).map((s) => s.name)
      if (uncovered.length > 0) pdf.tag('P', () => doc.font('Helvetica').fontSize(10).fillColor(TEXT).text(`Ask the program about training for ${uncovered.join(', ')}.`))
      // The Learning Lab turns this result into a study plan: the skills above, in order, each with its
      // lessons and practice; when each is mastered it invites the candidate to book the retake.
      const results = `${input.siteUrl}/results`
      pdf.tag('P', () =>
        doc.font('Helvetica').fontSize(10).fillColor(TEXT)
          .text('Make a study plan from this result: sign in and open ', { continued: true })
          .fillColor(NAVY).text(results, { link: results, underline: true, continued: true })
          .fillColor(TEXT).text('. It lists these skills in order with their lessons and practice, and invites you to book the retake once you have mastered them.', { link: null, underline: false }),
      )
      pdf.tag('P', () => doc.font('Helvetica').fontSize(10).fillColor(TEXT).text(`Questions about training: ${input.contact}.`))
    }

    doc.moveDown(1.2)
    pdf.tag('P', () =>
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(
        `Percentages are truncated to two decimal places, never rounded up. A module and each skill meet the standard at ${input.module.passPercent}% or higher. Attempt ${input.attemptId}.`,
      ),
    )
  })
}

/** Horizontal bars, one per skill, on a 0–100% scale with the standard marked by a dashed line. */
function skillChart({ doc, tag, artifact }: TaggedPdf, input: ScoreReportInput): void {
  const left = doc.page.margins.left
  const labelWidth = 200
  const barX = left + labelWidth
  const barWidth = 190
  const rowHeight = 24
  const barHeight = 14
  const top = doc.y + 14 // room for the standard's label above the bars
  const standardX = barX + (barWidth * input.module.passPercent) / 100
  const alt = `Bar chart of skill subscores on a scale of 0 to 100 percent, with the ${input.module.passPercent}% standard marked. ${input.skills
    .map((s) => `${s.name}: ${percentText(s.percent)}${s.belowStandard ? ', below the standard' : ''}.`)
    .join(' ')}`

  tag('Figure', () => {
    input.skills.forEach((s, i) => {
      const y = top + i * rowHeight
      // One line per skill: a long name is set smaller rather than wrapped into the next row.
      doc.font('Helvetica').fontSize(10)
      const fit = Math.min(1, (labelWidth - 10) / doc.widthOfString(s.name))
      doc.fontSize(Math.max(7, 10 * fit)).fillColor(TEXT).text(s.name, left, y + 2, { lineBreak: false })
      doc.rect(barX, y, barWidth, barHeight).fill('#e8eef5')
      const width = (barWidth * Math.max(0, Math.min(100, s.percent))) / 100
      if (width > 0) doc.rect(barX, y, width, barHeight).fill(s.belowStandard ? AMBER : NAVY)
      doc.font(s.belowStandard ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).fillColor(TEXT)
        .text(`${percentText(s.percent)}${s.belowStandard ? '  below standard' : ''}`, barX + barWidth + 8, y + 2, { lineBreak: false })
    })
    const bottom = top + input.skills.length * rowHeight - (rowHeight - barHeight)
    doc.save().moveTo(standardX, top - 4).lineTo(standardX, bottom + 4).lineWidth(1.5).dash(3, { space: 2 }).stroke(TEXT).undash().restore()
    doc.font('Helvetica-Bold').fontSize(8).fillColor(TEXT).text(`${input.module.passPercent}% standard`, standardX - 30, top - 14, { width: 60, align: 'center', lineBreak: false })
  }, { alt })
  artifact(() => {
    const bottom = top + input.skills.length * rowHeight
    doc.font('Helvetica').fontSize(7).fillColor(MUTED)
    // The standard is labelled above the bars; its tick would sit on the dashed line.
    for (const tick of [0, 25, 50, 75, 100].filter((t) => t !== input.module.passPercent)) doc.text(`${tick}%`, barX + (barWidth * tick) / 100 - 10, bottom - 6, { width: 20, align: 'center', lineBreak: false })
  })
  doc.x = left
  doc.y = top + input.skills.length * rowHeight + 10
}
