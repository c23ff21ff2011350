// Key checks for the QBA module items (skills SPC, QLM, FLBA): every computed key is recomputed here from
// the numbers the item states, and every chart is checked against the data it is supposed to plot.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemsRoot, listItemFiles, numberIn, readItem, type ParsedItem } from './item-xml.js'

// ---------------------------------------------------------------- helpers

const round = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals

/** Single choice: the keyed option shows `expected`, and no other option shows the same number. */
function expectChoiceKey(item: ParsedItem, expected: number): void {
  expect(item.cardinality).toBe('single')
  expect(item.correct).toHaveLength(1)
  const key = item.correct[0]!
  expect(numberIn(item.choiceText(key))).toBe(expected)
  for (const id of item.choiceIds.filter((c) => c !== key)) {
    expect(numberIn(item.choiceText(id)), `${item.identifier} option ${id}`).not.toBe(expected)
  }
}

/** Numeric entry: the key is `exact` rounded to the stated step, the tolerance is half a step, and `exact` is accepted. */
function expectNumericKey(item: ParsedItem, exact: number, step: number): void {
  expect(item.baseType).toBe('float')
  const key = Number(item.correct[0])
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
  expect(key).toBe(round(exact, decimals))
  expect(item.tolerance).toEqual([step / 2, step / 2])
  expect(Math.abs(exact - key)).toBeLessThanOrEqual(item.tolerance![0])
}

function rawItem(identifier: string): string {
  const entry = listItemFiles().find((f) => f.identifier === identifier)
  if (!entry) throw new Error(`no item ${identifier}`)
  return fs.readFileSync(entry.file, 'utf8')
}

function figure(identifier: string): string {
  const entry = listItemFiles().find((f) => f.identifier === identifier)
  if (!entry) throw new Error(`no item ${identifier}`)
  return fs.readFileSync(path.join(itemsRoot, entry.pool, entry.skill, 'figures', `${identifier}.svg`), 'utf8')
}

interface Hotspot { id: string; shape: string; coords: number[]; label: string }
function hotspots(identifier: string): Hotspot[] {
  const re = /<qti-hotspot-choice identifier="([^"]+)" shape="([^"]+)" coords="([^"]+)" hotspot-label="([^"]+)"\/>/g
  return [...rawItem(identifier).matchAll(re)].map((m) => ({ id: m[1]!, shape: m[2]!, coords: m[3]!.split(',').map(Number), label: m[4]! }))
}

const attr = (tag: string, name: string): number => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(tag)![1])

/** Centers of the plotted points (<circle id="ptN">) and the y of the UCL, CL and LCL lines of a control chart SVG. */
function chartGeometry(svg: string) {
  const points = [...svg.matchAll(/<circle id="pt(\d+)"[^>]*>/g)].map((m) => ({ n: Number(m[1]), cx: attr(m[0], 'cx'), cy: attr(m[0], 'cy') }))
  const lineY = (id: string) => attr(new RegExp(`<line id="${id}"[^>]*>`).exec(svg)![0], 'y1')
  return { points, ucl: lineY('ucl'), cl: lineY('cl'), lcl: lineY('lcl') }
}

/** The chart's points sit exactly at the plotted values on the scale set by the CL, UCL and LCL lines. */
function expectChartPlots(svg: string, values: number[], cl: number, ucl: number, lcl: number): ReturnType<typeof chartGeometry> {
  const g = chartGeometry(svg)
  expect(g.points.map((p) => p.n)).toEqual(values.map((_, i) => i + 1))
  const pxPerUnit = (g.cl - g.ucl) / (ucl - cl)
  expect(pxPerUnit).toBeGreaterThan(0)
  expect(g.lcl).toBeCloseTo(g.cl + (cl - lcl) * pxPerUnit, 1)
  values.forEach((v, i) => {
    expect(g.points[i]!.cy, `point ${i + 1}`).toBeCloseTo(g.cl - (v - cl) * pxPerUnit, 1)
    if (i > 0) expect(g.points[i]!.cx).toBeGreaterThan(g.points[i - 1]!.cx)
  })
  return g
}

/**
 * First subgroup (1-based) that signals: a point beyond a control limit, the 7th point in a row on one side
 * of the center line, or the 6th point in a row steadily rising or falling. 0 when none.
 */
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

// Standard X-bar and R chart constants, as stated in the items.
const A2 = { 4: 0.729, 5: 0.577 } as const
const D4 = { 4: 2.282, 5: 2.114 } as const

// ---------------------------------------------------------------- SPC

describe('SPC keys', () => {
  it('MT1-SPC-001: UCL of the X-bar chart = grand mean + A2 × R-bar', () => {
    const item = readItem('MT1-SPC-001')
    for (const s of ['n = 5', '25.000 mm', '0.040 mm', '0.577', '2.114']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round(25.0 + A2[5] * 0.04, 3))
    expect(numberIn(item.choiceText(item.correct[0]!))).toBe(25.023)
  })

  it('MT1-SPC-002: UCL of the R chart = D4 × R-bar', () => {
    const item = readItem('MT1-SPC-002')
    for (const s of ['n = 5', '8.0 mL', '2.114', 'nearest 0.1 mL']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round(D4[5] * 8.0, 1))
  })

  it('MT1-SPC-003: X-bar of one subgroup', () => {
    const item = readItem('MT1-SPC-003')
    const xs = [10.12, 10.08, 10.15, 10.1, 10.05]
    for (const s of ['10.12 mm', '10.08 mm', '10.15 mm', '10.10 mm', '10.05 mm', 'nearest 0.01 mm']) expect(item.stem).toContain(s)
    expectNumericKey(item, xs.reduce((a, b) => a + b, 0) / xs.length, 0.01)
    // the range (what the R chart plots) is not accepted
    expect(Math.abs(Math.max(...xs) - Math.min(...xs) - Number(item.correct[0]))).toBeGreaterThan(item.tolerance![0])
  })

  it('MT1-SPC-004: LCL of the X-bar chart = center line − A2 × R-bar (n = 4)', () => {
    const item = readItem('MT1-SPC-004')
    for (const s of ['n = 4', '12.50 N·m', '0.40 N·m', '0.729', 'nearest 0.01 N·m']) expect(item.stem).toContain(s)
    expectNumericKey(item, 12.5 - A2[4] * 0.4, 0.01)
  })

  it('MT1-SPC-007: Cp = (USL − LSL) / 6σ', () => {
    const item = readItem('MT1-SPC-007')
    for (const s of ['LSL = 9.94 mm', 'USL = 10.06 mm', 'σ = 0.015 mm']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round((10.06 - 9.94) / (6 * 0.015), 2))
  })

  it('MT1-SPC-008: Cpk = min(USL − μ, μ − LSL) / 3σ', () => {
    const item = readItem('MT1-SPC-008')
    for (const s of ['LSL = 19.70 mm', 'USL = 20.30 mm', 'μ = 20.10 mm', 'σ = 0.05 mm']) expect(item.stem).toContain(s)
    const cpk = Math.min(20.3 - 20.1, 20.1 - 19.7) / (3 * 0.05)
    expectChoiceKey(item, round(cpk, 2))
    // Cp is offered as a distractor and differs from Cpk
    const cp = round((20.3 - 19.7) / (6 * 0.05), 2)
    expect(item.choiceIds.map((c) => numberIn(item.choiceText(c)))).toContain(cp)
    expect(cp).not.toBe(round(cpk, 2))
  })

  it('MT1-SPC-009: hotspot on the first out-of-control point (run of seven)', () => {
    const values = [11.92, 12.05, 11.96, 12.08, 12.04, 12.12, 12.06, 12.15, 12.09, 12.18, 12.33, 12.1]
    const [cl, ucl, lcl] = [12.0, 12.3, 11.7]
    const item = readItem('MT1-SPC-009')
    for (const s of ['12.00 g', 'UCL = 12.30 g', 'LCL = 11.70 g', 'seven points', 'six points']) expect(item.stem).toContain(s)
    values.forEach((v, i) => expect(item.text).toContain(`${i + 1}, ${v.toFixed(2)} g`))
    const signal = firstSignal(values, cl, ucl, lcl)
    expect(signal).toBe(10)
    const svg = figure('MT1-SPC-009')
    for (const s of ['UCL = 12.30 g', 'CL = 12.00 g', 'LCL = 11.70 g']) expect(svg).toContain(s)
    const g = expectChartPlots(svg, values, cl, ucl, lcl)
    const spots = hotspots('MT1-SPC-009')
    const key = spots.find((h) => h.id === item.correct[0])!
    expect(key.label).toBe(`Subgroup ${signal}`)
    for (const h of spots) {
      const n = Number(h.label.replace('Subgroup ', ''))
      expect(Math.abs(h.coords[0]! - g.points[n - 1]!.cx)).toBeLessThanOrEqual(1)
      expect(Math.abs(h.coords[1]! - g.points[n - 1]!.cy)).toBeLessThanOrEqual(1)
      if (h !== key) expect(n).not.toBe(signal)
    }
  })

  it('MT1-SPC-P02: first signal on a chart is a rising trend of six', () => {
    const values = [24.6, 25.8, 24.2, 23.9, 24.5, 25.1, 25.6, 26.3, 27.0, 27.7, 26.5, 25.2]
    const [cl, ucl, lcl] = [25.0, 28.0, 22.0]
    const item = readItem('MT1-SPC-P02')
    for (const s of ['25.0 µm', 'UCL = 28.0 µm', 'LCL = 22.0 µm', 'seven points', 'six points']) expect(item.stem).toContain(s)
    values.forEach((v, i) => expect(item.text).toContain(`${i + 1}, ${v.toFixed(1)}`))
    const svg = figure('MT1-SPC-P02')
    for (const s of ['UCL = 28.0 µm', 'CL = 25.0 µm', 'LCL = 22.0 µm']) expect(svg).toContain(s)
    expectChartPlots(svg, values, cl, ucl, lcl)
    expect(firstSignal(values, cl, ucl, lcl)).toBe(9)
    expectChoiceKey(item, firstSignal(values, cl, ucl, lcl))
  })

  it('MT1-SPC-P03: both X-bar chart limits (n = 5)', () => {
    const item = readItem('MT1-SPC-P03')
    for (const s of ['n = 5', '3.500 in', '0.010 in', '0.577', 'nearest 0.001 in']) expect(item.stem).toContain(s)
    const limits = [round(3.5 - A2[5] * 0.01, 3), round(3.5 + A2[5] * 0.01, 3)]
    const pair = (id: string) => [...item.choiceText(id).matchAll(/\d+\.\d+/g)].map((m) => Number(m[0]))
    expect(pair(item.correct[0]!)).toEqual(limits)
    for (const id of item.choiceIds.filter((c) => c !== item.correct[0])) {
      expect(pair(id)).not.toEqual(limits)
      expect(pair(id)[0]).not.toBe(limits[0])
      expect(pair(id)[1]).not.toBe(limits[1])
    }
  })
})

// ---------------------------------------------------------------- QLM

describe('QLM keys', () => {
  it('MT1-QLM-001: hotspot on the Pareto bar where the cumulative percentage first reaches 80%', () => {
    const cats = ['Burrs', 'Scratches', 'Dents', 'Cracks', 'Other']
    const counts = [84, 56, 30, 18, 12]
    const total = counts.reduce((a, b) => a + b, 0)
    const item = readItem('MT1-QLM-001')
    expect(item.stem).toContain('200 defects')
    expect(total).toBe(200)
    let cum = 0
    const cumPct = counts.map((c) => Math.round(((cum += c) * 100) / total))
    expect(cumPct).toEqual([42, 70, 85, 94, 100])
    cats.forEach((c, i) => {
      expect(item.text).toContain(`${c} ${counts[i]}`)
      expect(item.text).toContain(`${cumPct[i]}% at ${c}`)
    })
    const target = cumPct.findIndex((p) => p >= 80)
    // the figure: bars in descending order with heights proportional to the counts, labelled with the cumulative percentages
    const svg = figure('MT1-QLM-001')
    const bars = [...svg.matchAll(/<rect id="bar(\d+)"[^>]*>/g)].map((m) => ({ x: attr(m[0], 'x'), w: attr(m[0], 'width'), h: attr(m[0], 'height') }))
    expect(bars).toHaveLength(cats.length)
    bars.forEach((b, i) => expect(b.h / bars[0]!.h).toBeCloseTo(counts[i]! / counts[0]!, 3))
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!)
    for (const p of cumPct) expect(svg).toContain(`>${p}%</text>`)
    for (const c of cats) expect(svg).toContain(`>${c}</text>`)
    const spots = hotspots('MT1-QLM-001')
    const key = spots.find((h) => h.id === item.correct[0])!
    expect(key.label).toBe(cats[target])
    expect(Math.abs(key.coords[0]! - bars[target]!.x)).toBeLessThanOrEqual(1)
    expect(Math.abs(key.coords[2]! - (bars[target]!.x + bars[target]!.w))).toBeLessThanOrEqual(1)
    expect(spots.filter((h) => h.label === cats[target])).toHaveLength(1)
  })

  it('MT1-QLM-002: cumulative percentage at the third Pareto bar', () => {
    const item = readItem('MT1-QLM-002')
    const counts = { 'short shots': 66, flash: 39, 'sink marks': 24, warp: 12, other: 9 }
    for (const [k, v] of Object.entries(counts)) expect(item.stem).toContain(`${k} ${v}`)
    expect(item.stem).toContain('nearest whole percent')
    const sorted = Object.values(counts).sort((a, b) => b - a)
    const total = sorted.reduce((a, b) => a + b, 0)
    expectNumericKey(item, ((sorted[0]! + sorted[1]! + sorted[2]!) / total) * 100, 1)
  })

  it('MT1-QLM-003: takt time = available time / demand (two shifts, in seconds)', () => {
    const item = readItem('MT1-QLM-003')
    for (const s of ['two shifts', '480 minutes', '60 minutes', '1,200 pumps', 'nearest whole second']) expect(item.stem).toContain(s)
    expectNumericKey(item, (2 * (480 - 60) * 60) / 1200, 1)
  })

  it('MT1-QLM-012: takt time = available time / demand (one shift, in minutes)', () => {
    const item = readItem('MT1-QLM-012')
    for (const s of ['480-minute shift', '30 minutes', '225 harnesses']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round((480 - 30) / 225, 2))
  })

  it('MT1-QLM-P04: cumulative percentage at the second Pareto bar', () => {
    const item = readItem('MT1-QLM-P04')
    const counts = { 'film jam': 95, 'label misfeed': 60, 'carton jam': 45, 'sensor fault': 30, other: 20 }
    for (const [k, v] of Object.entries(counts)) expect(item.stem).toContain(`${k} ${v}`)
    expect(item.stem).toContain('250 stoppages')
    const sorted = Object.values(counts).sort((a, b) => b - a)
    const total = sorted.reduce((a, b) => a + b, 0)
    expect(total).toBe(250)
    expectChoiceKey(item, round(((sorted[0]! + sorted[1]!) / total) * 100, 0))
  })

  it('MT1-QLM-007: PDCA order', () => {
    const item = readItem('MT1-QLM-007')
    expect(item.cardinality).toBe('ordered')
    const starts = ['Study the downtime data', 'Try the new changeover method', 'Compare the changeover times', 'Make the new method the standard']
    expect(item.correct.map((id) => item.choiceText(id))).toEqual(starts.map((s) => expect.stringMatching(new RegExp(`^${s}`))))
  })

  it('MT1-QLM-P01: 5S order', () => {
    const item = readItem('MT1-QLM-P01')
    expect(item.cardinality).toBe('ordered')
    const names = ['Sort', 'Set in order', 'Shine', 'Standardize', 'Sustain']
    expect(item.correct.map((id) => item.choiceText(id).split(':')[0])).toEqual(names)
  })
})

// ---------------------------------------------------------------- FLBA

describe('FLBA keys', () => {
  it('MT1-FLBA-001: break-even quantity = fixed / (price − variable)', () => {
    const item = readItem('MT1-FLBA-001')
    for (const s of ['$24,000 per month', '$15.00', '$9.00']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 24000 / (15 - 9))
  })

  it('MT1-FLBA-P01: break-even quantity = fixed / (price − variable)', () => {
    const item = readItem('MT1-FLBA-P01')
    for (const s of ['$18,000 per month', '$24.00', '$15.00']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 18000 / (24 - 15))
  })

  it('MT1-FLBA-002: gross margin % = (price − cost) / price', () => {
    const item = readItem('MT1-FLBA-002')
    for (const s of ['$250.00', '$185.00', 'nearest whole percent']) expect(item.stem).toContain(s)
    expectNumericKey(item, ((250 - 185) / 250) * 100, 1)
  })

  it('MT1-FLBA-P02: gross margin % = (price − cost) / price', () => {
    const item = readItem('MT1-FLBA-P02')
    for (const s of ['$80.00', '$60.00']) expect(item.stem).toContain(s)
    expectChoiceKey(item, ((80 - 60) / 80) * 100)
  })

  it('MT1-FLBA-003: unit cost = fixed / volume + variable', () => {
    const item = readItem('MT1-FLBA-003')
    for (const s of ['$12,000 per month', '$3.50 per part', '4,000 parts']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 12000 / 4000 + 3.5)
  })

  it('MT1-FLBA-006: scrap cost = scrapped quantity × cost per part', () => {
    const item = readItem('MT1-FLBA-006')
    for (const s of ['2,400 brackets', '3%', '$4.50', 'nearest dollar']) expect(item.stem).toContain(s)
    expectNumericKey(item, 2400 * 0.03 * 4.5, 1)
  })

  it('MT1-FLBA-007: rework cost = quantity × (labor + parts)', () => {
    const item = readItem('MT1-FLBA-007')
    for (const s of ['Eighteen', '20 minutes', '$42.00 per hour', '$3.00']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round(18 * ((20 / 60) * 42 + 3), 2))
  })

  it('MT1-FLBA-008: hotspot on the largest unfavorable budget variance', () => {
    const rows: [string, number, number][] = [
      ['Direct labor', 42000, 43500], ['Raw material', 65000, 62400], ['Maintenance supplies', 4000, 6100],
      ['Utilities', 8500, 9200], ['Scrap', 3000, 4800],
    ]
    const item = readItem('MT1-FLBA-008')
    expect(item.stem).toContain('variance = actual − budget')
    const svg = figure('MT1-FLBA-008')
    const fmt = (n: number) => n.toLocaleString('en-US')
    for (const [name, budget, actual] of rows) {
      expect(item.text).toContain(`${name}: budget ${fmt(budget)}, actual ${fmt(actual)}`)
      expect(svg).toMatch(new RegExp(`>${name}</text>\\s*<text[^>]*>${fmt(budget)}</text>\\s*<text[^>]*>${fmt(actual)}</text>`))
    }
    const variances = rows.map(([, b, a]) => a - b)
    const worst = variances.indexOf(Math.max(...variances))
    expect(variances[worst]).toBeGreaterThan(0)
    // the trap: the largest difference in size is favorable, and is not the key
    const largestAbs = variances.map(Math.abs).indexOf(Math.max(...variances.map(Math.abs)))
    expect(largestAbs).not.toBe(worst)
    const spots = hotspots('MT1-FLBA-008')
    const key = spots.find((h) => h.id === item.correct[0])!
    expect(key.label).toBe(rows[worst]![0])
    const rowRect = new RegExp(`<rect id="row${worst + 1}"[^>]*>`).exec(svg)![0]
    expect(key.coords).toEqual([attr(rowRect, 'x'), attr(rowRect, 'y'), attr(rowRect, 'x') + attr(rowRect, 'width'), attr(rowRect, 'y') + attr(rowRect, 'height')])
  })

  it('MT1-FLBA-009: OEE = availability × performance × quality', () => {
    const item = readItem('MT1-FLBA-009')
    for (const s of ['availability 90%', 'performance 95%', 'quality 98%', 'nearest 0.1%']) expect(item.stem).toContain(s)
    expectChoiceKey(item, round(0.9 * 0.95 * 0.98 * 100, 1))
  })

  it('MT1-FLBA-P04: OEE from planned time, run time, ideal cycle, counts', () => {
    const item = readItem('MT1-FLBA-P04')
    for (const s of ['400 minutes', '40 minutes', '360 minutes', '0.5 minute per part', '648 parts', '612 were good']) expect(item.stem).toContain(s)
    const availability = 360 / 400
    const performance = (648 * 0.5) / 360
    const quality = 612 / 648
    const oee = availability * performance * quality
    expect(oee).toBeCloseTo((612 * 0.5) / 400, 12)
    expectChoiceKey(item, round(oee * 100, 1))
  })

  it('MT1-FLBA-012: budget variance = actual − budget, with its direction', () => {
    const item = readItem('MT1-FLBA-012')
    for (const s of ['$5,400', '$6,150', 'variance = actual − budget']) expect(item.stem).toContain(s)
    const signed = (id: string) => {
      const t = item.choiceText(id)
      return (/under budget/.test(t) ? -1 : 1) * numberIn(t)
    }
    const variance = 6150 - 5400
    expect(signed(item.correct[0]!)).toBe(variance)
    expect(item.choiceText(item.correct[0]!)).toContain('unfavorable')
    for (const id of item.choiceIds.filter((c) => c !== item.correct[0])) expect(signed(id)).not.toBe(variance)
  })
})

// ---------------------------------------------------------------- the QBA bank as a whole

describe('QBA bank shape', () => {
  const mine = listItemFiles().filter((f) => ['SPC', 'QLM', 'FLBA'].includes(f.skill))

  it('has 12 operational and 4 practice items per skill, named by the convention', () => {
    for (const skill of ['SPC', 'QLM', 'FLBA']) {
      const op = mine.filter((f) => f.skill === skill && f.pool === 'operational').map((f) => f.identifier)
      const pr = mine.filter((f) => f.skill === skill && f.pool === 'practice').map((f) => f.identifier)
      expect(op).toEqual(Array.from({ length: 12 }, (_, i) => `MT1-${skill}-${String(i + 1).padStart(3, '0')}`))
      expect(pr).toEqual(Array.from({ length: 4 }, (_, i) => `MT1-${skill}-P${String(i + 1).padStart(2, '0')}`))
    }
  })

  it('every item has a key, a rationale, a spoken stem, distinct options and existing figures', () => {
    for (const f of mine) {
      const item = readItem(f.identifier)
      const raw = fs.readFileSync(f.file, 'utf8')
      expect(item.correct.length, f.identifier).toBeGreaterThan(0)
      expect(item.rationale.length, f.identifier).toBeGreaterThan(40)
      expect(item.spoken[0]?.length ?? 0, f.identifier).toBeGreaterThan(20)
      expect(raw).toContain('data-catalog-idref="spoken-stem"')
      const texts = item.choiceIds.map((c) => item.choiceText(c)).filter((t) => t !== '')
      expect(new Set(texts).size, f.identifier).toBe(texts.length)
      for (const k of item.correct) for (const id of k.split(' ')) if (item.baseType !== 'float' && item.baseType !== 'string') expect(item.choiceIds).toContain(id)
      for (const m of raw.matchAll(/<img src="(figures\/[^"]+)"[^>]*>/g)) {
        expect(fs.existsSync(path.join(path.dirname(f.file), m[1]!)), m[1]).toBe(true)
        expect(m[0]).toMatch(/aria-describedby="([^"]+)"/)
        expect(raw).toContain(`id="${/aria-describedby="([^"]+)"/.exec(m[0])![1]}"`)
      }
    }
  })
})
