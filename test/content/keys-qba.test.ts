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

// ---------------------------------------------------------------- practice items added for the Learning Lab (P05 onward)

/** The option whose text matches, checked to be the only keyed one of a single-key item. */
function keyedText(item: ParsedItem): string {
  expect(item.correct).toHaveLength(1)
  return item.choiceText(item.correct[0]!)
}

/** The texts of the keyed options, in key order. */
const keyedTexts = (item: ParsedItem): string[] => item.correct.map((id) => item.choiceText(id))

describe('SPC practice keys (Learning Lab)', () => {
  it('MT1-SPC-P05: R-bar = average of the subgroup ranges, each range read from the raw subgroup', () => {
    const subgroups = [[6.32, 6.35, 6.3], [6.34, 6.27, 6.31], [6.33, 6.36, 6.32], [6.29, 6.37, 6.33]]
    const item = readItem('MT1-SPC-P05')
    subgroups.forEach((g, i) => expect(item.stem).toContain(`subgroup ${i + 1}: ${g.map((v) => v.toFixed(2)).join(', ')}`))
    for (const s of ['n = 3', 'nearest 0.01 mm']) expect(item.stem).toContain(s)
    const ranges = subgroups.map((g) => Math.max(...g) - Math.min(...g))
    const rBar = ranges.reduce((a, b) => a + b, 0) / ranges.length
    expectNumericKey(item, rBar, 0.01)
    // neither the range of all twelve readings nor the grand mean is accepted
    const all = subgroups.flat()
    const tol = item.tolerance![0]
    expect(Math.abs(Math.max(...all) - Math.min(...all) - Number(item.correct[0]))).toBeGreaterThan(tol)
    expect(Math.abs(all.reduce((a, b) => a + b, 0) / all.length - Number(item.correct[0]))).toBeGreaterThan(tol)
  })

  it('MT1-SPC-P06: hotspot on the first signal, a point below the LCL, drawn where the data put it', () => {
    const values = [38.1, 37.85, 38.25, 37.95, 38.4, 38.05, 37.7, 37.55, 37.25, 37.9, 38.15, 38.08]
    const [cl, ucl, lcl] = [38.0, 38.6, 37.4]
    const item = readItem('MT1-SPC-P06')
    for (const s of ['38.00 mm', 'UCL = 38.60 mm', 'LCL = 37.40 mm', 'seven points', 'six points']) expect(item.stem).toContain(s)
    values.forEach((v, i) => expect(item.text).toContain(`${i + 1}, ${v.toFixed(2)} mm`))
    const signal = firstSignal(values, cl, ucl, lcl)
    expect(signal).toBe(9)
    expect(values[signal - 1]!).toBeLessThan(lcl) // the signal is the point beyond a limit, not a run or a trend
    expect(firstSignal(values.slice(0, signal - 1), cl, ucl, lcl)).toBe(0)
    const svg = figure('MT1-SPC-P06')
    for (const s of ['UCL = 38.60 mm', 'CL = 38.00 mm', 'LCL = 37.40 mm']) expect(svg).toContain(s)
    const g = expectChartPlots(svg, values, cl, ucl, lcl)
    const spots = hotspots('MT1-SPC-P06')
    const key = spots.find((h) => h.id === item.correct[0])!
    expect(key.label).toBe(`Subgroup ${signal}`)
    for (const h of spots) {
      const n = Number(h.label.replace('Subgroup ', ''))
      expect(Math.abs(h.coords[0]! - g.points[n - 1]!.cx)).toBeLessThanOrEqual(1)
      expect(Math.abs(h.coords[1]! - g.points[n - 1]!.cy)).toBeLessThanOrEqual(1)
      if (h !== key) expect(n).not.toBe(signal)
    }
  })

  it('MT1-SPC-P07: Cpk = min(USL − μ, μ − LSL) / 3σ for an off-center process', () => {
    const item = readItem('MT1-SPC-P07')
    for (const s of ['LSL = 0.747 in', 'USL = 0.753 in', 'μ = 0.7515 in', 'σ = 0.0005 in', 'nearest 0.01']) expect(item.stem).toContain(s)
    const cpk = Math.min(0.753 - 0.7515, 0.7515 - 0.747) / (3 * 0.0005)
    expectNumericKey(item, cpk, 0.01)
    const cp = (0.753 - 0.747) / (6 * 0.0005)
    expect(Math.abs(cp - Number(item.correct[0]))).toBeGreaterThan(item.tolerance![0])
  })

  it('MT1-SPC-P08: a stable chart with parts out of tolerance is in control but not capable', () => {
    const item = readItem('MT1-SPC-P08')
    expect(item.interaction?.kind).toBe('inlineChoice')
    for (const s of ['inside the control limits', 'no runs or trends', '200 shafts', '6 outside the drawing tolerance']) expect(item.stem).toContain(s)
    expect(keyedText(item)).toBe('in statistical control but not capable of meeting the tolerance')
    for (const s of ['in statistical control', '6 of 200', 'not capable']) expect(item.rationale).toContain(s)
  })

  it('MT1-SPC-P09: an X-bar and R chart is set up data first, limits next, plotting last', () => {
    const item = readItem('MT1-SPC-P09')
    expect(item.cardinality).toBe('ordered')
    const starts = ['Collect 20 to 25 subgroups', 'Work out the average', 'Compute the grand mean', 'Plot each new subgroup']
    expect(keyedTexts(item).map((t, i) => t.startsWith(starts[i]!))).toEqual(starts.map(() => true))
  })

  it('MT1-SPC-P10: look for the cause and note it; no ignoring, no moving the limits, no tampering', () => {
    const item = readItem('MT1-SPC-P10')
    expect(item.cardinality).toBe('multiple')
    expect(keyedTexts(item)).toEqual([expect.stringMatching(/^Stop and look for what changed/), expect.stringMatching(/^Note on the chart/)])
    expect(item.choiceIds.filter((id) => !item.correct.includes(id)).map((id) => item.choiceText(id))).toEqual([
      expect.stringMatching(/^Ignore the point/), expect.stringMatching(/^Recalculate the control limits/), expect.stringMatching(/^From now on, adjust the machine/),
    ])
    for (const s of ['special cause', 'tampering']) expect(item.rationale).toContain(s)
  })

  it('MT1-SPC-P11: high Cp with low Cpk means re-center the process', () => {
    const item = readItem('MT1-SPC-P11')
    const [cp, cpk] = [1.6, 0.7]
    for (const s of [`Cp = ${cp.toFixed(2)}`, `Cpk = ${cpk.toFixed(2)}`, 'stable']) expect(item.stem).toContain(s)
    // the deciding fact: the spread fits (Cp ≥ 1.33) but the process is off center (Cpk < 1)
    expect(cp).toBeGreaterThanOrEqual(1.33)
    expect(cpk).toBeLessThan(1)
    expect(keyedText(item)).toMatch(/average back toward the middle of the tolerance/)
    for (const s of ['centering', 'not the problem']) expect(item.rationale).toContain(s)
  })
})

describe('QLM practice keys (Learning Lab)', () => {
  it('MT1-QLM-P05: takt time = daily available time / daily demand', () => {
    const item = readItem('MT1-QLM-P05')
    for (const s of ['five days a week', '450 minutes', '1,500 valves per week', 'nearest whole second']) expect(item.stem).toContain(s)
    expectNumericKey(item, (450 * 60) / (1500 / 5), 1)
    // a week's demand against a day's time is not accepted
    expect(Math.abs((450 * 60) / 1500 - Number(item.correct[0]))).toBeGreaterThan(item.tolerance![0])
  })

  it('MT1-QLM-P06: hotspot on the fishbone category of an environmental cause, on the drawn boxes', () => {
    const item = readItem('MT1-QLM-P06')
    for (const s of ['paint runs on welded frames', 'booth air drops to 55 °F']) expect(item.stem).toContain(s)
    const svg = figure('MT1-QLM-P06')
    const spots = hotspots('MT1-QLM-P06')
    expect(spots.map((h) => h.label).sort()).toEqual(['Machine', 'Man (people)', 'Material', 'Measurement', 'Method', 'Mother Nature (environment)'])
    for (const h of spots) {
      // every hotspot is exactly a category box of the drawing, and the box carries the hotspot's words
      const box = [...svg.matchAll(/<rect id="cat\d"[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'x') === h.coords[0] && attr(r, 'y') === h.coords[1])
      expect(box, h.label).toBeDefined()
      expect([attr(box!, 'x') + attr(box!, 'width'), attr(box!, 'y') + attr(box!, 'height')]).toEqual([h.coords[2], h.coords[3]])
      const after = svg.slice(svg.indexOf(box!) + box!.length)
      const words = [...after.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].slice(0, h.label.includes('(environment)') ? 2 : 1).map((m) => m[1]).join(' ')
      expect(words).toBe(h.label)
    }
    expect(spots.find((h) => h.id === item.correct[0])!.label).toBe('Mother Nature (environment)')
    expect(svg).not.toMatch(/55 °F|cold/) // the figure does not place the cause for the candidate
    for (const s of ['surroundings', 'Mother Nature (environment)']) expect(item.rationale).toContain(s)
  })

  it('MT1-QLM-P07: the tallest Pareto bar comes from the week’s totals, not the worst day', () => {
    const rows: [string, number[]][] = [['Scuffs', [2, 3, 12, 2, 1]], ['Short fill', [5, 6, 4, 5, 6]], ['Crooked label', [3, 4, 3, 5, 4]], ['Loose cap', [1, 2, 2, 1, 3]]]
    const item = readItem('MT1-QLM-P07')
    const raw = rawItem('MT1-QLM-P07')
    for (const [name, days] of rows) expect(raw).toContain(`<th scope="row">${name}</th>${days.map((d) => `<td>${d}</td>`).join('')}`)
    const totals = rows.map(([name, days]) => [name, days.reduce((a, b) => a + b, 0)] as const)
    const tallest = [...totals].sort((a, b) => b[1] - a[1])[0]!
    expect(tallest).toEqual(['Short fill', 26])
    const worstDay = rows.map(([name, days]) => [name, Math.max(...days)] as const).sort((a, b) => b[1] - a[1])[0]![0]
    expect(worstDay).not.toBe(tallest[0])
    expect(keyedText(item)).toBe(tallest[0])
    for (const [name, total] of totals) expect(item.rationale).toContain(`${name.toLowerCase()} ${rows.find((r) => r[0] === name)![1].join(' + ')} = ${total}`)
  })

  it('MT1-QLM-P08: four problems matched to their wastes, motion left over', () => {
    const item = readItem('MT1-QLM-P08')
    const pairs = item.correct.map((p) => p.split(' ').map((id) => item.choiceText(id)))
    expect(pairs.map(([s, t]) => [s!.split(' ').slice(0, 2).join(' '), t])).toEqual([
      ['Finished gears', 'Transportation'], ['A lathe', 'Waiting'], ['Brackets are', 'Extra-processing'], ['Twelve of', 'Defects'],
    ])
    expect(pairs.map(([, t]) => t)).not.toContain('Motion')
    expect(item.rationale).toContain('Motion')
  })

  it('MT1-QLM-P09: poka-yoke devices are the ones that block or stop the mistake', () => {
    const item = readItem('MT1-QLM-P09')
    expect(keyedTexts(item)).toEqual([expect.stringMatching(/keyed so the plug fits only the right way up/), expect.stringMatching(/holds the board until all six screws/)])
    for (const s of ['impossible', 'depend on people remembering']) expect(item.rationale).toContain(s)
  })

  it('MT1-QLM-P10: marked, labeled places for everything is Set in order', () => {
    const item = readItem('MT1-QLM-P10')
    expect(item.interaction?.kind).toBe('inlineChoice')
    expect(item.interaction!.options.map((o) => o.text).sort()).toEqual(['Set in order', 'Shine', 'Sort', 'Standardize', 'Sustain'])
    for (const s of ['shadow board', 'labels each drawer']) expect(item.stem).toContain(s)
    expect(keyedText(item)).toBe('Set in order')
    expect(item.rationale).toContain('marked, labeled place')
  })

  it('MT1-QLM-P11: standardizing a proven change is the Act step', () => {
    const item = readItem('MT1-QLM-P11')
    const raw = rawItem('MT1-QLM-P11')
    expect(item.baseType).toBe('string')
    expect(item.correct).toEqual(['Act'])
    for (const k of ['act', 'adjust']) expect(raw).toContain(`map-key="${k}" mapped-value="1" case-sensitive="false"`)
    for (const k of ['check', 'do', 'plan']) expect(raw).not.toContain(`map-key="${k}"`)
    for (const s of ['compared those results', 'writes the guide-rail setting into the standard work']) expect(item.stem).toContain(s)
    for (const s of ['Check compared', 'is Act']) expect(item.rationale).toContain(s)
  })
})

describe('FLBA practice keys (Learning Lab)', () => {
  it('MT1-FLBA-P05: rise in unit cost = change in the fixed-cost share', () => {
    const item = readItem('MT1-FLBA-P05')
    for (const s of ['$9,000 per month', '$2.25 per part', '3,000 parts', '1,800 parts', 'nearest cent']) expect(item.stem).toContain(s)
    const unit = (q: number) => 9000 / q + 2.25
    expectNumericKey(item, unit(1800) - unit(3000), 0.01)
  })

  it('MT1-FLBA-P06: hotspot on the crossing of revenue and total cost, drawn to the stated costs', () => {
    const [F, v, p] = [12000, 4, 10]
    const item = readItem('MT1-FLBA-P06')
    for (const s of ['$12,000 per month', '$4 per bracket', '$10 per bracket']) expect(item.stem).toContain(s)
    const svg = figure('MT1-FLBA-P06')
    const lineOf = (id: string) => {
      const tag = new RegExp(`<line id="${id}"[^>]*>`).exec(svg)![0]
      return { x1: attr(tag, 'x1'), y1: attr(tag, 'y1'), x2: attr(tag, 'x2'), y2: attr(tag, 'y2') }
    }
    // the scale: the revenue line starts at the origin; the last tick labels are 4,000 brackets and $40,000
    const rev = lineOf('revenue')
    const xAt = (label: string) => attr(new RegExp(`<text[^>]*>${label}</text>`).exec(svg)![0], 'x')
    const yAt = (label: string) => attr(new RegExp(`<text[^>]*>\\${label}</text>`).exec(svg)![0], 'y') - 5
    const units = (x: number) => ((x - rev.x1) / (xAt('4,000') - rev.x1)) * 4000
    const dollars = (y: number) => ((rev.y1 - y) / (rev.y1 - yAt('$40,000'))) * 40000
    const asData = (l: ReturnType<typeof lineOf>) => [units(l.x1), dollars(l.y1), units(l.x2), dollars(l.y2)].map((n) => Math.round(n))
    expect(asData(rev)).toEqual([0, 0, 4000, p * 4000])
    expect(asData(lineOf('total-cost'))).toEqual([0, F, 4000, F + v * 4000])
    expect(asData(lineOf('fixed-cost'))).toEqual([0, F, 4000, F])
    const breakEven = F / (p - v)
    expect(breakEven).toBe(2000)
    const spots = hotspots('MT1-FLBA-P06')
    const at = (label: string) => spots.find((h) => h.label === label)!
    const key = spots.find((h) => h.id === item.correct[0])!
    expect([units(key.coords[0]!), dollars(key.coords[1]!)].map((n) => Math.round(n / 100) * 100)).toEqual([breakEven, p * breakEven])
    // the tempting wrong point: revenue only equal to the fixed costs, at F / p
    expect(Math.round(units(at('Point A').coords[0]!) / 100) * 100).toBe(F / p)
    for (const h of spots) {
      const circle = new RegExp(`<circle id="point${h.label.slice(-1)}"[^>]*>`).exec(svg)![0]
      expect(Math.abs(attr(circle, 'cx') - h.coords[0]!)).toBeLessThanOrEqual(1)
      expect(Math.abs(attr(circle, 'cy') - h.coords[1]!)).toBeLessThanOrEqual(1)
    }
    expect(item.rationale).toContain('$12,000 / $6 = 2,000 brackets')
  })

  it('MT1-FLBA-P07: saving = quantity × (new part − repair)', () => {
    const item = readItem('MT1-FLBA-P07')
    for (const s of ['Fifty castings', '$6.40', '$11.00', 'nearest dollar']) expect(item.stem).toContain(s)
    expectNumericKey(item, 50 * (11 - 6.4), 1)
  })

  it('MT1-FLBA-P08: kits ranked by margin percent, which is not the order of margin dollars', () => {
    const item = readItem('MT1-FLBA-P08')
    const kits = [...item.stem.matchAll(/Kit (\w) sells for \$(\d+\.\d\d) and costs \$(\d+\.\d\d)/g)].map((m) => ({ kit: m[1]!, price: Number(m[2]), cost: Number(m[3]) }))
    expect(kits.map((k) => k.kit)).toEqual(['P', 'Q', 'R', 'S'])
    const byPercent = [...kits].sort((a, b) => (b.price - b.cost) / b.price - (a.price - a.cost) / a.price).map((k) => `Kit ${k.kit}`)
    const byDollars = [...kits].sort((a, b) => b.price - b.cost - (a.price - a.cost)).map((k) => `Kit ${k.kit}`)
    expect(keyedTexts(item)).toEqual(byPercent)
    expect(byDollars).not.toEqual(byPercent)
  })

  it('MT1-FLBA-P09: availability losses are the stops (breakdown, changeover)', () => {
    const item = readItem('MT1-FLBA-P09')
    expect(keyedTexts(item)).toEqual([expect.stringMatching(/stop while a broken drive belt/), expect.stringMatching(/changeover/)])
    for (const s of ['breakdowns', 'changeovers', 'performance', 'quality']) expect(item.rationale).toContain(s)
  })

  it('MT1-FLBA-P10: year-end overrun = 12 × monthly rate − annual budget', () => {
    const item = readItem('MT1-FLBA-P10')
    for (const s of ['$42,000', 'first 9 months', '$33,300']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (33300 / 9) * 12 - 42000)
  })

  it('MT1-FLBA-P11: price for a target margin = cost / (1 − margin)', () => {
    const item = readItem('MT1-FLBA-P11')
    for (const s of ['$36.00', '40%', 'of the selling price']) expect(item.stem).toContain(s)
    expectNumericKey(item, 36 / (1 - 0.4), 0.01)
    expect(Math.abs(36 * 1.4 - Number(item.correct[0]))).toBeGreaterThan(item.tolerance![0]) // a 40% markup is not accepted
  })
})

describe('fact-keyed practice items from before the Learning Lab', () => {
  it('MT1-SPC-P01: X-bar chart ↔ averages, R chart ↔ ranges, control limits ↔ process data, specification limits ↔ drawing', () => {
    const item = readItem('MT1-SPC-P01')
    const pairs = item.correct.map((p) => p.split(' ').map((id) => item.choiceText(id)))
    expect(pairs.map(([l, r]) => [l, r!.split(' ').slice(0, 4).join(' ')])).toEqual([
      ['X̄ chart', 'Tracks the average of'], ['R chart', 'Tracks the spread within'], ['Control limits', 'Calculated from the process\'s'], ['Specification limits', 'Set by the design'],
    ])
    for (const s of ['averages', 'ranges', 'drawing or the customer']) expect(item.rationale).toContain(s)
  })

  it('MT1-SPC-P04: the special causes are the specific events', () => {
    const item = readItem('MT1-SPC-P04')
    expect(keyedTexts(item)).toEqual([expect.stringMatching(/heater band that failed/), expect.stringMatching(/new lot of resin/), expect.stringMatching(/changed by an operator without authorization/)])
    for (const s of ['special causes', 'common causes']) expect(item.rationale).toContain(s)
  })

  it('MT1-QLM-P02: ideas nobody asks for are non-utilized talent', () => {
    const item = readItem('MT1-QLM-P02')
    expect(item.stem).toContain('no one asks for their suggestions')
    expect(keyedText(item)).toBe('Non-utilized talent')
    expect(item.rationale).toContain("Not using people's knowledge, skills and ideas")
  })

  it('MT1-QLM-P03: the label roll and the bottles are Material', () => {
    const item = readItem('MT1-QLM-P03')
    expect(keyedTexts(item)).toEqual(['A label roll with the wrong backing paper', 'Bottles from a new supplier with a slightly tapered shoulder'])
    for (const s of ['Material', 'Machine', 'Method']) expect(item.rationale).toContain(s)
  })

  it('MT1-FLBA-P03: inspection and calibration are appraisal costs', () => {
    const item = readItem('MT1-FLBA-P03')
    expect(keyedTexts(item)).toEqual(['Inspecting incoming steel coils', 'Calibrating the torque wrenches used for audits'])
    for (const s of ['prevention', 'internal failure', 'external failure']) expect(item.rationale).toContain(s)
  })
})

// ---------------------------------------------------------------- the QBA bank as a whole

describe('QBA bank shape', () => {
  const mine = listItemFiles().filter((f) => ['SPC', 'QLM', 'FLBA'].includes(f.skill))

  it('has 12 operational and at least 10 practice items per skill, named by the convention', () => {
    for (const skill of ['SPC', 'QLM', 'FLBA']) {
      const op = mine.filter((f) => f.skill === skill && f.pool === 'operational').map((f) => f.identifier)
      const pr = mine.filter((f) => f.skill === skill && f.pool === 'practice').map((f) => f.identifier)
      expect(op).toEqual(Array.from({ length: 12 }, (_, i) => `MT1-${skill}-${String(i + 1).padStart(3, '0')}`))
      expect(pr.length, skill).toBeGreaterThanOrEqual(10)
      expect(pr).toEqual(Array.from({ length: pr.length }, (_, i) => `MT1-${skill}-P${String(i + 1).padStart(2, '0')}`))
    }
  })

  it('keeps practice items apart from the operational pool: no practice item is a near-copy of an operational one', () => {
    // Word trigrams of the item body; a copy with new numbers still shares most of them. The highest
    // overlap today (about 0.36) comes from the signal-rule sentence every control-chart item repeats.
    const trigrams = (id: string) => {
      const w = readItem(id).text.toLowerCase().match(/[a-z0-9.]+/g) ?? []
      return new Set(w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`))
    }
    const operational = mine.filter((f) => f.pool === 'operational').map((f) => [f.identifier, trigrams(f.identifier)] as const)
    for (const p of mine.filter((f) => f.pool === 'practice')) {
      const t = trigrams(p.identifier)
      for (const [id, o] of operational) {
        const shared = [...t].filter((g) => o.has(g)).length
        expect(shared / (t.size + o.size - shared), `${p.identifier} against ${id}`).toBeLessThan(0.4)
      }
    }
  })

  it('has a key test above for every practice item (none is shipped unchecked by accident)', () => {
    const source = fs.readFileSync(import.meta.filename, 'utf8')
    for (const f of mine.filter((m) => m.pool === 'practice')) expect(source, f.identifier).toContain(`it('${f.identifier}:`)
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
