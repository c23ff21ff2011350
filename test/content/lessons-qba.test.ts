// Lessons of the QBA module (skills SPC, QLM, FLBA): every worked example is restated here with its
// numbers and recomputed, and the lesson must state those numbers and the answer; every figure is read
// back and checked against what the lesson says it shows (points on a chart, bar heights, where lines
// cross). The general lesson rules of lessons.test.ts are checked here too, for these three skills only,
// so that this module's lessons can be judged before the other modules' lessons land.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons, type Lesson } from '../../src/server/modules/learning/lesson-files.js'
import { listItemFiles } from './item-xml.js'

const SKILLS = ['SPC', 'QLM', 'FLBA'] as const
const programDir = path.resolve(import.meta.dirname, '../../program/mt1')
const lessons = loadLessons(programDir, (skill, name) => `/figures/${skill}/${name}`).filter((l) => (SKILLS as readonly string[]).includes(l.skill))

// ---------------------------------------------------------------- helpers

const lessonFile = (id: string): string => {
  const [skill, n] = id.split('-') as [string, string]
  const dir = path.join(programDir, 'lessons', skill)
  const name = fs.readdirSync(dir).find((f) => f.startsWith(`${n}-`) && f.endsWith('.md'))
  if (!name) throw new Error(`no lesson file for ${id}`)
  return path.join(dir, name)
}
const markdown = (id: string): string => fs.readFileSync(lessonFile(id), 'utf8')

/** The text of a worked example: from its `### Worked example: <title>` heading to the next heading. */
function example(lessonId: string, title: string): string {
  const md = markdown(lessonId)
  const heading = `### Worked example: ${title}\n`
  const start = md.indexOf(heading)
  if (start < 0) throw new Error(`${lessonId} has no worked example "${title}"`)
  const rest = md.slice(start + heading.length)
  const end = rest.search(/^#{2,3} /m)
  return end < 0 ? rest : rest.slice(0, end)
}

/** The lesson states every one of these strings (numbers as the lesson writes them). */
function expectStates(text: string, ...parts: string[]): void {
  for (const p of parts) expect(text, `states "${p}"`).toContain(p)
}

const svgOf = (skill: string, name: string): string => fs.readFileSync(path.join(programDir, 'lessons', skill, 'figures', name), 'utf8')
const attr = (tag: string, name: string): number => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(tag)![1])
const tagById = (svg: string, el: string, id: string): string => {
  const m = new RegExp(`<${el} id="${id}"[^>]*>`).exec(svg)
  if (!m) throw new Error(`no <${el} id="${id}">`)
  return m[0]
}

/** n decimals, with thousands separators: 1500 → "1,500", 16 → "16.00" (2). */
const num = (x: number, decimals = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
const usd = (x: number, decimals = 0): string => `${x < 0 ? '−' : ''}$${num(Math.abs(x), decimals)}`
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)

/**
 * The control chart drawn in an SVG (points <circle id="{p}pt{n}">, lines <line id="{p}ucl|cl|lcl">) plots
 * exactly these values on the scale its own limit lines set, left to right.
 */
function expectChartPlots(svg: string, prefix: string, values: number[], cl: number, ucl: number, lcl: number): void {
  const lineY = (id: string) => attr(tagById(svg, 'line', `${prefix}${id}`), 'y1')
  const points = [...svg.matchAll(new RegExp(`<circle id="${prefix}pt(\\d+)"[^>]*>`, 'g'))].map((m) => ({ n: Number(m[1]), cx: attr(m[0], 'cx'), cy: attr(m[0], 'cy') }))
  expect(points.map((p) => p.n)).toEqual(values.map((_, i) => i + 1))
  const pxPerUnit = (lineY('cl') - lineY('ucl')) / (ucl - cl)
  expect(pxPerUnit).toBeGreaterThan(0)
  expect(lineY('lcl')).toBeCloseTo(lineY('cl') + (cl - lcl) * pxPerUnit, 1)
  values.forEach((v, i) => {
    expect(points[i]!.cy, `${prefix}point ${i + 1}`).toBeCloseTo(lineY('cl') - (v - cl) * pxPerUnit, 1)
    if (i > 0) expect(points[i]!.cx).toBeGreaterThan(points[i - 1]!.cx)
  })
}

/** First subgroup (1-based) that signals: beyond a limit, 7th in a row on one side, 6th in a row rising or falling. */
function firstSignal(values: number[], cl: number, ucl: number, lcl: number): number {
  let side = 0, run = 0, up = 1, down = 1
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (v > ucl || v < lcl) return i + 1
    const s = v > cl ? 1 : v < cl ? -1 : 0
    run = s !== 0 && s === side ? run + 1 : s !== 0 ? 1 : 0
    side = s
    if (run >= 7) return i + 1
    if (i > 0) {
      up = v > values[i - 1]! ? up + 1 : 1
      down = v < values[i - 1]! ? down + 1 : 1
      if (up >= 6 || down >= 6) return i + 1
    }
  }
  return 0
}

/** Bars <rect id="{prefix}{n}"> with heights proportional to the values, sitting on one baseline. */
function expectBars(svg: string, prefix: string, values: number[]): { x: number; y: number; w: number; h: number }[] {
  const bars = values.map((_, i) => {
    const t = tagById(svg, 'rect', `${prefix}${i + 1}`)
    return { x: attr(t, 'x'), y: attr(t, 'y'), w: attr(t, 'width'), h: attr(t, 'height') }
  })
  expect(svg.match(new RegExp(`<rect id="${prefix}\\d+"`, 'g'))).toHaveLength(values.length)
  bars.forEach((b, i) => expect(b.h / bars[0]!.h, `${prefix}${i + 1}`).toBeCloseTo(values[i]! / values[0]!, 3))
  return bars
}

// ---------------------------------------------------------------- the lesson rules, for these skills

describe('QBA lessons follow the lesson rules', () => {
  it('teaches each skill in 2 or 3 lessons, numbered from 1, each 8 to 20 minutes with 3 to 5 sections', () => {
    for (const skill of SKILLS) {
      const mine = lessons.filter((l) => l.skill === skill)
      expect(mine.length, skill).toBeGreaterThanOrEqual(2)
      expect(mine.length, skill).toBeLessThanOrEqual(3)
      expect(mine.map((l) => l.order), skill).toEqual(mine.map((_, i) => i + 1))
      for (const l of mine) {
        expect(path.basename(lessonFile(l.id)), l.id).toMatch(new RegExp(`^${l.order}-[a-z0-9]+(-[a-z0-9]+)*\\.md$`))
        expect(l.minutes, l.id).toBeGreaterThanOrEqual(8)
        expect(l.minutes, l.id).toBeLessThanOrEqual(20)
        expect(l.sections.length, l.id).toBeGreaterThanOrEqual(3)
        expect(l.sections.length, l.id).toBeLessThanOrEqual(5)
        expect(l.summary.length, l.id).toBeGreaterThan(20)
      }
    }
  })

  it('gives every section at least 40 words and every lesson a worked example with numbered steps and an answer', () => {
    for (const l of lessons) {
      for (const s of l.sections) expect(s.spokenText.split(/\s+/).filter(Boolean).length, `${l.id}#${s.id}`).toBeGreaterThanOrEqual(40)
      const md = markdown(l.id)
      const titles = [...md.matchAll(/^### Worked example: (.+)$/gm)].map((m) => m[1]!)
      expect(titles.length, `${l.id} works an example`).toBeGreaterThanOrEqual(1)
      for (const t of titles) {
        const text = example(l.id, t)
        expect(text, `${l.id} "${t}" has numbered steps`).toMatch(/^1\. .+\n2\. /m)
        expect(text, `${l.id} "${t}" gives the answer`).toMatch(/^Answer: /m)
      }
    }
  })

  it('writes plain Markdown: no raw HTML, no LaTeX, links only to https pages or the Learning Lab', () => {
    for (const l of lessons) {
      const body = markdown(l.id).replace(/^---[\s\S]*?---\n/, '')
      expect(body, `${l.id}: raw HTML`).not.toMatch(/<\/?[a-z][^>]*>/i)
      expect(body, `${l.id}: LaTeX`).not.toMatch(/\\[a-z]+|\$\$/i)
      expect(body, `${l.id}: a # title in the body`).not.toMatch(/^# /m)
      for (const m of body.matchAll(/(!?)\[[^\]]*\]\(([^)]+)\)/g)) {
        if (m[1]) expect(m[2], l.id).toMatch(new RegExp(`^figures/${l.id}-[a-z0-9-]+\\.svg$`))
        else expect(m[2], l.id).toMatch(/^(https:\/\/|\/learning\/)/)
      }
    }
  })

  it('shows every skill at least one figure: alt text that describes it, an accessible SVG, each used', () => {
    for (const skill of SKILLS) {
      const mine = lessons.filter((l) => l.skill === skill)
      expect(mine.flatMap((l) => l.figures).length, skill).toBeGreaterThanOrEqual(1)
      for (const alt of mine.flatMap((l) => l.figureAlts)) expect(alt.length, `alt text "${alt}"`).toBeGreaterThanOrEqual(20)
      const dir = path.join(programDir, 'lessons', skill, 'figures')
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.svg'))
      expect(files.filter((f) => !mine.some((l) => l.figures.includes(f))), `${skill}: figures no lesson shows`).toEqual([])
      for (const f of files) {
        const svg = svgOf(skill, f)
        expect(svg, f).toMatch(/<svg[^>]*\brole="img"/)
        expect(svg, f).toMatch(/<svg[^>]*\bviewBox="0 0 \d+ \d+"/)
        expect(svg, f).toMatch(/<title>[^<]{5,}<\/title>/)
        expect(svg, f).toMatch(/<desc>[^<]{20,}<\/desc>/)
        expect(svg, `${f}: no script, event handler, external reference or raster image`).not.toMatch(/<script|<image|<foreignObject|\bon[a-z]+=|xlink:href="(?!#)|href="(?!#)|url\((?!#)/i)
        // dark text and strokes only: every colour is a grey no lighter than #444 for strokes and text, fills may be light
        for (const m of svg.matchAll(/\b(stroke|fill)="#([0-9a-f]{6})"/gi)) {
          const level = parseInt(m[2]!.slice(0, 2), 16)
          expect(m[2]!.slice(0, 2).repeat(3), `${f}: ${m[0]} is a grey`).toBe(m[2]!.toLowerCase())
          if (m[1] === 'stroke') expect(level, `${f}: ${m[0]}`).toBeLessThanOrEqual(0x44)
        }
        for (const m of svg.matchAll(/<text[^>]*fill="#([0-9a-f]{6})"/gi)) expect(parseInt(m[1]!.slice(0, 2), 16), `${f}: text ${m[1]}`).toBeLessThanOrEqual(0x22)
        for (const m of svg.matchAll(/<text[^>]*font-size="(\d+)"/g)) expect(Number(m[1]), `${f}: text size`).toBeGreaterThanOrEqual(13)
      }
    }
  })

  it('links every practice item of these skills to exactly one section of a lesson of its own skill', () => {
    const practice = listItemFiles().filter((f) => f.pool === 'practice' && (SKILLS as readonly string[]).includes(f.skill))
    const operational = new Set(listItemFiles().filter((f) => f.pool === 'operational').map((f) => f.identifier))
    const linked = new Map<string, string[]>()
    for (const l of lessons) {
      for (const s of l.sections) {
        for (const item of s.practiceItems) {
          expect(operational.has(item), `${l.id} links operational item ${item}`).toBe(false)
          expect(item.split('-')[1], `${item} in ${l.id}`).toBe(l.skill)
          linked.set(item, [...(linked.get(item) ?? []), `${l.id}#${s.id}`])
        }
      }
    }
    for (const item of practice) expect(linked.get(item.identifier), `${item.identifier} links back to one lesson section`).toHaveLength(1)
    expect([...linked.keys()].filter((id) => !practice.some((p) => p.identifier === id)), 'sections name practice items that do not exist').toEqual([])
    for (const skill of SKILLS) expect(practice.filter((p) => p.skill === skill).length, skill).toBeGreaterThanOrEqual(10)
  })
})

// ---------------------------------------------------------------- SPC

describe('SPC worked examples and figures', () => {
  const readings = [12.04, 11.98, 12.01, 12.03, 11.99]
  const [grand, rBar, A2, D3, D4] = [12.01, 0.05, 0.577, 0, 2.114]

  it('SPC-1 "one subgroup of shaft diameters": X̄ and R of five readings', () => {
    const text = example('SPC-1', 'one subgroup of shaft diameters')
    const total = sum(readings)
    const xBar = total / readings.length
    const r = Math.max(...readings) - Math.min(...readings)
    expectStates(text, `${readings.slice(0, -1).map((v) => `${v.toFixed(2)} mm`).join(', ')} and ${readings.at(-1)!.toFixed(2)} mm`)
    expectStates(text, `${readings.map((v) => v.toFixed(2)).join(' + ')} = ${total.toFixed(2)} mm`, `X̄ = ${total.toFixed(2)} ÷ 5 = ${xBar.toFixed(3)} mm`)
    expectStates(text, `R = ${Math.max(...readings).toFixed(2)} − ${Math.min(...readings).toFixed(2)} = ${r.toFixed(2)} mm`)
    expectStates(text, `point at ${xBar.toFixed(3)} mm`, `point at ${r.toFixed(2)} mm`)
  })

  it('SPC-1 "limits for the shaft chart": X̄ and R chart limits from the grand mean, R̄ and the n = 5 factors', () => {
    const text = example('SPC-1', 'limits for the shaft chart')
    expect(markdown('SPC-1')).toContain(`| 5 | ${A2} | ${D3} | ${D4} |`)
    const a2r = A2 * rBar
    const ucl = Math.round((grand + Math.round(a2r * 1000) / 1000) * 1000) / 1000
    const lcl = Math.round((grand - Math.round(a2r * 1000) / 1000) * 1000) / 1000
    const rUcl = D4 * rBar
    expectStates(text, `X̿ = ${grand.toFixed(3)} mm`, `R̄ = ${rBar.toFixed(3)} mm`, `A₂ = ${A2}`, `D₄ = ${D4}`)
    expectStates(text, `${A2} × ${rBar.toFixed(3)} = ${a2r.toFixed(5)} mm`, `UCL = ${grand.toFixed(3)} + 0.029 = ${ucl.toFixed(3)} mm`, `LCL = ${grand.toFixed(3)} − 0.029 = ${lcl.toFixed(3)} mm`)
    expectStates(text, `${D4} × ${rBar.toFixed(3)} = ${rUcl.toFixed(4)} mm`, `${rUcl.toFixed(3)} mm`, 'LCL = D₃ × R̄ = 0')
    expect([ucl, lcl, Number(rUcl.toFixed(3))]).toEqual([12.039, 11.981, 0.106])
  })

  it('SPC-1 figure: both charts plot the ten subgroups on the limits worked out in the lesson, all inside', () => {
    const xs = [12.012, 11.998, 12.022, 12.006, 11.99, 12.016, 12.028, 12.004, 11.994, 12.018]
    const rs = [0.05, 0.04, 0.07, 0.03, 0.06, 0.05, 0.08, 0.04, 0.05, 0.06]
    const svg = svgOf('SPC', 'SPC-1-xbar-r-charts.svg')
    for (const s of ['UCL = 12.039 mm', 'CL = 12.010 mm', 'LCL = 11.981 mm', 'UCL = 0.106 mm', 'CL = 0.050 mm']) expect(svg).toContain(s)
    expectChartPlots(svg, 'x', xs, 12.01, 12.039, 11.981)
    expectChartPlots(svg, 'r', rs, 0.05, 0.106, 0)
    expect(firstSignal(xs, 12.01, 12.039, 11.981)).toBe(0)
    expect(rs.every((r) => r <= 0.106)).toBe(true)
    expect(markdown('SPC-1')).toContain('both charts have every point inside the limits')
  })

  const bags = [251.0, 248.5, 251.8, 248.0, 249.4, 249.1, 248.2, 249.7, 247.4, 248.9, 246.6, 250.5, 243.5, 249.0]
  const [cl, ucl, lcl] = [250, 256, 244]

  it('SPC-2 "finding the first signal": a run of seven below the center line comes before the point below the LCL', () => {
    const text = example('SPC-2', 'finding the first signal')
    expectStates(text, 'CL = 250.0 g', 'UCL = 256.0 g', 'LCL = 244.0 g', `${bags.slice(0, -1).map((v) => v.toFixed(1)).join(', ')} and ${bags.at(-1)!.toFixed(1)}`)
    const signal = firstSignal(bags, cl, ucl, lcl)
    expect(signal).toBe(10)
    expect(bags.slice(3, 10).every((v) => v < cl)).toBe(true)
    expect(bags[2]!).toBeGreaterThan(cl)
    const beyond = bags.findIndex((v) => v > ucl || v < lcl) + 1
    expect(beyond).toBe(13)
    expectStates(text, `only point ${beyond} (${bags[beyond - 1]!.toFixed(1)} g)`, `(${bags.slice(3, 10).map((v) => v.toFixed(1)).join(', ').replace(/, ([^,]+)$/, ' and $1')} g)`)
    expectStates(text, `the first signal is at subgroup ${signal}, a run of seven points below the center line`)
  })

  it('SPC-2 figure: the fourteen bag weights on CL 250.0, UCL 256.0 and LCL 244.0, the run bracketed at points 4 to 10', () => {
    const svg = svgOf('SPC', 'SPC-2-run-of-seven.svg')
    for (const s of ['UCL = 256.0 g', 'CL = 250.0 g', 'LCL = 244.0 g', 'points 4 to 10']) expect(svg).toContain(s)
    expectChartPlots(svg, '', bags, cl, ucl, lcl)
    const run = /<path id="run" d="M ([\d.]+) [\d.]+ L [\d.]+ [\d.]+ L ([\d.]+) /.exec(svg)!
    const cx = (n: number) => attr(tagById(svg, 'circle', `pt${n}`), 'cx')
    expect([Number(run[1]), Number(run[2])]).toEqual([cx(4), cx(10)])
  })

  const [lsl, usl, sigma] = [19.85, 20.15, 0.03]
  it('SPC-3 "Cp of a turned diameter": Cp = tolerance ÷ 6σ', () => {
    const text = example('SPC-3', 'Cp of a turned diameter')
    const cp = (usl - lsl) / (6 * sigma)
    expectStates(text, '20.00 ± 0.15 mm', `σ = ${sigma} mm`, `LSL = 20.00 − 0.15 = ${lsl} mm`, `USL = 20.00 + 0.15 = ${usl} mm`)
    expectStates(text, `${usl} − ${lsl} = ${(usl - lsl).toFixed(2)} mm`, `6σ = 6 × ${sigma} = ${(6 * sigma).toFixed(2)} mm`, `Cp = ${(usl - lsl).toFixed(2)} ÷ ${(6 * sigma).toFixed(2)} = ${cp.toFixed(2)}`)
    expectStates(text, `Answer: Cp = ${cp.toFixed(2)}`)
  })

  it('SPC-3 "Cpk after the process drifts": the nearer limit over 3σ', () => {
    const text = example('SPC-3', 'Cpk after the process drifts')
    const mu = 20.06
    const [up, down] = [usl - mu, mu - lsl]
    const cpk = Math.min(up, down) / (3 * sigma)
    expectStates(text, `μ = ${mu} mm`, `USL − μ = ${usl} − ${mu} = ${up.toFixed(2)} mm`, `μ − LSL = ${mu} − ${lsl} = ${down.toFixed(2)} mm`)
    expectStates(text, `3σ = 3 × ${sigma} = ${(3 * sigma).toFixed(2)} mm`, `Cpk = ${Math.min(up, down).toFixed(2)} ÷ ${(3 * sigma).toFixed(2)} = ${cpk.toFixed(2)}`)
    expectStates(text, `Answer: Cp = ${((usl - lsl) / (6 * sigma)).toFixed(2)} but Cpk = ${cpk.toFixed(2)}`)
  })

  it('SPC-3 figure: both curves drawn to scale against LSL and USL, the shifted one reaching the USL', () => {
    const svg = svgOf('SPC', 'SPC-3-centered-and-shifted.svg')
    for (const [n, mu, cpk] of [[1, 20.0, 1.67], [2, 20.06, 1.0]] as const) {
      const x = (id: string) => attr(tagById(svg, 'line', `${id}${n}`), 'x1')
      const pxPerMm = (x('usl') - x('lsl')) / (usl - lsl)
      const at = (v: number) => x('lsl') + (v - lsl) * pxPerMm
      expect(x('mean')).toBeCloseTo(at(mu), 1)
      expect(x('minus3s')).toBeCloseTo(at(mu - 3 * sigma), 1)
      expect(x('plus3s')).toBeCloseTo(at(mu + 3 * sigma), 1)
      const cpkDrawn = Math.min(x('usl') - x('mean'), x('mean') - x('lsl')) / (x('plus3s') - x('mean'))
      expect(cpkDrawn).toBeCloseTo(cpk, 2)
      expect(svg).toContain(`mean ${mu.toFixed(2)} mm, Cp = 1.67, Cpk = ${cpk.toFixed(2)}`)
    }
    expect(attr(tagById(svg, 'line', 'plus3s2'), 'x1')).toBeCloseTo(attr(tagById(svg, 'line', 'usl2'), 'x1'), 1)
  })
})

// ---------------------------------------------------------------- QLM

describe('QLM worked examples and figures', () => {
  it('QLM-1 "totaling a week\'s check sheet": row totals, the largest and its share', () => {
    const rows: [string, number[]][] = [['Scratch', [3, 5, 2, 4, 6]], ['Dent', [1, 0, 2, 1, 1]], ['Burr', [6, 4, 7, 5, 8]], ['Wrong label', [0, 1, 0, 2, 0]]]
    const text = example('QLM-1', "totaling a week's check sheet")
    for (const [name, days] of rows) expectStates(text, `| ${name} | ${days.join(' | ')} |`, `${name.toLowerCase()} ${days.join(' + ')} = ${sum(days)}`)
    const totals = rows.map(([, d]) => sum(d))
    const week = sum(totals)
    const top = rows[totals.indexOf(Math.max(...totals))]![0]
    expect(top).toBe('Burr')
    expectStates(text, `${totals.join(' + ')} = ${week} rejects`, `${Math.max(...totals)} ÷ ${week} = ${(Math.max(...totals) / week).toFixed(3)}, or ${((Math.max(...totals) / week) * 100).toFixed(1)}%`)
    expectStates(text, `Answer: burrs were the most common reject, ${Math.max(...totals)} of ${week}`)
  })

  const pareto: [string, number][] = [['Oversize bore', 80], ['Burrs', 50], ['Chatter marks', 30], ['Wrong thread', 24], ['Other', 16]]
  const total = sum(pareto.map(([, c]) => c))
  const running = pareto.map((_, i) => sum(pareto.slice(0, i + 1).map(([, c]) => c)))
  const cumPct = running.map((r) => Math.round((r * 100) / total))

  it('QLM-1 "rejects at a machining cell": cumulative percentages and where they reach 80%', () => {
    const text = example('QLM-1', 'rejects at a machining cell')
    expectStates(text, pareto.map(([n, c]) => `${n.toLowerCase()} ${c}`).join(', ').replace(/, ([^,]+)$/, ' and $1'))
    expectStates(text, `${pareto.map(([, c]) => c).join(' + ')} = ${total}`)
    running.forEach((r, i) => expectStates(text, `${r} ÷ ${total} = ${cumPct[i]}%`))
    const vital = cumPct.findIndex((p) => p >= 80)
    expect(vital).toBe(2)
    expectStates(text, `first reaches 80% at the third bar, ${pareto[vital]![0].toLowerCase()}`)
  })

  it('QLM-1 Pareto figure: bars tallest first and to scale, labeled with the cumulative percentages, 80% line at the third', () => {
    const svg = svgOf('QLM', 'QLM-1-pareto.svg')
    const bars = expectBars(svg, 'bar', pareto.map(([, c]) => c))
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.x).toBeGreaterThan(bars[i - 1]!.x)
    for (const p of cumPct) expect(svg).toContain(`>${p}%</text>`)
    for (const [n] of pareto) for (const word of n.split(' ')) expect(svg).toContain(`>${word}</text>`)
    // the cumulative line's third point sits on the dashed 80% line
    const pts = /<polyline id="cumulative"[^>]*points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number))
    expect(pts).toHaveLength(pareto.length)
    expect(pts[2]![1]).toBeCloseTo(attr(tagById(svg, 'line', 'line80'), 'y1'), 1)
    // and the left scale: bar 1 (80 rejects) is 80/200 of the height of the 100% point above the baseline
    const base = bars[0]!.y + bars[0]!.h
    expect(bars[0]!.h / (base - pts[4]![1]!)).toBeCloseTo(pareto[0]![1] / total, 3)
  })

  it('QLM-1 fishbone figure: the six categories and the causes the lesson table lists under them', () => {
    const svg = svgOf('QLM', 'QLM-1-fishbone.svg')
    const md = markdown('QLM-1')
    const table: [string, string[]][] = [
      ['Machine', ['Worn drill bit', 'Spindle runout']], ['Method', ['Feed rate too high', 'No deburr step']], ['Material', ['Softer aluminum lot']],
      ['Man (people)', ['Operator not trained']], ['Measurement', ['Burrs checked by feel']], ['Mother Nature', ['Hot shop thins coolant']],
    ]
    expect(svg).toContain('>Burrs on</text>')
    for (const [cat, causes] of table) {
      expect(svg).toContain(`>${cat}</text>`)
      expect(md).toMatch(new RegExp(`^\\| ${cat.replace(/[()]/g, '\\$&')}( \\(environment\\))? \\|`, 'm'))
      for (const c of causes) expect(svg).toContain(`>${c}</text>`)
    }
    expect(svg.match(/<rect id="cat\d"/g)).toHaveLength(6)
  })

  it('QLM-2 "takt time and the station that cannot keep up": available time ÷ demand, compared with each station', () => {
    const text = example('QLM-2', 'takt time and the station that cannot keep up')
    const available = 480 - 10 - 10 - 30
    const seconds = available * 60
    const takt = seconds / 344
    const stations = [62, 71, 80, 68]
    expectStates(text, '480 minutes', 'two 10-minute breaks', '30-minute lunch', '344 units per shift')
    expectStates(text, `480 − 10 − 10 − 30 = ${available} minutes`, `${available} × 60 = ${num(seconds)} s`, `${num(seconds)} s ÷ 344 units = ${takt} s per unit`)
    const over = stations.map((c, i) => (c > takt ? i + 1 : 0)).filter(Boolean)
    expect(over).toEqual([3])
    expectStates(text, `the takt time is ${takt} seconds per unit, and station ${over[0]}, at ${stations[over[0]! - 1]} s, cannot keep up`)
  })

  it('QLM-2 figure: station bars to scale, the takt line at 75 s, only station 3 above it', () => {
    const svg = svgOf('QLM', 'QLM-2-stations-and-takt.svg')
    const stations = [62, 71, 80, 68]
    const bars = expectBars(svg, 'bar', stations)
    const base = bars[0]!.y + bars[0]!.h
    const pxPerSecond = bars[0]!.h / stations[0]!
    const taktY = attr(tagById(svg, 'line', 'takt'), 'y1')
    expect((base - taktY) / pxPerSecond).toBeCloseTo(75, 3)
    expect(bars.map((b, i) => (b.y < taktY ? i + 1 : 0)).filter(Boolean)).toEqual([3])
    expect(svg).toContain('= 75 s')
  })

  it('QLM-3 "checking a changeover trial": minutes saved and percent reduction against the goal', () => {
    const text = example('QLM-3', 'checking a changeover trial')
    const [before, after, goal] = [52, 39, 20]
    const saved = before - after
    const pct = (saved / before) * 100
    expectStates(text, `averaged ${before} minutes`, `averaged ${after} minutes`, `${goal}% reduction`)
    expectStates(text, `${before} − ${after} = ${saved} minutes`, `${saved} ÷ ${before} = ${(saved / before).toFixed(2)}, or ${pct}%`)
    expect(pct).toBeGreaterThan(goal)
    expectStates(text, `fell by ${saved} minutes, a ${pct}% reduction, which beats the ${goal}% goal`)
  })

  it('QLM-3 figure: Plan, Do, Check and Act run clockwise around the wheel', () => {
    const svg = svgOf('QLM', 'QLM-3-pdca-cycle.svg')
    const wheel = /<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="#f2f2f2"/.exec(svg)!
    const [cx, cy] = [Number(wheel[1]), Number(wheel[2])]
    const angle = (id: string) => {
      const t = new RegExp(`<text[^>]*id="${id}"[^>]*>`).exec(svg)![0]
      // on screen (y down) a growing atan2 angle turns clockwise; start the count at Plan
      return Math.atan2(attr(t, 'y') - cy, attr(t, 'x') - cx)
    }
    const start = angle('plan')
    const turned = ['plan', 'do', 'check', 'act'].map((id) => (angle(id) - start + 4 * Math.PI) % (2 * Math.PI))
    expect(turned[0]).toBe(0)
    for (let i = 1; i < 4; i++) expect(turned[i]!).toBeGreaterThan(turned[i - 1]!)
    for (const word of ['Plan', 'Do', 'Check', 'Act']) expect(svg).toContain(`>${word}</text>`)
  })
})

// ---------------------------------------------------------------- FLBA

describe('FLBA worked examples and figures', () => {
  const [F, v] = [18000, 4]
  const unitCost = (q: number) => F / q + v

  it('FLBA-1 "unit cost at two volumes": fixed-cost share plus variable cost', () => {
    const text = example('FLBA-1', 'unit cost at two volumes')
    expectStates(text, `${usd(F)} a month`, `${usd(v, 2)} per part`)
    for (const q of [1500, 3000]) {
      expectStates(text, `${usd(F)} ÷ ${num(q)} = ${usd(F / q, 2)} per part`, `${usd(F / q, 2)} + ${usd(v, 2)} = ${usd(unitCost(q), 2)} per part`)
    }
    expectStates(text, `Answer: ${usd(unitCost(1500), 2)} per part at 1,500 parts, and ${usd(unitCost(3000), 2)} per part at 3,000 parts`)
    const md = markdown('FLBA-1')
    for (const q of [4500, 6000]) expect(md).toContain(`${num(q)} parts (${usd(F / q, 2)} + ${usd(v, 2)} = ${usd(unitCost(q), 2)})`)
  })

  it('FLBA-1 figure: stacked bars of the variable cost and the fixed-cost share at four volumes', () => {
    const svg = svgOf('FLBA', 'FLBA-1-unit-cost-by-volume.svg')
    const volumes = [1500, 3000, 4500, 6000]
    const vars = volumes.map((_, i) => tagById(svg, 'rect', `var${i + 1}`))
    const fixed = volumes.map((_, i) => tagById(svg, 'rect', `fixed${i + 1}`))
    const pxPerDollar = attr(vars[0]!, 'height') / v
    volumes.forEach((q, i) => {
      expect(attr(vars[i]!, 'height') / pxPerDollar).toBeCloseTo(v, 3)
      expect(attr(fixed[i]!, 'height') / pxPerDollar).toBeCloseTo(F / q, 3)
      expect(attr(fixed[i]!, 'y') + attr(fixed[i]!, 'height')).toBeCloseTo(attr(vars[i]!, 'y'), 1) // stacked
      expect(svg).toContain(`>${usd(unitCost(q), 2)}</text>`)
      expect(svg).toContain(`>${num(q)}</text>`)
    })
  })

  it('FLBA-1 "a week of scrap and rework": scrap and rework costs from the counts, times and rates', () => {
    const text = example('FLBA-1', 'a week of scrap and rework')
    const scrapped = 2000 * 0.04
    const scrap = scrapped * 7.5
    const labor = (15 / 60) * 40
    const each = labor + 2
    const rework = 25 * each
    expectStates(text, '2,000 parts', '4% were scrapped', '$7.50', '25 parts were reworked', '15 minutes', '$40.00 per hour', '$2.00')
    expectStates(text, `0.04 × 2,000 = ${scrapped} parts`, `${scrapped} × $7.50 = ${usd(scrap)}`, `0.25 × $40.00 = ${usd(labor, 2)}`)
    expectStates(text, `${usd(labor, 2)} + $2.00 = ${usd(each, 2)}`, `25 × ${usd(each, 2)} = ${usd(rework)}`, `${usd(scrap)} + ${usd(rework)} = ${usd(scrap + rework)}`)
    expectStates(text, `a total of ${usd(scrap + rework)} for the week`)
  })

  it('FLBA-2 "margin and markup on a fitting": margin divides by the price, markup by the cost', () => {
    const text = example('FLBA-2', 'margin and markup on a fitting')
    const [price, cost] = [50, 35]
    const margin = price - cost
    expectStates(text, `${usd(price, 2)} − ${usd(cost, 2)} = ${usd(margin, 2)}`, `${usd(margin, 2)} ÷ ${usd(price, 2)} = ${(margin / price).toFixed(2)}, or ${(margin / price) * 100}%`)
    expectStates(text, `${usd(margin, 2)} ÷ ${usd(cost, 2)} = ${(margin / cost).toFixed(4)}, or about ${((margin / cost) * 100).toFixed(1)}%`)
    // the two traps stated after the example
    const md = markdown('FLBA-2')
    expect([(50 / 200) * 100, (24 / 80) * 100]).toEqual([25, 30])
    expect(md).toContain('a $200 pump that earns $50 has a 25% margin, while an $80 valve that earns $24 has 30%')
    expect([48 / 0.75, 48 * 1.25, (60 - 48) / 60]).toEqual([64, 60, 0.2])
    expect(md).toContain('price = $48 ÷ 0.75 = $64. Adding 25% to the cost gives $60, which is a 25% markup but only a 20% margin ($12 ÷ $60)')
  })

  const [fixed, price, variable] = [15000, 25, 15]
  const breakEven = fixed / (price - variable)

  it('FLBA-2 "break-even for a pump kit": fixed costs ÷ contribution per unit', () => {
    const text = example('FLBA-2', 'break-even for a pump kit')
    expectStates(text, `${usd(fixed)} a month`, `sells for ${usd(price)}`, `variable cost of ${usd(variable)}`)
    expectStates(text, `${usd(price)} − ${usd(variable)} = ${usd(price - variable)}`, `${usd(fixed)} ÷ ${usd(price - variable)} = ${num(breakEven)} kits`)
    expectStates(text, `${num(breakEven)} × ${usd(price)} = ${usd(breakEven * price)}`, `${usd(fixed)} + ${num(breakEven)} × ${usd(variable)} = ${usd(fixed)} + ${usd(breakEven * variable)} = ${usd(fixed + breakEven * variable)}`)
    expect(breakEven * price).toBe(fixed + breakEven * variable)
  })

  it('FLBA-2 figure: the revenue and total cost lines are drawn to the example and cross at the marked break-even point', () => {
    const svg = svgOf('FLBA', 'FLBA-2-break-even.svg')
    const line = (id: string) => {
      const t = tagById(svg, 'line', id)
      return { x1: attr(t, 'x1'), y1: attr(t, 'y1'), x2: attr(t, 'x2'), y2: attr(t, 'y2') }
    }
    const rev = line('revenue')
    const tc = line('total-cost')
    const xAt = (label: string) => attr(new RegExp(`<text[^>]*>${label}</text>`).exec(svg)![0], 'x')
    const yAt = (label: string) => attr(new RegExp(`<text[^>]*>\\${label}</text>`).exec(svg)![0], 'y') - 5
    const units = (x: number) => ((x - rev.x1) / (xAt('3,000') - rev.x1)) * 3000
    const dollars = (y: number) => ((rev.y1 - y) / (rev.y1 - yAt('$75,000'))) * 75000
    const data = (l: typeof rev) => [units(l.x1), dollars(l.y1), units(l.x2), dollars(l.y2)].map((n) => Math.round(n))
    expect(data(rev)).toEqual([0, 0, 3000, price * 3000])
    expect(data(tc)).toEqual([0, fixed, 3000, fixed + variable * 3000])
    expect(data(line('fixed-cost'))).toEqual([0, fixed, 3000, fixed])
    // where the two drawn lines cross, in pixels, read back as units and dollars
    const slope = (l: typeof rev) => (l.y2 - l.y1) / (l.x2 - l.x1)
    const x = (tc.y1 - rev.y1) / (slope(rev) - slope(tc)) + rev.x1
    const y = rev.y1 + slope(rev) * (x - rev.x1)
    expect(Math.round(units(x))).toBe(breakEven)
    expect(Math.round(dollars(y))).toBe(breakEven * price)
    const marker = tagById(svg, 'circle', 'break-even')
    expect(attr(marker, 'cx')).toBeCloseTo(x, 1)
    expect(attr(marker, 'cy')).toBeCloseTo(y, 1)
    expect(svg).toContain(`Break-even: ${num(breakEven)} units, ${usd(breakEven * price)}`)
  })

  it('FLBA-2 "a machining cell\'s month": each variance = actual − budget, with its direction, and the total', () => {
    const text = example('FLBA-2', "a machining cell's month")
    const rows: [string, number, number][] = [['Direct labor', 28000, 29400], ['Tooling', 6500, 5900], ['Maintenance', 3200, 3950], ['Utilities', 4800, 4750]]
    for (const [name, budget, actual] of rows) {
      const variance = actual - budget
      expectStates(text, `| ${name} | ${usd(budget)} | ${usd(actual)} |`)
      expectStates(text, `${name}: ${usd(actual)} − ${usd(budget)} = ${variance > 0 ? '+' : ''}${usd(variance)}, ${variance > 0 ? 'unfavorable' : 'favorable'}`)
    }
    const budget = sum(rows.map((r) => r[1]))
    const actual = sum(rows.map((r) => r[2]))
    expectStates(text, `budget ${rows.map((r) => usd(r[1])).join(' + ')} = ${usd(budget)}`, `actual ${rows.map((r) => usd(r[2])).join(' + ')} = ${usd(actual)}`)
    expectStates(text, `variance ${usd(actual)} − ${usd(budget)} = +${usd(actual - budget)}`, `Answer: the cell was ${usd(actual - budget)} over budget (unfavorable)`)
    const worst = rows.reduce((a, b) => (b[2] - b[1] > a[2] - a[1] ? b : a))
    expectStates(text, `${worst[0]}, +${usd(worst[2] - worst[1])}, is the largest unfavorable line`)
  })

  it('FLBA-3 "a plant\'s quality costs for a quarter": the four categories, the total and the failure share', () => {
    const text = example('FLBA-3', "a plant's quality costs for a quarter")
    const cats = { prevention: [3000, 2000], appraisal: [6500, 1500], internal: [9000, 4000], external: [14000] }
    const totals = Object.values(cats).map(sum)
    const total = sum(totals)
    const failure = totals[2]! + totals[3]!
    expectStates(text, `Prevention: ${cats.prevention.map((c) => usd(c)).join(' + ')} = ${usd(totals[0]!)}`, `Appraisal: ${cats.appraisal.map((c) => usd(c)).join(' + ')} = ${usd(totals[1]!)}`)
    expectStates(text, `Internal failure: ${cats.internal.map((c) => usd(c)).join(' + ')} = ${usd(totals[2]!)}`, `External failure: ${usd(totals[3]!)}`)
    expectStates(text, `Total: ${totals.map((t) => usd(t)).join(' + ')} = ${usd(total)}`, `${usd(failure)} ÷ ${usd(total)} = ${failure / total}`)
    expectStates(text, `the cost of quality is ${usd(total)}, and ${(failure / total) * 100}% of it is failure cost`)
  })

  const oee = { planned: 450, down: 45, ideal: 0.75, made: 480, good: 456 }
  const run = oee.planned - oee.down
  const net = oee.ideal * oee.made
  const productive = oee.ideal * oee.good

  it('FLBA-3 "OEE for one shift": availability × performance × quality, and the shortcut agrees', () => {
    const text = example('FLBA-3', 'OEE for one shift')
    const [a, p, q] = [run / oee.planned, net / run, oee.good / oee.made]
    const result = a * p * q
    expect(result).toBeCloseTo(productive / oee.planned, 12)
    expectStates(text, `${oee.planned} − ${oee.down} = ${run} minutes`, `${run} ÷ ${oee.planned} = ${a.toFixed(3)}`)
    expectStates(text, `(${oee.ideal} × ${oee.made}) ÷ ${run} = ${net} ÷ ${run} = ${p.toFixed(3)}`, `${oee.good} ÷ ${oee.made} = ${q.toFixed(3)}`)
    expectStates(text, `${a.toFixed(3)} × ${p.toFixed(3)} × ${q.toFixed(3)} = ${result.toFixed(3)}`, `(${oee.good} × ${oee.ideal}) ÷ ${oee.planned} = ${productive} ÷ ${oee.planned} = ${(productive / oee.planned).toFixed(3)}`)
    expectStates(text, `Answer: the OEE was ${(result * 100).toFixed(1)}%`)
  })

  it('FLBA-3 figure: the four time bars are the example’s minutes, to scale, each loss the gap to the bar above', () => {
    const svg = svgOf('FLBA', 'FLBA-3-oee-time-bars.svg')
    const minutes = [oee.planned, run, net, productive]
    const widths = minutes.map((_, i) => attr(tagById(svg, 'rect', `bar${i + 1}`), 'width'))
    widths.forEach((w, i) => expect(w / widths[0]!).toBeCloseTo(minutes[i]! / minutes[0]!, 3))
    for (const m of minutes) expect(svg).toContain(`>${m} min</text>`)
    const losses = [oee.down, run - net, net - productive]
    expect(losses).toEqual([45, 45, 18])
    for (const [name, m] of [['Availability', losses[0]], ['Performance', losses[1]], ['Quality', losses[2]]] as const) expect(svg).toContain(`${name} loss ${m} min`)
    expect(svg).toContain(`${productive} ÷ ${oee.planned} = ${Math.round((productive / oee.planned) * 100)}%`)
  })
})

// A lesson's sections are what practice feedback links to: each linked section must exist (the loader
// refuses a link to a missing section) and must teach its items' topic, which the headings show here.
describe('QBA practice links land on the section that teaches the item', () => {
  const sectionOf = (item: string): { lesson: Lesson; heading: string } => {
    for (const lesson of lessons) for (const s of lesson.sections) if (s.practiceItems.includes(item)) return { lesson, heading: s.heading }
    throw new Error(`${item} is not linked`)
  }
  it.each([
    ['MT1-SPC-P02', /Signals/], ['MT1-SPC-P03', /Control limits/], ['MT1-SPC-P05', /Subgroups/], ['MT1-SPC-P06', /Signals/], ['MT1-SPC-P07', /Cpk/],
    ['MT1-SPC-P08', /not specification limits/], ['MT1-SPC-P10', /What to do/], ['MT1-SPC-P11', /capability numbers/],
    ['MT1-QLM-P01', /5S/], ['MT1-QLM-P03', /Fishbone/], ['MT1-QLM-P04', /Pareto/], ['MT1-QLM-P05', /Takt/], ['MT1-QLM-P06', /Fishbone/], ['MT1-QLM-P07', /Check sheets/],
    ['MT1-QLM-P08', /eight wastes/], ['MT1-QLM-P09', /Poka-yoke/], ['MT1-QLM-P10', /5S/], ['MT1-QLM-P11', /PDCA/],
    ['MT1-FLBA-P01', /Break-even/], ['MT1-FLBA-P02', /Margin/], ['MT1-FLBA-P03', /costs of quality/], ['MT1-FLBA-P04', /equipment effectiveness/], ['MT1-FLBA-P05', /Unit cost/],
    ['MT1-FLBA-P06', /Break-even/], ['MT1-FLBA-P07', /Scrap and rework/], ['MT1-FLBA-P08', /Margin/], ['MT1-FLBA-P09', /losses/], ['MT1-FLBA-P10', /budget/], ['MT1-FLBA-P11', /Margin/],
  ])('%s → %s', (item, heading) => {
    const { lesson, heading: h } = sectionOf(item)
    expect(lesson.skill).toBe(item.split('-')[1])
    expect(h).toMatch(heading)
  })
})
