// The Learning Lab lessons of module MM (Math and Measurement): skills MEAS, ALG and MQ.
// Every worked example is restated here with its numbers; the test computes the answer itself and checks
// that the lesson states those numbers and that answer. Figures that encode numbers (rule and micrometer
// readings, chart bars, plotted points, the steps of a calculation) are checked against the text's numbers.
// The shared lesson rules of lessons.test.ts are also applied to the MM skills alone, so they are known to
// hold for MM while other modules' lessons are still being written.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/server/modules/learning/lesson-files.js'
import { listItemFiles } from './item-xml.js'

const MM_SKILLS = ['MEAS', 'ALG', 'MQ']
const programDir = path.resolve('program/mt1')
const lessonsDir = path.join(programDir, 'lessons')
const lessons = loadLessons(programDir, (skill, name) => `/figures/${skill}/${name}`).filter((l) => MM_SKILLS.includes(l.skill))

// ------------------------------------------------------------------ helpers

function lessonSource(id: string): string {
  const skill = id.split('-')[0]!
  const dir = path.join(lessonsDir, skill)
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.md') && fs.readFileSync(path.join(dir, f), 'utf8').includes(`\nid: ${id}\n`))
  if (!file) throw new Error(`no lesson ${id} in ${dir}`)
  return fs.readFileSync(path.join(dir, file), 'utf8')
}

/** The text of a worked example: from its `### Worked example: <title>` heading to the next heading. */
function workedExample(id: string, title: string): string {
  const lines = lessonSource(id).split('\n')
  const start = lines.findIndex((l) => l.trim() === `### Worked example: ${title}`)
  if (start < 0) throw new Error(`${id} has no worked example "${title}"`)
  const end = lines.findIndex((l, i) => i > start && /^#{1,6} /.test(l))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** The text of a section, from its `## heading` to the next `## heading`. */
function section(id: string, heading: string): string {
  const lines = lessonSource(id).split('\n')
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`)
  if (start < 0) throw new Error(`${id} has no section "${heading}"`)
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

const figure = (skill: string, name: string) => fs.readFileSync(path.join(lessonsDir, skill, 'figures', name), 'utf8')
/** US number formatting as the lessons print it: 1,500 and 0.375. */
const us = (x: number, digits = 6) => x.toLocaleString('en-US', { maximumFractionDigits: digits })
const close = (a: number, b: number, eps = 1e-9) => Math.abs(a - b) < eps

/** Evaluates an expression or one side of an equation as printed (×, ÷, −, ², implicit products). */
function evalExpr(expr: string, vars: Record<string, number> = {}): number {
  let js = expr.replace(/−/g, '-').replace(/×/g, '*').replace(/÷/g, '/').replace(/²/g, '**2').replace(/,/g, '')
  js = js.replace(/(\d)\s*([a-z(])/g, '$1*$2')
  for (const [k, v] of Object.entries(vars)) js = js.replace(new RegExp(`\\b${k}\\b`, 'g'), `(${v})`)
  if (!/^[\d\s.+\-*/()]+$/.test(js)) throw new Error(`unexpected expression ${expr} → ${js}`)
  return Function(`"use strict"; return (${js})`)() as number
}
const holds = (equation: string, vars: Record<string, number>) => {
  const [l, r] = equation.split('=')
  return close(evalExpr(l!, vars), evalExpr(r!, vars))
}

/** The drawn <text> elements of a figure whose x matches, in document order. */
const textsAt = (svgText: string, x: number) => [...svgText.matchAll(new RegExp(`<text x="${x}" [^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!)
const hatchedRightEdge = (svgText: string) => {
  const m = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="url\(#hatch\)"/.exec(svgText)!
  return Number(m[1]) + Number(m[2])
}
const circles = (svgText: string) => [...svgText.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const)

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** The worked examples this file recomputes, by lesson; a new example without a test fails the coverage check. */
const TESTED: Record<string, string[]> = {}
function example(id: string, title: string, check: (text: string) => void) {
  ;(TESTED[id] ??= []).push(title)
  it(`${id}: ${title}`, () => check(workedExample(id, title)))
}

// ------------------------------------------------------------------ the shared lesson rules, for MM alone

describe('MM lessons: the Learning Lab lesson rules', () => {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length

  it('teaches each MM skill in two or three lessons, numbered from 1, each 8 to 20 minutes with 3 to 5 sections', () => {
    for (const skill of MM_SKILLS) {
      const mine = lessons.filter((l) => l.skill === skill)
      expect(mine.length, skill).toBeGreaterThanOrEqual(2)
      expect(mine.length, skill).toBeLessThanOrEqual(3)
      expect(mine.map((l) => l.order)).toEqual(mine.map((_, i) => i + 1))
    }
    for (const l of lessons) {
      expect(l.minutes, l.id).toBeGreaterThanOrEqual(8)
      expect(l.minutes, l.id).toBeLessThanOrEqual(20)
      expect(l.sections.length, l.id).toBeGreaterThanOrEqual(3)
      expect(l.sections.length, l.id).toBeLessThanOrEqual(5)
      expect(l.summary.length, l.id).toBeGreaterThan(20)
      for (const s of l.sections) expect(words(s.spokenText), `${l.id}#${s.id}`).toBeGreaterThanOrEqual(40)
      expect(l.sections.some((s) => /<h3>Worked example/.test(s.html)), `${l.id} works an example`).toBe(true)
    }
  })

  it('writes math as plain Unicode text, with no raw HTML, no LaTeX and only Learning Lab or https links', () => {
    for (const l of lessons) {
      const body = lessonSource(l.id).replace(/^---[\s\S]*?\n---\n/, '')
      expect(body, l.id).not.toMatch(/<[a-z!/]/i)
      expect(body, l.id).not.toMatch(/\\(frac|times|div|cdot|sqrt|pi)\b|\$[^$\n]+\$/)
      for (const m of body.matchAll(/\]\(([^)]+)\)/g)) expect(m[1], l.id).toMatch(/^(https:\/\/|\/learning\/|figures\/[\w.-]+\.svg$)/)
      expect(body.split('\n').filter((line) => /^# /.test(line)), `${l.id} has no # title in the body`).toEqual([])
    }
  })

  it('shows accessible SVG figures, each used, each with alt text of 20 characters or more', () => {
    for (const skill of MM_SKILLS) {
      const used = new Set(lessons.filter((l) => l.skill === skill).flatMap((l) => l.figures))
      const files = fs.readdirSync(path.join(lessonsDir, skill, 'figures')).filter((f) => f.endsWith('.svg'))
      expect(files.length, skill).toBeGreaterThanOrEqual(1)
      expect(files.filter((f) => !used.has(f)), `${skill}: figure files no lesson shows`).toEqual([])
      for (const f of files) {
        expect(f).toMatch(new RegExp(`^${skill}-[1-3]-[a-z0-9-]+\\.svg$`))
        const svgText = figure(skill, f)
        expect(svgText, f).toMatch(/<svg[^>]*\brole="img"/)
        expect(svgText, f).toMatch(/<svg[^>]*\bviewBox="0 0 \d+ \d+"/)
        expect(svgText, f).toMatch(/<title>[^<]{5,}<\/title>/)
        expect(svgText, f).toMatch(/<desc>[^<]{20,}<\/desc>/)
        expect(svgText, f).not.toMatch(/<script|\bon[a-z]+=|href=|<image|<foreignObject/i)
        // dark strokes and text on white: only black, white and greys with at least 4.5:1 contrast for lines
        for (const m of svgText.matchAll(/(stroke|fill)="(#[0-9a-f]{6})"/gi)) {
          if (m[1] === 'stroke') expect(['#000000', '#555555', '#767676'], `${f} stroke ${m[2]}`).toContain(m[2]!.toLowerCase())
        }
        for (const m of svgText.matchAll(/<text [^>]*fill="([^"]+)"/g)) expect(m[1], `${f} text colour`).toBe('#000000')
        for (const m of svgText.matchAll(/font-size="(\d+)"/g)) expect(Number(m[1]), `${f} text size`).toBeGreaterThanOrEqual(12)
      }
    }
    for (const l of lessons) {
      expect(l.figureAlts.length, l.id).toBe(l.figures.length)
      for (const alt of l.figureAlts) expect(alt.length, `${l.id}: "${alt}"`).toBeGreaterThanOrEqual(20)
    }
  })

  it('links every MM practice item back to exactly one section of a lesson of its own skill', () => {
    const linked = new Map<string, string[]>()
    for (const l of lessons) {
      for (const s of l.sections) for (const item of s.practiceItems) linked.set(item, [...(linked.get(item) ?? []), `${l.id}#${s.id}`])
    }
    const practice = listItemFiles().filter((f) => f.pool === 'practice' && MM_SKILLS.includes(f.skill))
    expect(practice.length).toBeGreaterThanOrEqual(30)
    for (const item of practice) {
      expect(linked.get(item.identifier), `${item.identifier} links back once`).toHaveLength(1)
      expect(linked.get(item.identifier)![0]!.split('-')[0], item.identifier).toBe(item.skill)
    }
    expect([...linked.keys()].filter((id) => !practice.some((p) => p.identifier === id))).toEqual([])
  })
})

// ------------------------------------------------------------------ MEAS

describe('MEAS lessons: worked examples and figures', () => {
  example('MEAS-1', 'length of a cover plate', (text) => {
    const [whole, sixteenths] = [2, 7]
    const reading = whole + sixteenths / 16
    expect(text).toContain('passes the 2 in mark')
    expect(text).toContain('there are 7 of them')
    expect(text).toContain(`the plate is 2 7/16 in long (${reading} in)`)
    // drawn: rule 0 at x = 30 px, 180 px per inch, a mark every sixteenth; the part's end on the 7th mark past 2 in
    const svgText = figure('MEAS', 'MEAS-1-fractional-rule.svg')
    expect(hatchedRightEdge(svgText)).toBeCloseTo(30 + reading * 180, 1)
    const marks = [...svgText.matchAll(/<line x1="([\d.]+)" y1="70" x2="\1"/g)].map((m) => Number(m[1]))
    expect(marks).toHaveLength(49)
    expect(marks.some((x) => close(x, 30 + reading * 180, 0.01))).toBe(true)
  })

  it('MEAS-1: a tape reading of 5 ft 3 1/2 in is 63 1/2 in', () => {
    expect(5 * 12 + 3.5).toBe(63.5)
    expect(section('MEAS-1', 'Fractional-inch rules and tape measures')).toContain('5 ft 3 1/2 in is 5 × 12 + 3 1/2 = 63 1/2 in')
  })

  example('MEAS-1', 'width of a shim on a fiftieths scale', (text) => {
    const reading = 1 + 0.3 + 2 * 0.02
    expect(reading).toBeCloseTo(1.34, 9)
    expect(text).toContain('Each small mark is 0.02 in')
    expect(text).toContain('2 × 0.02 in = 0.04 in')
    expect(text).toContain('1 in + 0.3 in + 0.04 in')
    expect(text).toContain('the shim is 1.34 in wide')
    // drawn: rule 0 at x = 30 px, 360 px per inch, 75 marks of 0.02 in
    const svgText = figure('MEAS', 'MEAS-1-decimal-rule.svg')
    expect(hatchedRightEdge(svgText)).toBeCloseTo(30 + 1.34 * 360, 1)
    const marks = [...svgText.matchAll(/<line x1="([\d.]+)" y1="70" x2="\1"/g)].map((m) => Number(m[1]))
    marks.forEach((x, k) => expect(x).toBeCloseTo(30 + k * 0.02 * 360, 1))
    expect(marks).toHaveLength(76)
    expect(textsAt(svgText, +(30 + 1.3 * 360).toFixed(2))).toEqual(['3'])
  })

  example('MEAS-1', 'length of a metric gasket', (text) => {
    expect(5 * 10 + 2 + 0.5).toBe(52.5)
    expect(text).toContain('5 cm, which is 50 mm')
    expect(text).toContain('50 + 2 + 0.5 = 52.5 mm')
    expect(text).toContain('the gasket is 52.5 mm long')
  })

  example('MEAS-1', 'a caliper reading as a fraction', (text) => {
    const sixteenths = 0.8125 * 16
    expect(Number.isInteger(sixteenths)).toBe(true)
    expect(text).toContain(`0.8125 × 16 = ${sixteenths}`)
    expect(sixteenths % 2).toBe(1) // odd: already in lowest terms
    expect(text).toContain(`0.8125 in = ${sixteenths}/16 in`)
  })

  example('MEAS-1', 'adding shim thicknesses', (text) => {
    const sum = 3 / 16 + 1 / 4 + 1 / 8
    expect(sum * 16).toBe(9)
    expect(text).toContain('3/16 in, 1/4 in and 1/8 in')
    expect(text).toContain('3/16 + 4/16 + 2/16 = 9/16')
    expect(text).toContain(`9/16 in thick (${sum} in)`)
  })

  it('MEAS-1: the fraction table and the check-yourself answers are right', () => {
    const body = section('MEAS-1', 'Fractions and decimal inches')
    const rows = [...body.matchAll(/^\| (\d+)\/(\d+) \| ([\d.]+) \|$/gm)]
    expect(rows).toHaveLength(8)
    for (const [, a, b, d] of rows) expect(Number(a) / Number(b), `${a}/${b}`).toBe(Number(d))
    expect(body).toContain(`0.6875 × 16 = ${0.6875 * 16}`)
    expect(body).toContain(`5 ÷ 32 = ${5 / 32} in`)
    expect(body).toContain(`3 ÷ 8 = ${3 / 8} in`)
  })

  example('MEAS-2', 'a drawing in inches, a gauge in millimeters', (text) => {
    expect(text).toContain(`0.75 × 25.4 = ${us(0.75 * 25.4)} mm`)
    expect(text).toContain(`30 ÷ 25.4 = ${(30 / 25.4).toFixed(4)} in`)
    expect(text).toContain(`the slot is ${(30 / 25.4).toFixed(3)} in`)
  })

  example('MEAS-2', 'is 5/16 in bigger than 8 mm?', (text) => {
    const inches = 5 / 16
    const mm = inches * 25.4
    expect(text).toContain(`5 ÷ 16 = ${inches} in`)
    expect(text).toContain(`${inches} × 25.4 = ${us(mm)} mm`)
    expect(mm).toBeLessThan(8)
    expect(text).toContain(`8 − ${us(mm)} = ${us(8 - mm)} mm`)
  })

  example('MEAS-2', 'how much coolant fills the tank?', (text) => {
    const cubic = 30 * 20 * 15
    const gallons = cubic / 231
    const liters = gallons * 3.785
    expect(text).toContain('30 in long, 20 in wide and 15 in deep')
    expect(text).toContain(`30 × 20 × 15 = ${us(cubic)} in³`)
    expect(text).toContain(`${us(cubic)} ÷ 231 = ${gallons.toFixed(2)} gal`)
    expect(text).toContain(`${gallons.toFixed(2)} × 3.785 = ${liters.toFixed(1)} L`)
    expect(text).toContain(`about ${gallons.toFixed(1)} gal, which is about ${liters.toFixed(1)} L`)
    // drawn: the front face is 30 in by 15 in at one scale, labelled with the three sizes
    const svgText = figure('MEAS', 'MEAS-2-sump.svg')
    const [, w, h] = /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" fill="#f4f4f4"/.exec(svgText)!
    expect(Number(w) / Number(h)).toBeCloseTo(30 / 15, 9)
    for (const label of ['30 in', '15 in', '20 in']) expect(svgText).toContain(`>${label}`)
  })

  example('MEAS-2', 'weight of a coolant batch', (text) => {
    const kg = 40 * 1.03
    const lb = kg * 2.205
    expect(text).toContain('40 L of coolant that weighs 1.03 kg per liter')
    expect(text).toContain(`40 × 1.03 = ${us(kg)} kg`)
    expect(text).toContain(`${us(kg)} × 2.205 = ${us(lb, 3)} lb`)
    expect(text).toContain(`about ${lb.toFixed(1)} lb`)
  })

  it('MEAS-2: the conversion table, the bridge figure and the check-yourself answers agree', () => {
    const body = section('MEAS-2', 'Conversion factors: multiply or divide?')
    for (const [unit, factor] of [['inch (in)', '25.4'], ['US gallon (gal)', '3.785'], ['US gallon (gal)', '231'], ['pound (lb)', '0.4536'], ['foot (ft)', '12']] as const) {
      expect(body).toMatch(new RegExp(`^\\| ${unit.replace(/[()]/g, '\\$&')} \\| .* \\| ${factor} \\|$`, 'm'))
    }
    const bridge = figure('MEAS', 'MEAS-2-unit-bridge.svg')
    for (const f of ['25.4', '3.785', '0.4536', '231']) {
      expect(bridge).toContain(`>× ${f}<`)
      expect(bridge).toContain(`>÷ ${f}<`)
    }
    expect(1 / 0.4536).toBeCloseTo(2.205, 3) // the weight example's 1 kg = 2.205 lb matches the table
    const check = section('MEAS-2', 'Weight of a liquid')
    expect(check).toContain(`55 × 8.34 = ${us(55 * 8.34)} lb`)
    expect(check).toContain(`0.5 × 3.785 = ${(0.5 * 3.785).toFixed(2)} L`)
  })

  example('MEAS-3', 'reading a 0.05 mm vernier', (text) => {
    const [whole, line] = [23, 8]
    const reading = whole + line * 0.05
    expect(text).toContain('past the 23 mm mark and short of 24 mm')
    expect(text).toContain('it is line 8, labelled 4 (it meets the 31 mm mark)')
    expect(text).toContain('8 × 0.05 = 0.40 mm')
    expect(text).toContain(`23 + 0.40 = ${reading.toFixed(2)} mm`)
    // drawn: main scale x = 24 + (mm − 10) × 14 px; vernier lines every 0.95 mm below it from its zero
    const svgText = figure('MEAS', 'MEAS-3-vernier.svg')
    const main = [...svgText.matchAll(/<line x1="([\d.]+)" y1="100" x2="\1" y2="(\d+)"/g)].filter((m) => Number(m[2]) < 100).map((m) => Number(m[1]))
    const vernier = [...svgText.matchAll(/<line x1="([\d.]+)" y1="100" x2="\1" y2="(\d+)"/g)].filter((m) => Number(m[2]) > 100).map((m) => Number(m[1]))
    expect(main).toHaveLength(41)
    expect(vernier).toHaveLength(21)
    const mmAt = (x: number) => 10 + (x - 24) / 14
    expect(Math.floor(mmAt(vernier[0]!))).toBe(whole)
    const aligned = vernier.flatMap((x, k) => (main.some((m) => close(m, x, 0.02)) ? [k] : []))
    expect(aligned).toEqual([line])
    expect(mmAt(vernier[line]!)).toBeCloseTo(31, 6)
    expect(whole + aligned[0]! * 0.05).toBeCloseTo(mmAt(vernier[0]!), 6)
  })

  it('MEAS-3: the dial caliper reading in the text adds up', () => {
    expect(section('MEAS-3', 'Vernier and dial calipers')).toContain(`0.6 + 0.047 = ${0.6 + 0.047} in`)
  })

  example('MEAS-3', 'reading an inch micrometer', (text) => {
    const reading = 0.2 + 3 * 0.025 + 11 * 0.001
    expect(text).toContain('3 × 0.025 = 0.075 in, so the sleeve reads 0.275 in')
    expect(text).toContain('11 × 0.001 = 0.011 in')
    expect(text).toContain(`0.275 + 0.011 = ${reading.toFixed(3)} in`)
    // drawn: sleeve 0 at x = 70 px, 800 px per inch, marks every 0.025 in; thimble lines 10 px apart, numbers increasing upward
    const svgText = figure('MEAS', 'MEAS-3-micrometer.svg')
    const edge = Number(/<path d="M ([\d.]+) /.exec(svgText)![1])
    expect(edge).toBeCloseTo(70 + reading * 800, 1)
    const sleeve = [...svgText.matchAll(/<line x1="([\d.]+)" y1="130" x2="\1" y2="(\d+)"/g)].map((m) => (Number(m[1]) - 70) / 800)
    expect(Math.max(...sleeve)).toBeCloseTo(0.275, 9)
    const label10 = Number(/<text x="[\d.]+" y="([\d.]+)"[^>]*>10<\/text>/.exec(svgText)![1]) - 5
    const onIndex = 10 + (label10 - 130) / 10
    expect(onIndex).toBe(11)
    expect(Math.max(...sleeve) + onIndex * 0.001).toBeCloseTo(reading, 9)
  })

  example('MEAS-3', 'sorting three shafts', (text) => {
    const [upper, lower] = [1.25 + 0.003, 1.25 - 0.003]
    const shafts = { A: 1.2485, B: 1.2535, C: 1.247 }
    expect(text).toContain(`1.250 + 0.003 = ${upper.toFixed(3)} in`)
    expect(text).toContain(`1.250 − 0.003 = ${lower.toFixed(3)} in`)
    expect(text).toContain(`1.253 − 1.247 = ${(upper - lower).toFixed(3)} in`)
    const good = Object.entries(shafts).filter(([, d]) => d >= lower - 1e-12 && d <= upper + 1e-12).map(([k]) => k)
    expect(good).toEqual(['A', 'C'])
    expect(text).toContain(`${(shafts.B - upper).toFixed(4)} in above the upper limit`)
    expect(text).toContain('shafts A and C are good; shaft B is rejected')
    // drawn: x = 50 + (in − 1.245) × 50,000 px; the zone from the lower to the upper limit, a triangle per shaft
    const svgText = figure('MEAS', 'MEAS-3-tolerance-band.svg')
    const x = (v: number) => 50 + (v - 1.245) * 50000
    expect(svgText).toContain(`<rect x="${+x(lower).toFixed(2)}" y="60" width="${+(x(upper) - x(lower)).toFixed(2)}"`)
    for (const [k, d] of Object.entries(shafts)) {
      expect(svgText).toContain(`<polygon points="${+x(d).toFixed(2)},166`)
      expect(svgText).toContain(`>${k}: ${d.toFixed(4)}<`)
    }
  })
})

// ------------------------------------------------------------------ ALG

describe('ALG lessons: worked examples and figures', () => {
  example('ALG-1', 'an expression from a setup sheet', (text) => {
    const expr = '30 − 4 × (7 − 2)² ÷ 10'
    expect(evalExpr(expr)).toBe(20)
    expect(text).toContain(`Work out ${expr}.`)
    expect(text).toContain('7 − 2 = 5, leaving 30 − 4 × 5² ÷ 10')
    expect(text).toContain('4 × 25 = 100, then 100 ÷ 10 = 10')
    expect(text).toContain(`Answer: ${expr} = 20.`)
    // drawn: each box is the expression so far (all equal 20), each note one step that holds
    const svgText = figure('ALG', 'ALG-1-order-steps.svg')
    const boxes = textsAt(svgText, 35)
    expect(boxes[0]).toBe(expr)
    expect(boxes.at(-1)).toBe('20')
    for (const b of boxes) expect(evalExpr(b), b).toBe(20)
    const notes = textsAt(svgText, 310).slice(1)
    expect(notes.map((n) => n.split(':')[0])).toEqual(['Parentheses', 'Exponent', 'Multiply', 'Divide', 'Subtract'])
    for (const n of notes) expect(holds(n.split(': ')[1]!, {}), n).toBe(true)
  })

  it('ALG-1: the rules and check-yourself examples in the text', () => {
    const order = section('ALG-1', 'The order of operations')
    expect(evalExpr('18 ÷ 3 × 2')).toBe(12)
    expect(order).toContain('In 18 ÷ 3 × 2, divide first because it is on the left: 6 × 2 = 12')
    expect(evalExpr('10 − 4 + 3')).toBe(9)
    expect(order).toContain('In 10 − 4 + 3, subtract first: 6 + 3 = 9')
    expect(evalExpr('2 + 3 × 4')).toBe(14)
    expect(section('ALG-1', 'One expression, one answer')).toContain('the answer is 14')
    expect(evalExpr('12 − 8 ÷ 4 × 2')).toBe(8)
    expect(section('ALG-1', 'Substituting into shop formulas')).toContain('What is 12 − 8 ÷ 4 × 2? (8 ÷ 4 = 2, 2 × 2 = 4, 12 − 4 = 8.)')
    expect(12 / Math.PI).toBeCloseTo(3.82, 2)
  })

  example('ALG-1', 'feed rate for an end mill', (text) => {
    const feed = 1500 * 0.004 * 3
    const rpm = (80 * 4) / 0.5
    expect(feed).toBeCloseTo(18, 9)
    expect(text).toContain('A 3-flute end mill runs at 1,500 RPM with a chip load of 0.004 in per tooth')
    expect(text).toContain('F = 1,500 × 0.004 × 3')
    expect(text).toContain('1,500 × 0.004 = 6, then 6 × 3 = 18 in/min')
    expect(text).toContain('RPM = (80 × 4) ÷ 0.5')
    expect(text).toContain(`320 ÷ 0.5 = ${rpm} RPM`)
    expect(text).toContain(`set the feed to ${Math.round(feed)} in/min; run the drill at ${rpm} RPM`)
  })

  example('ALG-2', 'filling a parts washer', (text) => {
    const t = (35 - 7) / 4
    expect(text).toContain('holds 35 gal when full')
    expect(text).toContain('It already holds 7 gal, and a hose adds 4 gal per minute')
    for (const eq of ['7 + 4t = 35', '4t + 7 = 35']) {
      expect(text).toContain(eq)
      expect(holds(eq, { t })).toBe(true)
    }
  })

  example('ALG-2', 'solving the washer equation', (text) => {
    const t = (35 - 7) / 4
    expect(t).toBe(7)
    expect(text).toContain('4t + 7 − 7 = 35 − 7, so 4t = 28')
    expect(text).toContain('4t ÷ 4 = 28 ÷ 4, so t = 7')
    expect(text).toContain(`Answer: t = ${t} minutes.`)
    // drawn: the pans hold the two sides, and every line of the solution holds for t = 7
    const svgText = figure('ALG', 'ALG-2-balance.svg')
    expect(svgText).toContain('>4t + 7</text>')
    expect(svgText).toContain('>35</text>')
    const steps = textsAt(svgText, 120)
    expect(steps).toEqual(['4t + 7 = 35', '4t + 7 − 7 = 35 − 7', '4t = 28', '4t ÷ 4 = 28 ÷ 4', 't = 7'])
    for (const s of steps) expect(holds(s, { t }), s).toBe(true)
    expect(holds('4t + 7 = 35', { t: t + 1 })).toBe(false)
  })

  example('ALG-2', 'an equation with parentheses', (text) => {
    const w = 40 / 5 + 2
    expect(holds('5(w − 2) = 40', { w })).toBe(true)
    expect(text).toContain('so 5(w − 2) = 40')
    expect(text).toContain('w − 2 = 40 ÷ 5 = 8')
    expect(text).toContain(`w = 8 + 2 = ${w}`)
    expect(text).toContain(`Answer: w = ${w} mm.`)
  })

  example('ALG-2', 'checking t = 7', (text) => {
    expect(4 * 7 + 7).toBe(35)
    expect(text).toContain('4 × 7 + 7 = 28 + 7 = 35')
    expect(text).toContain('7 minutes at 4 gal a minute (28 gal), makes 35 gal')
  })

  it('ALG-2: the check-yourself answers solve their equations', () => {
    const body = section('ALG-2', 'Checking the answer')
    expect(holds('3x − 9 = 30', { x: 13 })).toBe(true)
    expect(body).toContain('Solve 3x − 9 = 30. (Add 9: 3x = 39; divide by 3: x = 13.)')
    expect(holds('300 − 8c = 60', { c: 30 })).toBe(true)
    expect(body).toContain('(300 − 8c = 60, so c = 30 cartons.)')
  })

  example('ALG-3', 'how long does the label run take?', (text) => {
    const minutes = 8100 / 45
    expect(text).toContain('45 labels per minute')
    expect(text).toContain(`8,100 ÷ 45 = ${minutes} minutes`)
    expect(text).toContain(`${minutes} ÷ 60 = ${minutes / 60} h`)
  })

  example('ALG-3', 'two filling heads', (text) => {
    const [a, b, quantity] = [30, 20, 1500]
    const minutes = quantity / (a + b)
    expect(text).toContain(`${a} + ${b} = ${a + b} bottles per minute`)
    expect(text).toContain(`1,500 ÷ ${a + b} = ${minutes} minutes`)
    expect(text).toContain(`head A has filled ${a * minutes} and head B ${b * minutes}; ${a * minutes} + ${b * minutes} = 1,500`)
    // drawn: x = 80 + 12 px per minute, y = 290 − bottles ÷ 6; each line runs from the origin to rate × 30 min
    const svgText = figure('ALG', 'ALG-3-combined-rates.svg')
    for (const rate of [a, b, a + b]) {
      expect(svgText).toContain(`<line x1="80" y1="290" x2="${80 + 12 * minutes}" y2="${290 - (rate * minutes) / 6}"`)
      expect(svgText).toContain(`: ${rate} per min</text>`)
    }
  })

  example('ALG-3', 'mixing coolant', (text) => {
    const [conc, water, batch] = [1, 19, 40]
    const total = conc + water
    expect(text).toContain(`1 + 19 = ${total}`)
    expect(text).toContain(`40 × 1 ÷ 20 = ${(batch * conc) / total} gal`)
    expect(text).toContain(`40 × 19 ÷ 20 = ${(batch * water) / total} gal`)
    expect(text).toContain(`(1 part in 20 is a ${(100 * conc) / total}% mix.)`)
  })

  example('ALG-3', 'blanks to start for an order', (text) => {
    const start = 600 / (1 - 0.05)
    expect(text).toContain(`600 ÷ 0.95 = ${start.toFixed(2)}`)
    expect(text).toContain(`Round up: ${Math.ceil(start)} blanks`)
    expect(text).toContain(`${Math.ceil(start)} × 0.95 = ${us(Math.ceil(start) * 0.95)}`)
    expect(Math.ceil(start) * 0.95).toBeGreaterThanOrEqual(600)
    expect(Math.floor(start) * 0.95).toBeLessThan(600)
  })

  it('ALG-3: the check-yourself answers', () => {
    const body = section('ALG-3', 'Planning for scrap')
    expect(body).toContain(`90 × 7.5 = ${90 * 7.5} parts`)
    expect(body).toContain(`12 × 2 ÷ 3 = ${(12 * 2) / 3} lb`)
  })
})

// ------------------------------------------------------------------ MQ

describe('MQ lessons: worked examples and figures', () => {
  example('MQ-1', 'share of downtime from changeovers', (text) => {
    const bars = { Changeover: 45, Jam: 30, Material: 20, Maintenance: 15, Other: 10 }
    const total = Object.values(bars).reduce((a, b) => a + b, 0)
    expect(text).toContain('45, 30, 20, 15 and 10 minutes')
    expect(text).toContain(`45 + 30 + 20 + 15 + 10 = ${total} minutes`)
    expect(text).toContain(`45 ÷ ${total} = ${bars.Changeover / total}`)
    expect(text).toContain(`changeovers were ${(100 * bars.Changeover) / total}% of the week's downtime`)
    // drawn: bar i from x = 80 + 100i, 80 px wide, 5 px per minute up from y = 285, labelled under it
    const svgText = figure('MQ', 'MQ-1-bar-chart.svg')
    Object.entries(bars).forEach(([name, v], i) => {
      expect(svgText).toContain(`<rect x="${80 + 100 * i}" y="${285 - 5 * v}" width="80" height="${5 * v}"`)
      expect(textsAt(svgText, 120 + 100 * i).filter((t) => t !== 'Cause of downtime')).toEqual([String(v), name])
    })
  })

  example('MQ-1', 'heavy castings', (text) => {
    const bins = [[10.0, 3], [10.5, 8], [11.0, 14], [11.5, 10], [12.0, 5]] as const
    const total = bins.reduce((a, [, n]) => a + n, 0)
    const heavy = bins.filter(([lo]) => lo >= 11.0).reduce((a, [, n]) => a + n, 0)
    expect(text).toContain(`14 + 10 + 5 = ${heavy} castings`)
    expect(text).toContain(`3 + 8 + 14 + 10 + 5 = ${total}`)
    expect(text).toContain(`${heavy} ÷ ${total} × 100 = ${(100 * heavy) / total}%`)
    // drawn: touching bars 100 px wide from x = 70, 16 px per casting up from y = 285
    const svgText = figure('MQ', 'MQ-1-histogram.svg')
    bins.forEach(([, n], i) => expect(svgText).toContain(`<rect x="${70 + 100 * i}" y="${285 - 16 * n}" width="100" height="${16 * n}"`))
  })

  example('MQ-1', 'a week of output', (text) => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
    const out = [410, 435, 420, 455, 470, 440]
    const met = days.filter((_, i) => out[i]! >= 450)
    expect(met).toEqual(['Thursday', 'Friday'])
    expect(text).toContain(`That is ${met.length} days`)
    const changes = out.slice(1).map((v, i) => v - out[i]!)
    const sign = (c: number) => (c > 0 ? `+${c}` : `−${-c}`)
    expect(text).toContain(changes.map((c, i) => `${days[i]} to ${days[i + 1]} ${sign(c)}`).join(', '))
    const fall = changes.indexOf(Math.min(...changes))
    expect(text).toContain(`the largest fall was from ${days[fall]} (${out[fall]}) to ${days[fall + 1]} (${out[fall + 1]})`)
    // drawn: day i at x = 70 + (i + 0.5) × 500/6 px, y = 290 − (parts − 380) × 2.5 px; target line at 450
    const svgText = figure('MQ', 'MQ-1-line-graph.svg')
    const pts = circles(svgText)
    expect(pts).toHaveLength(6)
    pts.forEach(([cx, cy], i) => {
      expect(cx).toBeCloseTo(70 + ((i + 0.5) * 500) / 6, 1)
      expect(cy).toBeCloseTo(290 - (out[i]! - 380) * 2.5, 1)
    })
    expect(svgText).toContain(`y1="${290 - (450 - 380) * 2.5}" x2="570"`)
  })

  example('MQ-1', 'feed rate and surface finish', (text) => {
    const pts = [[10, 32], [15, 38], [20, 45], [25, 50], [30, 58], [35, 62], [40, 71], [45, 76]] as const
    expect(text).toContain(pts.map(([f, r]) => `(${f}, ${r})`).slice(0, -1).join(', '))
    expect(pts.every(([, r], i) => i === 0 || r > pts[i - 1]![1])).toBe(true)
    expect(text).toContain('a positive relationship')
    const over = pts.filter(([, r]) => r > 63)
    expect(text).toContain(`That is ${over.length} parts`)
    expect(text).toContain(over.map(([f, r]) => `${r} µin at ${f} in/min`).join(' and '))
    // drawn: x = 70 + 10 px per in/min, y = 290 − 3.25 px per µin; the limit line at 63 µin
    const svgText = figure('MQ', 'MQ-1-scatter.svg')
    expect(circles(svgText)).toEqual(pts.map(([f, r]) => [70 + 10 * f, 290 - 3.25 * r]))
    expect(svgText).toContain(`y1="${290 - 3.25 * 63}" x2="570"`)
  })

  example('MQ-2', 'mean hole depth', (text) => {
    const d = [12.4, 12.6, 12.5, 12.3, 12.7]
    expect(text).toContain('12.4, 12.6, 12.5, 12.3 and 12.7 mm')
    expect(text).toContain(`= ${d.reduce((a, b) => a + b, 0).toFixed(1)} mm`)
    expect(text).toContain(`62.5 ÷ 5 = ${mean(d).toFixed(1)} mm`)
  })

  example('MQ-2', 'cycle times with one jam', (text) => {
    const t = [44, 41, 65, 42, 44, 40, 43, 42, 44]
    expect(text).toContain(t.slice(0, -1).join(', '))
    expect(text).toContain(`Sort: ${[...t].sort((a, b) => a - b).join(', ')}.`)
    expect(text).toContain(`which is ${median(t)} s`)
    expect(text).toContain(`the sum is ${t.reduce((a, b) => a + b, 0)}, and 405 ÷ 9 = ${mean(t)} s`)
    // drawn: one dot per time at x = 40 + (s − 38) × 19 px, stacked; triangles at the median and the mean
    const svgText = figure('MQ', 'MQ-2-dot-plot.svg')
    const x = (v: number) => 40 + (v - 38) * 19
    const counts = new Map<number, number>()
    for (const [cx] of circles(svgText)) counts.set(cx, (counts.get(cx) ?? 0) + 1)
    const expected = new Map<number, number>()
    for (const v of t) expected.set(x(v), (expected.get(x(v)) ?? 0) + 1)
    expect(counts).toEqual(expected)
    expect(svgText).toContain(`<polygon points="${x(median(t))},60`)
    expect(svgText).toContain(`<polygon points="${x(mean(t))},60`)
    expect(svgText).toContain(`>median ${median(t)}<`)
    expect(svgText).toContain(`>mean ${mean(t)}<`)
  })

  example('MQ-2', 'defects per shift', (text) => {
    const d = [3, 5, 2, 5, 4, 5, 1]
    expect(text).toContain(d.slice(0, -1).join(', '))
    const counts = new Map<number, number>()
    for (const v of d) counts.set(v, (counts.get(v) ?? 0) + 1)
    const top = Math.max(...counts.values())
    const modes = [...counts].filter(([, c]) => c === top).map(([v]) => v)
    expect(modes).toEqual([5])
    expect(text).toContain(`the mode is ${modes[0]} defects and the range is ${Math.max(...d) - Math.min(...d)} defects`)
  })

  example('MQ-2', 'rejects per day', (text) => {
    const tally = [[0, 6], [1, 8], [2, 4], [3, 2]] as const
    const values = tally.flatMap(([v, c]) => Array<number>(c).fill(v))
    expect(values).toHaveLength(20)
    expect(text).toContain('0 rejects on 6 days, 1 reject on 8 days, 2 rejects on 4 days and 3 rejects on 2 days')
    expect(text).toContain(`= 0 + 8 + 8 + 6 = ${values.reduce((a, b) => a + b, 0)}`)
    expect(text).toContain(`22 ÷ 20 = ${mean(values)} rejects per day`)
    expect(text).toContain(`mean ${mean(values)}, median ${median(values)} and mode 1 rejects per day`)
  })

  it('MQ-2: the check-yourself median', () => {
    expect(median([7, 3, 9, 5])).toBe(6)
    expect(section('MQ-2', 'Statistics from a tally')).toContain('(Sorted 3, 5, 7, 9: (5 + 7) ÷ 2 = 6.)')
  })

  example('MQ-3', 'defect rate of a lot', (text) => {
    const p = 8 / 400
    expect(text).toContain('checked 400 molded caps and found 8 defective')
    expect(text).toContain(`8 ÷ 400 = ${p}`)
    expect(text).toContain(`${p} × 100 = ${p * 100}%`)
    expect(text).toContain(`1 − ${p} = ${1 - p}, or ${(1 - p) * 100}%`)
    expect(text).toContain(`${400 - 8} good caps, and 392 ÷ 400 = ${392 / 400}`)
  })

  example('MQ-3', 'caps to reject in the next run', (text) => {
    const expected = 0.02 * 1500
    expect(text).toContain(`0.02 × 1,500 = ${expected}`)
    expect(text).toContain(`1,500 − ${expected} = ${us(1500 - expected)}`)
    expect(text).toContain(`about ${expected} defective and ${us(1500 - expected)} good caps`)
  })

  example('MQ-3', 'defects in an inspection', (text) => {
    const found = { Scratch: 14, Dent: 10, 'Short shot': 6 }
    const defective = Object.values(found).reduce((a, b) => a + b, 0)
    const pScratch = found.Scratch / 500
    expect(text).toContain(`14 ÷ 500 = ${pScratch}`)
    expect(text).toContain(`14 + 10 + 6 = ${defective} parts. ${defective} ÷ 500 = ${defective / 500}`)
    expect(text).toContain(`the probability of a good part is ${1 - defective / 500}`)
    expect(text).toContain(`14 ÷ 30, about ${Math.round((100 * found.Scratch) / defective)}%`)
    expect(text).toContain(`0.028 × 2,000 = ${pScratch * 2000}`)
    // drawn: the heading states the totals; bars 90 px wide from x = 100, 150 px apart, 15 px per part up from y = 285
    const svgText = figure('MQ', 'MQ-3-defect-chart.svg')
    expect(svgText).toContain(`>500 parts inspected: ${500 - defective} good, ${defective} defective<`)
    Object.entries(found).forEach(([name, v], i) => {
      expect(svgText).toContain(`<rect x="${100 + 150 * i}" y="${285 - 15 * v}" width="90" height="${15 * v}"`)
      expect(textsAt(svgText, 145 + 150 * i).filter((t) => t !== 'Defect found')).toEqual([String(v), name])
    })
  })

  it('MQ-3: the check-yourself answers', () => {
    const body = section('MQ-3', 'Probability from a chart')
    expect(body).toContain(`3 ÷ 250 = ${3 / 250}, or ${(100 * 3) / 250}%`)
    expect(body).toContain(`0.012 × 1,000 = ${Math.round(0.012 * 1000)}`)
  })
})

// ------------------------------------------------------------------ coverage of the worked examples

describe('MM lessons: every worked example is recomputed here', () => {
  it('has a test for each "### Worked example" heading of the MEAS, ALG and MQ lessons, and no test for a missing one', () => {
    for (const l of lessons) {
      const headings = [...lessonSource(l.id).matchAll(/^### Worked example: (.+)$/gm)].map((m) => m[1]!.trim())
      expect(headings.length, l.id).toBeGreaterThanOrEqual(1)
      expect([...(TESTED[l.id] ?? [])].sort(), l.id).toEqual([...headings].sort())
    }
    expect(Object.keys(TESTED).sort()).toEqual(lessons.map((l) => l.id).sort())
  })
})
