// Key checks for module MM (Math and Measurement): skills MEAS, ALG and MQ.
// Each test states the numbers, checks that the item states them, computes the answer and checks the key.
// Readings from drawings (rule, caliper, micrometer) are computed from the drawn geometry, which is stated
// here and in the figure's long description, and the figure file is checked to be drawn at that reading.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listItemFiles, numberIn, readItem, type ParsedItem } from './item-xml.js'

const MM_SKILLS = ['MEAS', 'ALG', 'MQ']

/** "1 13/16 in" → 1.8125, "5/8 in" → 0.625, "0.375 in" → 0.375. */
function inchValue(text: string): number {
  const mixed = /(\d+)\s+(\d+)\/(\d+)/.exec(text)
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3])
  const frac = /(\d+)\/(\d+)/.exec(text)
  if (frac) return Number(frac[1]) / Number(frac[2])
  return numberIn(text)
}

/** Evaluates an expression or one side of an equation as printed in an item (×, ÷, −, ², implicit products). */
function evalExpr(expr: string, vars: Record<string, number> = {}): number {
  let js = expr.replace(/−/g, '-').replace(/×/g, '*').replace(/÷/g, '/').replace(/²/g, '**2').replace(/,/g, '')
  js = js.replace(/(\d)\s*([a-z(])/g, '$1*$2')
  for (const [k, v] of Object.entries(vars)) js = js.replace(new RegExp(`\\b${k}\\b`, 'g'), `(${v})`)
  if (!/^[\d\s.+\-*/()]+$/.test(js)) throw new Error(`unexpected expression ${expr} → ${js}`)
  return Function(`"use strict"; return (${js})`)() as number
}

/** True when an equation as printed holds for the given variable values. */
function holds(equation: string, vars: Record<string, number>): boolean {
  const [l, r] = equation.split('=')
  return Math.abs(evalExpr(l!, vars) - evalExpr(r!, vars)) < 1e-9
}

/** Single choice / inline choice: the keyed option shows `value`; no other option does. */
function expectKeyed(item: ParsedItem, value: number, parse: (t: string) => number = numberIn, digits = 6) {
  expect(item.correct).toHaveLength(1)
  expect(parse(item.choiceText(item.correct[0]!))).toBeCloseTo(value, digits)
  for (const id of item.choiceIds.filter((c) => c !== item.correct[0])) {
    expect(Math.abs(parse(item.choiceText(id)) - value)).toBeGreaterThan(10 ** -digits)
  }
}

/** Numeric entry: the key equals the computed (rounded) value, the tolerance is as documented, and the exact value scores. */
function expectNumeric(item: ParsedItem, key: number, tol: number, exact: number = key) {
  expect(item.baseType).toBe('float')
  expect(Number(item.correct[0])).toBeCloseTo(key, 9)
  expect(item.tolerance).toEqual([tol, tol])
  expect(Math.abs(exact - Number(item.correct[0]))).toBeLessThanOrEqual(tol + 1e-12)
}

function fileOf(identifier: string): string {
  const f = listItemFiles().find((x) => x.identifier === identifier)
  if (!f) throw new Error(`no file for ${identifier}`)
  return f.file
}
function figureOf(identifier: string): string {
  const file = fileOf(identifier)
  return fs.readFileSync(path.join(path.dirname(file), 'figures', `${identifier}.svg`), 'utf8')
}
/** Right edge (x + width) of the hatched part drawn against a rule. */
function hatchedRightEdge(svgText: string): number {
  const m = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="url\(#hatch\)"/.exec(svgText)
  if (!m) throw new Error('no hatched part in figure')
  return Number(m[1]) + Number(m[2])
}
function hotspots(identifier: string): Map<string, { coords: number[]; label: string }> {
  const xml = fs.readFileSync(fileOf(identifier), 'utf8')
  const out = new Map<string, { coords: number[]; label: string }>()
  for (const m of xml.matchAll(/<qti-hotspot-choice identifier="(\w+)" shape="rect" coords="([\d,]+)" hotspot-label="([^"]*)"/g)) {
    out.set(m[1]!, { coords: m[2]!.split(',').map(Number), label: m[3]! })
  }
  return out
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2
}
const mode = (xs: number[]) => {
  const counts = new Map<number, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  const top = Math.max(...counts.values())
  const modes = [...counts].filter(([, c]) => c === top).map(([v]) => v)
  if (modes.length !== 1) throw new Error('data set has no single mode')
  return modes[0]!
}
const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs)

// ------------------------------------------------------------------ every MM item
describe('MM items: structure', () => {
  const files = listItemFiles().filter((f) => MM_SKILLS.includes(f.skill))
  // The Learning Lab's practice pool: at least ten items per skill, numbered without gaps.
  const PRACTICE: Record<string, number> = { MEAS: 11, ALG: 10, MQ: 11 }
  it('has 12 operational items and 10 or 11 practice items per skill', () => {
    for (const skill of MM_SKILLS) {
      expect(files.filter((f) => f.skill === skill && f.pool === 'operational').map((f) => f.identifier)).toEqual(
        Array.from({ length: 12 }, (_, i) => `MT1-${skill}-${String(i + 1).padStart(3, '0')}`),
      )
      expect(files.filter((f) => f.skill === skill && f.pool === 'practice').map((f) => f.identifier)).toEqual(
        Array.from({ length: PRACTICE[skill]! }, (_, i) => `MT1-${skill}-P${String(i + 1).padStart(2, '0')}`),
      )
    }
  })
  for (const f of files) {
    it(`${f.identifier} has a key, a rationale, spoken text and distinct options`, () => {
      const item = readItem(f.identifier)
      expect(item.correct.length).toBeGreaterThan(0)
      expect(item.rationale.length).toBeGreaterThan(40)
      expect(item.spoken[0]?.length ?? 0).toBeGreaterThan(10)
      const texts = item.choiceIds.map((id) => item.choiceText(id)).filter((t) => t !== '')
      expect(new Set(texts).size).toBe(texts.length)
    })
  }
})

// ------------------------------------------------------------------ MEAS
describe('MEAS keys', () => {
  it('MT1-MEAS-001 decimal-inch rule: part edge 3 marks of 0.02 in past 1.4 in = 1.46 in', () => {
    const item = readItem('MT1-MEAS-001')
    expect(item.stem).toContain('0.02 in')
    // drawn geometry: rule 0 at x = 35 px, 270 px per inch; edge at 1.4 in + 3 × 0.02 in
    const reading = 1.4 + 3 * 0.02
    expect(item.text).toContain('1.4 in + 3 × 0.02 in = 1.46 in')
    expect(hatchedRightEdge(figureOf('MT1-MEAS-001'))).toBeCloseTo(35 + reading * 270, 1)
    expectKeyed(item, reading)
  })

  it('MT1-MEAS-002 fractional rule: bolt end 13 sixteenths past 1 in = 1 13/16 in', () => {
    const item = readItem('MT1-MEAS-002')
    expect(item.stem).toContain('sixteenths')
    // drawn geometry: rule 0 at x = 30 px, 190 px per inch; bolt end at 1 in + 13/16 in
    const reading = 1 + 13 / 16
    expect(item.text).toContain('1 inch plus 13 sixteenth marks')
    expect(hatchedRightEdge(figureOf('MT1-MEAS-002'))).toBeCloseTo(30 + reading * 190, 1)
    expectKeyed(item, reading, inchValue)
  })

  it('MT1-MEAS-003 dial caliper: beam 1.4 in + dial 37 × 0.001 in = 1.437 in', () => {
    const item = readItem('MT1-MEAS-003')
    expect(item.stem).toContain('0.001 in per dial division')
    const reading = 1.4 + 37 * 0.001
    expect(item.text).toContain('1.4 in + 37 × 0.001 in = 1.437 in')
    const svgText = figureOf('MT1-MEAS-003')
    // reading edge (dashed line) at x = 40 px + reading × 160 px per inch
    const edge = /<line x1="([\d.]+)" y1="40" x2="[\d.]+" y2="78" [^>]*stroke-dasharray/.exec(svgText)
    expect(Number(edge![1])).toBeCloseTo(40 + reading * 160, 1)
    // dial pointer: 3.6° per division, clockwise from the top, centre (xs + 125, 270), length 98 px
    const xs = 40 + reading * 160
    const a = (37 * 3.6 * Math.PI) / 180
    const pointer = new RegExp(`<line x1="${+(xs + 125).toFixed(2)}" y1="270" x2="([\\d.]+)" y2="([\\d.]+)" stroke="#000000" stroke-width="3"`).exec(svgText)
    expect(Number(pointer![1])).toBeCloseTo(xs + 125 + 98 * Math.sin(a), 1)
    expect(Number(pointer![2])).toBeCloseTo(270 - 98 * Math.cos(a), 1)
    expectKeyed(item, reading)
  })

  it('MT1-MEAS-004 micrometer: sleeve 0.300 + 1 × 0.025, thimble line 17 → 0.342 in', () => {
    const item = readItem('MT1-MEAS-004')
    expect(item.stem).toContain('0.025 in')
    expect(item.stem).toContain('0.001 in')
    const sleeve = 0.3 + 1 * 0.025
    const reading = sleeve + 17 * 0.001
    expect(item.text).toContain('0.300 in + 1 × 0.025 in = 0.325 in')
    expect(item.text).toContain('0.325 in + 17 × 0.001 in = 0.342 in')
    // thimble edge drawn at x = 70 px + reading × 800 px per inch
    const svgText = figureOf('MT1-MEAS-004')
    const thimble = /<path d="M ([\d.]+) /.exec(svgText)
    expect(Number(thimble![1])).toBeCloseTo(70 + reading * 800, 1)
    // index line at y = 130; thimble line 17 drawn on it, 10 px per line, numbers increasing upward
    expect(svgText).toContain(`<line x1="${+(70 + reading * 800).toFixed(2)}" y1="130"`)
    expectKeyed(item, reading)
  })

  it('MT1-MEAS-005 2.50 in × 25.4 = 63.5 mm', () => {
    const item = readItem('MT1-MEAS-005')
    expect(item.stem).toContain('2.50 in')
    expect(item.stem).toContain('25.4 mm')
    expectKeyed(item, 2.5 * 25.4)
  })

  it('MT1-MEAS-006 275 gal × 8.4 lb/gal = 2,310 lb', () => {
    const item = readItem('MT1-MEAS-006')
    expect(item.stem).toContain('275 gal')
    expect(item.stem).toContain('8.4 lb per gallon')
    expectKeyed(item, 275 * 8.4)
  })

  it('MT1-MEAS-007 total tolerance of 2.375 ± 0.004 in = 0.008 in', () => {
    const item = readItem('MT1-MEAS-007')
    expect(item.stem).toContain('2.375 ± 0.004 in')
    const upper = 2.375 + 0.004
    const lower = 2.375 - 0.004
    expectKeyed(item, upper - lower)
  })

  it('MT1-MEAS-008 shafts within 0.750 +0.000/−0.002 in', () => {
    const item = readItem('MT1-MEAS-008')
    expect(item.stem).toContain('0.750 in +0.000 / −0.002 in')
    const lower = 0.75 - 0.002
    const upper = 0.75 + 0
    const within = item.choiceIds.filter((id) => {
      const d = Number(/:\s*([\d.]+)/.exec(item.choiceText(id))![1])
      return d >= lower - 1e-12 && d <= upper + 1e-12
    })
    expect(item.cardinality).toBe('multiple')
    expect([...item.correct].sort()).toEqual(within.sort())
  })

  it('MT1-MEAS-009 42 mm ÷ 25.4 = 1.654 in (±0.0005)', () => {
    const item = readItem('MT1-MEAS-009')
    expect(item.stem).toContain('42 mm')
    expect(item.stem).toContain('25.4 mm')
    expect(item.stem).toContain('nearest 0.001 in')
    const exact = 42 / 25.4
    expectNumeric(item, Math.round(exact * 1000) / 1000, 0.0005, exact)
  })

  it('MT1-MEAS-010 upper limit of 12.00 +0.05/−0.02 mm = 12.05 mm', () => {
    const item = readItem('MT1-MEAS-010')
    expect(item.stem).toContain('12.00 mm +0.05 / −0.02 mm')
    expectKeyed(item, 12.0 + 0.05)
  })

  it('MT1-MEAS-011 fractions matched to decimal inches', () => {
    const item = readItem('MT1-MEAS-011')
    const left = ['L1', 'L2', 'L3', 'L4']
    const right = ['R1', 'R2', 'R3', 'R4', 'R5']
    const expected = left.map((l) => {
      const v = inchValue(item.choiceText(l))
      const matches = right.filter((r) => Math.abs(numberIn(item.choiceText(r)) - v) < 1e-9)
      expect(matches).toHaveLength(1)
      return `${l} ${matches[0]}`
    })
    expect([...item.correct].sort()).toEqual(expected.sort())
    expect(item.baseType).toBe('directedPair')
  })

  it('MT1-MEAS-012 hotspot on the 2 5/16 in mark', () => {
    const item = readItem('MT1-MEAS-012')
    expect(item.stem).toContain('2 5/16 in')
    // drawn geometry: rule from 1 in at x = 30 px, 280 px per inch
    const x = 30 + (2 + 5 / 16 - 1) * 280
    const spots = hotspots('MT1-MEAS-012')
    const key = spots.get(item.correct[0]!)!
    expect(key.label).toBe('mark 2 5/16 in')
    expect(Math.abs((key.coords[0]! + key.coords[2]!) / 2 - x)).toBeLessThanOrEqual(1)
    for (const [id, s] of spots) if (id !== item.correct[0]) expect(s.coords[0]! > x || s.coords[2]! < x).toBe(true)
  })

  it('MT1-MEAS-P01 metric rule: 30 mm + 7 mm + 0.5 mm = 37.5 mm', () => {
    const item = readItem('MT1-MEAS-P01')
    expect(item.stem).toContain('0.5 mm')
    const reading = 30 + 7 + 0.5
    expect(item.text).toContain('30 + 7 + 0.5 = 37.5 mm')
    // drawn geometry: 0 at x = 35 px, 11 px per mm
    expect(hatchedRightEdge(figureOf('MT1-MEAS-P01'))).toBeCloseTo(35 + reading * 11, 1)
    expectKeyed(item, reading)
  })

  it('MT1-MEAS-P02 values equal to 3/8 in', () => {
    const item = readItem('MT1-MEAS-P02')
    expect(item.stem).toContain('3/8 in')
    expect(item.stem).toContain('25.4 mm')
    const target = 3 / 8
    const equal = item.choiceIds.filter((id) => {
      const t = item.choiceText(id)
      const inches = t.endsWith('mm') ? numberIn(t) / 25.4 : inchValue(t)
      return Math.abs(inches - target) < 1e-9
    })
    expect([...item.correct].sort()).toEqual(equal.sort())
  })

  it('MT1-MEAS-P03 5 gal × 3.785 L/gal = 18.925 L → 18.9 L (±0.05)', () => {
    const item = readItem('MT1-MEAS-P03')
    expect(item.stem).toContain('5 gal')
    expect(item.stem).toContain('3.785 L')
    expect(item.stem).toContain('nearest 0.1 L')
    const exact = 5 * 3.785
    expectNumeric(item, Math.round(exact * 10) / 10, 0.05, exact)
  })

  it('MT1-MEAS-P04 0.625 in = 5/8 in in lowest terms', () => {
    const item = readItem('MT1-MEAS-P04')
    expect(item.stem).toContain('0.625 in')
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
    const g = gcd(625, 1000)
    expect(item.correct[0]).toBe(`${625 / g}/${1000 / g}`)
    expect(item.baseType).toBe('string')
  })
  it('MT1-MEAS-P05 metric micrometer: sleeve 7 + 0.5 mm, thimble line 28 × 0.01 mm → 7.78 mm', () => {
    const item = readItem('MT1-MEAS-P05')
    expect(item.stem).toContain('half millimeters')
    expect(item.stem).toContain('0.01 mm')
    const reading = 7 + 0.5 + 28 * 0.01
    expect(item.text).toContain('7 + 0.5 + 28 × 0.01 = 7.78 mm')
    // drawn geometry: sleeve 0 at x = 40 px, 30 px per mm, index line at y = 130 with whole-mm marks above it and
    // half-mm marks below; thimble edge at the reading; thimble lines 10 px apart, numbers increasing upward
    const svgText = figureOf('MT1-MEAS-P05')
    const edge = Number(/<path d="M ([\d.]+) /.exec(svgText)![1])
    expect(edge).toBeCloseTo(40 + reading * 30, 1)
    const marks = [...svgText.matchAll(/<line x1="([\d.]+)" y1="130" x2="\1" y2="(\d+)"/g)].map((m) => ({ mm: (Number(m[1]) - 40) / 30, below: Number(m[2]) > 130 }))
    const shown = marks.filter((m) => m.mm * 30 + 40 < edge)
    expect(shown.filter((m) => !m.below).map((m) => m.mm)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const sleeve = Math.max(...shown.map((m) => m.mm))
    expect(sleeve).toBe(7.5)
    const label30 = Number(/<text x="[\d.]+" y="([\d.]+)"[^>]*>30<\/text>/.exec(svgText)![1]) - 5
    const onIndex = 30 - (130 - label30) / 10
    expect(onIndex).toBe(28)
    expect(sleeve + onIndex * 0.01).toBeCloseTo(reading, 9)
    expectKeyed(item, reading)
  })

  it('MT1-MEAS-P06 drills ordered by size in millimeters (1 in = 25.4 mm)', () => {
    const item = readItem('MT1-MEAS-P06')
    expect(item.stem).toContain('1 in = 25.4 mm')
    const mm = (t: string) => (t.endsWith('mm') ? numberIn(t) : inchValue(t) * 25.4)
    const sizes = item.choiceIds.map((id) => ({ id, mm: mm(item.choiceText(id)) }))
    expect(new Set(sizes.map((s) => s.mm.toFixed(3))).size).toBe(sizes.length)
    expect(sizes.map((s) => +s.mm.toFixed(3)).sort((a, b) => a - b)).toEqual([5.08, 5.5, 5.556, 6])
    expect(item.cardinality).toBe('ordered')
    expect(item.correct).toEqual([...sizes].sort((a, b) => a.mm - b.mm).map((s) => s.id))
  })

  it('MT1-MEAS-P07 6.32 mm against 6.35 ± 0.02 mm is 0.01 mm under the lower limit', () => {
    const item = readItem('MT1-MEAS-P07')
    expect(item.stem).toContain('6.35 ± 0.02 mm')
    expect(item.stem).toContain('6.32 mm')
    const [lower, upper, measured] = [6.35 - 0.02, 6.35 + 0.02, 6.32]
    const holdsFor = (t: string) => {
      if (t === 'within tolerance') return measured >= lower && measured <= upper
      const m = /^([\d.]+) mm (under|over) the (lower|upper) limit$/.exec(t)!
      const by = m[2] === 'under' ? (m[3] === 'lower' ? lower : upper) - measured : measured - (m[3] === 'upper' ? upper : lower)
      return by > 0 && Math.abs(by - Number(m[1])) < 1e-9
    }
    expect(item.choiceIds.filter((id) => holdsFor(item.choiceText(id)))).toEqual(item.correct)
    expect(item.choiceText(item.correct[0]!)).toBe('0.01 mm under the lower limit')
  })

  it('MT1-MEAS-P08 24 × 12 × 10 in³ ÷ 231 = 12.47 gal → 12.5 gal (±0.05)', () => {
    const item = readItem('MT1-MEAS-P08')
    for (const s of ['24 in long', '12 in wide', '10 in deep', '1 gal = 231 in³', 'nearest 0.1 gal']) expect(item.stem).toContain(s)
    const exact = (24 * 12 * 10) / 231
    expectNumeric(item, Math.round(exact * 10) / 10, 0.05, exact)
  })

  it('MT1-MEAS-P09 US quantities matched to SI by multiplying by the factor', () => {
    const item = readItem('MT1-MEAS-P09')
    expect(item.stem).toContain('1 in = 25.4 mm, 1 gal = 3.785 L and 1 lb = 0.4536 kg')
    const factor: Record<string, [number, string]> = { in: [25.4, 'mm'], gal: [3.785, 'L'], lb: [0.4536, 'kg'] }
    const right = ['R1', 'R2', 'R3', 'R4', 'R5']
    const expected = ['L1', 'L2', 'L3', 'L4'].map((l) => {
      const [, v, unit] = /^([\d.]+) (in|gal|lb)$/.exec(item.choiceText(l))!
      const [f, si] = factor[unit!]!
      const matches = right.filter((r) => item.choiceText(r).endsWith(` ${si}`) && Math.abs(numberIn(item.choiceText(r)) - Number(v) * f) < 0.005)
      expect(matches, l).toHaveLength(1)
      return `${l} ${matches[0]}`
    })
    expect(item.baseType).toBe('directedPair')
    expect([...item.correct].sort()).toEqual(expected.sort())
  })

  it('MT1-MEAS-P10 1/4 + 3/8 + 5/16 in = 15/16 in', () => {
    const item = readItem('MT1-MEAS-P10')
    expect(item.stem).toContain('1/4 in, 3/8 in and 5/16 in')
    expectKeyed(item, 1 / 4 + 3 / 8 + 5 / 16, inchValue)
    expect(item.choiceText(item.correct[0]!)).toBe('15/16 in')
  })

  it('MT1-MEAS-P11 hotspot on the 0.86 in mark of a fiftieths rule', () => {
    const item = readItem('MT1-MEAS-P11')
    expect(item.stem).toContain('0.86 in')
    expect(item.stem).toContain('0.02 in')
    // drawn geometry: rule from 0.4 in at x = 30 px, 600 px per inch, a mark every 0.02 in from y = 40 down
    const x = (v: number) => 30 + (v - 0.4) * 600
    const svgText = figureOf('MT1-MEAS-P11')
    const drawn = [...svgText.matchAll(/<line x1="([\d.]+)" y1="40" x2="\1"/g)].map((m) => Number(m[1]))
    expect(drawn).toHaveLength(46)
    drawn.forEach((d, k) => expect(d).toBeCloseTo(x(0.4 + k * 0.02), 1))
    expect(svgText).toMatch(new RegExp(`<text x="${x(0.8)}" y="90"[^>]*>8</text>`))
    const spots = hotspots('MT1-MEAS-P11')
    expect(spots.get(item.correct[0]!)!.label).toBe('mark 0.86 in')
    for (const [id, s] of spots) {
      const centre = (s.coords[0]! + s.coords[2]!) / 2
      expect(Math.abs(centre - x(inchValue(s.label))), `${id} sits on its mark`).toBeLessThanOrEqual(1)
      expect(drawn.some((d) => Math.abs(d - centre) <= 1), `${id} is on a drawn mark`).toBe(true)
      if (id !== item.correct[0]) expect(s.coords[0]! > x(0.86) || s.coords[2]! < x(0.86)).toBe(true)
    }
  })

})

// ------------------------------------------------------------------ ALG
describe('ALG keys', () => {
  it('MT1-ALG-001 18 + 6 × 4 − 10 ÷ 2 = 37', () => {
    const item = readItem('MT1-ALG-001')
    expect(item.stem).toContain('18 + 6 × 4 − 10 ÷ 2')
    expectKeyed(item, 18 + 6 * 4 - 10 / 2)
  })

  it('MT1-ALG-002 RPM = (90 × 4) ÷ 0.75 = 480', () => {
    const item = readItem('MT1-ALG-002')
    expect(item.stem).toContain('RPM = (CS × 4) ÷ D')
    expect(item.stem).toContain('CS = 90 ft/min')
    expect(item.stem).toContain('D = 0.75 in')
    expectKeyed(item, (90 * 4) / 0.75, numberIn, 1)
  })

  it('MT1-ALG-003 equation 6x + 3 = 48 (x = 7.5 in)', () => {
    const item = readItem('MT1-ALG-003')
    expect(item.stem).toContain('48 in bar')
    expect(item.stem).toContain('6 pieces')
    expect(item.stem).toContain('3 in remnant')
    const x = (48 - 3) / 6
    expect(holds(item.choiceText(item.correct[0]!), { x })).toBe(true)
    for (const id of item.choiceIds.filter((c) => c !== item.correct[0])) expect(holds(item.choiceText(id), { x })).toBe(false)
  })

  it('MT1-ALG-004 45 + 3n = 480 → n = 145', () => {
    const item = readItem('MT1-ALG-004')
    expect(item.stem).toContain('45 min of setup')
    expect(item.stem).toContain('3 min')
    expect(item.stem).toContain('480 min')
    expectKeyed(item, (480 - 45) / 3)
  })

  it('MT1-ALG-005 36 parts / 4 min × 60 min = 540', () => {
    const item = readItem('MT1-ALG-005')
    expect(item.stem).toContain('36 brackets every 4 min')
    expect(item.stem).toContain('1 hour')
    expectKeyed(item, (36 / 4) * 60)
  })

  it('MT1-ALG-006 0.96b = 1,200 → b = 1,250', () => {
    const item = readItem('MT1-ALG-006')
    expect(item.stem).toContain('1,200 good brackets')
    expect(item.stem).toContain('4%')
    expectKeyed(item, 1200 / (1 - 0.04), numberIn, 6)
  })

  it('MT1-ALG-007 360 × 2.5 min = 900 min = 15 h', () => {
    const item = readItem('MT1-ALG-007')
    expect(item.stem).toContain('2.5 min per part')
    expect(item.stem).toContain('360 parts')
    expectKeyed(item, (360 * 2.5) / 60)
  })

  it('MT1-ALG-008 equations true for t = (120 − 40) ÷ 8 = 10', () => {
    const item = readItem('MT1-ALG-008')
    expect(item.stem).toContain('120 gal')
    expect(item.stem).toContain('8 gal per minute')
    expect(item.stem).toContain('40 gal')
    const t = (120 - 40) / 8
    const trueOnes = item.choiceIds.filter((id) => holds(item.choiceText(id), { t }))
    expect([...item.correct].sort()).toEqual(trueOnes.sort())
  })

  it('MT1-ALG-009 expressions equal to 20', () => {
    const item = readItem('MT1-ALG-009')
    const twenty = item.choiceIds.filter((id) => evalExpr(item.choiceText(id)) === 20)
    expect([...item.correct].sort()).toEqual(twenty.sort())
    expect(twenty.length).toBeGreaterThanOrEqual(2)
  })

  it('MT1-ALG-010 75 + 15m = 1,575 → m = 100 min (±0.5)', () => {
    const item = readItem('MT1-ALG-010')
    expect(item.stem).toContain('75 °F')
    expect(item.stem).toContain('15 °F every minute')
    expect(item.stem).toContain('1,575 °F')
    expect(item.stem).toContain('nearest whole minute')
    expectNumeric(item, (1575 - 75) / 15, 0.5)
  })

  it('MT1-ALG-011 jobs ordered by quantity ÷ rate', () => {
    const item = readItem('MT1-ALG-011')
    const hours = item.choiceIds.map((id) => {
      const m = /(\d+) parts at (\d+) parts per hour/.exec(item.choiceText(id))!
      return { id, h: Number(m[1]) / Number(m[2]) }
    })
    expect(hours.map((j) => j.h).sort((a, b) => a - b)).toEqual([12.5, 15, 18, 20])
    expect(item.cardinality).toBe('ordered')
    expect(item.correct).toEqual([...hours].sort((a, b) => a.h - b.h).map((j) => j.id))
  })

  it('MT1-ALG-012 first wrong line of the solution of 3(x + 4) = 27 is step 2', () => {
    const item = readItem('MT1-ALG-012')
    expect(item.stem).toContain('3(x + 4) = 27')
    // lines as drawn (also in the long description)
    const lines = [
      ['Given', '3(x + 4) = 27'],
      ['Step 1', '3x + 12 = 27'],
      ['Step 2', '3x = 39'],
      ['Step 3', 'x = 13'],
    ] as const
    for (const [label, eq] of lines) expect(item.text).toContain(`${label}: ${eq}`)
    const x = (27 - 3 * 4) / 3 // the true solution, 5
    const firstWrong = lines.find(([, eq]) => !holds(eq, { x }))![0]
    expect(firstWrong).toBe('Step 2')
    expect(hotspots('MT1-ALG-012').get(item.correct[0]!)!.label).toBe(firstWrong)
  })

  it('MT1-ALG-P01 48 ÷ (2 + 6) × 3 − 1 = 17', () => {
    const item = readItem('MT1-ALG-P01')
    expect(item.stem).toContain('48 ÷ (2 + 6) × 3 − 1')
    expectKeyed(item, evalExpr('48 ÷ (2 + 6) × 3 − 1'))
    expect(evalExpr('48 ÷ (2 + 6) × 3 − 1')).toBe(17)
  })

  it('MT1-ALG-P02 500 − 12h = 140 → h = 30 (±0.5)', () => {
    const item = readItem('MT1-ALG-P02')
    expect(item.stem).toContain('500 ft')
    expect(item.stem).toContain('12 ft')
    expect(item.stem).toContain('140 ft')
    expectNumeric(item, (500 - 140) / 12, 0.5)
  })

  it('MT1-ALG-P03 the parenthesised subtraction comes first', () => {
    const item = readItem('MT1-ALG-P03')
    expect(item.stem).toContain('5 + 3 × (8 − 2)²')
    expect(item.correct[0]).toBe('subtraction')
    expect(evalExpr('5 + 3 × (8 − 2)²')).toBe(113)
  })

  it('MT1-ALG-P04 3,000 ÷ 24 = 125 min', () => {
    const item = readItem('MT1-ALG-P04')
    expect(item.stem).toContain('24 bottles per minute')
    expect(item.stem).toContain('3,000 bottles')
    expectKeyed(item, 3000 / 24)
  })
  it('MT1-ALG-P05 equation 12 + 0.8n = 52 (n = 50)', () => {
    const item = readItem('MT1-ALG-P05')
    for (const s of ['12 kg', '0.8 kg', '52 kg']) expect(item.stem).toContain(s)
    const n = (52 - 12) / 0.8
    expect(n).toBe(50)
    expect(holds(item.choiceText(item.correct[0]!), { n })).toBe(true)
    for (const id of item.choiceIds.filter((c) => c !== item.correct[0])) expect(holds(item.choiceText(id), { n }), id).toBe(false)
  })

  it('MT1-ALG-P06 expressions ordered by value: 3, 8, 12, 16, 40', () => {
    const item = readItem('MT1-ALG-P06')
    const values = item.choiceIds.map((id) => ({ id, v: evalExpr(item.choiceText(id)) }))
    expect(values.map((x) => x.v).sort((a, b) => a - b)).toEqual([3, 8, 12, 16, 40])
    expect(item.cardinality).toBe('ordered')
    expect(item.correct).toEqual([...values].sort((a, b) => a.v - b.v).map((x) => x.id))
  })

  it('MT1-ALG-P07 520 ÷ (40 + 25) = 8 h (±0.05)', () => {
    const item = readItem('MT1-ALG-P07')
    for (const s of ['40 brackets per hour', '25 brackets per hour', '520 brackets']) expect(item.stem).toContain(s)
    expectNumeric(item, 520 / (40 + 25), 0.05)
  })

  it('MT1-ALG-P08 resin = 18 lb × 3 ÷ (3 + 1) = 13.5 lb', () => {
    const item = readItem('MT1-ALG-P08')
    expect(item.stem).toContain('3 parts resin to 1 part hardener')
    expect(item.stem).toContain('18 lb')
    expectKeyed(item, (18 * 3) / (3 + 1))
  })

  it('MT1-ALG-P09 setups with RPM × chip load × teeth = 48 in/min', () => {
    const item = readItem('MT1-ALG-P09')
    expect(item.stem).toContain('F = RPM × chip load × number of teeth')
    expect(item.text).toContain('48 in/min')
    const feed = (t: string) => {
      const [, rpm, load, teeth] = /^([\d,]+) RPM, ([\d.]+) in per tooth, (\d+) teeth$/.exec(t)!
      return Number(rpm!.replace(/,/g, '')) * Number(load) * Number(teeth)
    }
    const right = item.choiceIds.filter((id) => Math.abs(feed(item.choiceText(id)) - 48) < 1e-9)
    expect(item.cardinality).toBe('multiple')
    expect(right.length).toBeGreaterThanOrEqual(2)
    expect([...item.correct].sort()).toEqual(right.sort())
  })

  it('MT1-ALG-P10 descriptions in words matched to equivalent expressions', () => {
    const item = readItem('MT1-ALG-P10')
    // what each description means, written out here independently of the item's key
    const meaning: Record<string, (n: number) => number> = {
      '5 fewer than twice the number of parts': (n) => 2 * n - 5,
      'twice the sum of the number of parts and 5': (n) => 2 * (n + 5),
      'half the number of parts, plus 5': (n) => n / 2 + 5,
      'the number of parts minus 5, then doubled': (n) => (n - 5) * 2,
    }
    const samples = [3, 7, 10, 12]
    const right = ['R1', 'R2', 'R3', 'R4', 'R5']
    const expected = ['L1', 'L2', 'L3', 'L4'].map((l) => {
      const f = meaning[item.choiceText(l)]!
      const matches = right.filter((r) => samples.every((n) => Math.abs(evalExpr(item.choiceText(r), { n }) - f(n)) < 1e-9))
      expect(matches, l).toHaveLength(1)
      return `${l} ${matches[0]}`
    })
    expect([...item.correct].sort()).toEqual(expected.sort())
  })

})

// ------------------------------------------------------------------ MQ
describe('MQ keys', () => {
  it('MT1-MQ-001 histogram: shafts at 25.04 mm or more = (6 + 2) / 50 = 16%', () => {
    const item = readItem('MT1-MQ-001')
    const bins = [
      ['24.96', '24.98', 3],
      ['24.98', '25.00', 9],
      ['25.00', '25.02', 17],
      ['25.02', '25.04', 13],
      ['25.04', '25.06', 6],
      ['25.06', '25.08', 2],
    ] as const
    for (const [lo, hi, n] of bins) expect(item.text).toContain(`${lo} to ${hi} mm: ${n}`)
    expect(item.stem).toContain('50 turned shafts')
    expect(item.stem).toContain('25.04 mm or more')
    const total = bins.reduce((a, [, , n]) => a + n, 0)
    expect(total).toBe(50)
    const over = bins.filter(([lo]) => Number(lo) >= 25.04).reduce((a, [, , n]) => a + n, 0)
    expectKeyed(item, (over / total) * 100)
    // the bars are drawn with these counts
    const svgText = figureOf('MT1-MQ-001')
    for (const [, , n] of bins) expect(svgText).toContain(`>${n}</text>`)
  })

  it('MT1-MQ-002 bar chart: burrs 28 of 80 = 35%', () => {
    const item = readItem('MT1-MQ-002')
    const data = { Scratch: 20, Dent: 12, Burr: 28, Misdrill: 8, Other: 12 }
    for (const [k, v] of Object.entries(data)) expect(item.text).toContain(`${k}: ${v}`)
    const total = Object.values(data).reduce((a, b) => a + b, 0)
    expectKeyed(item, (data.Burr / total) * 100)
  })

  it('MT1-MQ-003 line graph: largest day-to-day increase', () => {
    const item = readItem('MT1-MQ-003')
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
    const scrap = [6, 8, 7, 13, 11, 9]
    days.forEach((d, i) => expect(item.text).toContain(`${d} ${scrap[i]}`))
    const rises = scrap.slice(1).map((v, i) => v - scrap[i]!)
    const best = rises.indexOf(Math.max(...rises))
    const answer = `${days[best]} to ${days[best + 1]}`
    expect(answer).toBe('Wednesday to Thursday')
    expect(item.choiceText(item.correct[0]!)).toBe(answer)
  })

  it('MT1-MQ-004 scatter plot: strong negative relationship', () => {
    const item = readItem('MT1-MQ-004')
    const pts: Array<[number, number]> = [
      [400, 58], [450, 57], [500, 56], [600, 54], [650, 51], [700, 50],
      [750, 49], [800, 46], [850, 43], [900, 41], [950, 38], [1000, 37],
    ]
    for (const [x, y] of pts) expect(item.text).toContain(`(${x} °F, ${y} HRC)`)
    const xs = pts.map((p) => p[0])
    const ys = pts.map((p) => p[1])
    const mx = mean(xs)
    const my = mean(ys)
    const sxy = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0)
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0)
    const syy = ys.reduce((a, y) => a + (y - my) ** 2, 0)
    const r = sxy / Math.sqrt(sxx * syy)
    expect(r).toBeLessThan(-0.95)
    expect(item.choiceText(item.correct[0]!)).toBe('As tempering temperature increases, hardness decreases.')
    expect((figureOf('MT1-MQ-004').match(/<circle /g) ?? []).length).toBe(pts.length)
  })

  it('MT1-MQ-005 mean of six fill weights = 501.0 g', () => {
    const item = readItem('MT1-MQ-005')
    const w = [502, 498, 505, 497, 503, 501]
    expect(item.stem).toContain(w.map((x) => `${x} g`).slice(0, 5).join(', '))
    expectKeyed(item, mean(w))
  })

  it('MT1-MQ-006 median of seven cycle times = 42 s', () => {
    const item = readItem('MT1-MQ-006')
    const t = [42, 39, 45, 41, 58, 40, 43]
    expect(item.stem).toContain(t.map((x) => `${x} s`).slice(0, 6).join(', '))
    expectKeyed(item, median(t))
  })

  it('MT1-MQ-007 P(good) = (200 − 6) / 200 = 0.97', () => {
    const item = readItem('MT1-MQ-007')
    expect(item.stem).toContain('200 machined fittings')
    expect(item.stem).toContain('6 of them are defective')
    expectKeyed(item, (200 - 6) / 200)
  })

  it('MT1-MQ-008 true statements about mean, median, mode and range', () => {
    const item = readItem('MT1-MQ-008')
    const data = [6, 7, 3, 7, 4, 9, 2, 7, 0]
    expect(item.stem).toContain(data.join(', '))
    const stats: Record<string, number> = { mean: mean(data), median: median(data), mode: mode(data), range: range(data) }
    const trueOnes = item.choiceIds.filter((id) => {
      const m = /The (mean|median|mode|range) is (\d+) rejects/.exec(item.choiceText(id))!
      return stats[m[1]!] === Number(m[2])
    })
    expect([...item.correct].sort()).toEqual(trueOnes.sort())
  })

  it('MT1-MQ-009 range = 12.018 − 12.004 = 0.014 mm (±0.0005)', () => {
    const item = readItem('MT1-MQ-009')
    const d = [12.012, 12.008, 12.015, 12.004, 12.01, 12.018, 12.009, 12.011, 12.006, 12.013]
    expect(item.stem).toContain('12.012, 12.008, 12.015, 12.004, 12.010, 12.018, 12.009, 12.011, 12.006, 12.013')
    expect(item.stem).toContain('nearest 0.001 mm')
    const exact = range(d)
    expectNumeric(item, Math.round(exact * 1000) / 1000, 0.0005, exact)
  })

  it('MT1-MQ-010 mode of paint readings = 3.5 mils', () => {
    const item = readItem('MT1-MQ-010')
    const d = [3.2, 3.5, 3.1, 3.5, 3.4, 3.3, 3.5, 3.2]
    expect(item.stem).toContain('3.2, 3.5, 3.1, 3.5, 3.4, 3.3, 3.5, 3.2')
    expectKeyed(item, mode(d))
  })

  it('MT1-MQ-011 order mode < median < mean < range', () => {
    const item = readItem('MT1-MQ-011')
    const d = [12, 30, 18, 12, 25, 15, 12, 36]
    expect(item.stem).toContain(d.join(', '))
    const stats: Record<string, number> = { Mean: mean(d), Median: median(d), Mode: mode(d), Range: range(d) }
    expect(new Set(Object.values(stats)).size).toBe(4)
    const order = item.choiceIds.map((id) => ({ id, v: stats[item.choiceText(id)]! })).sort((a, b) => a.v - b.v).map((x) => x.id)
    expect(item.correct).toEqual(order)
  })

  it('MT1-MQ-012 histogram class that holds the median of 40 repair times', () => {
    const item = readItem('MT1-MQ-012')
    const bins = [
      ['0', '5', 12],
      ['5', '10', 10],
      ['10', '15', 8],
      ['15', '20', 6],
      ['20', '25', 4],
    ] as const
    for (const [lo, hi, n] of bins) expect(item.text).toContain(`${lo} to ${hi} min: ${n}`)
    const total = bins.reduce((a, [, , n]) => a + n, 0)
    expect(total).toBe(40)
    expect(item.stem).toContain('40 machine stops')
    // positions of the two middle values (20th and 21st)
    const binOf = (k: number) => {
      let cum = 0
      for (let i = 0; i < bins.length; i++) {
        cum += bins[i]![2]
        if (k <= cum) return i
      }
      throw new Error('out of range')
    }
    const b = binOf(total / 2)
    expect(binOf(total / 2 + 1)).toBe(b)
    expect(hotspots('MT1-MQ-012').get(item.correct[0]!)!.label).toBe(`${bins[b]![0]} to ${bins[b]![1]} min bar`)
  })

  it('MT1-MQ-P01 P(defective) = 20/500, P(good), expected defectives in 250', () => {
    const item = readItem('MT1-MQ-P01')
    expect(item.stem).toContain('500 castings')
    expect(item.stem).toContain('20 defective')
    const pDef = 20 / 500
    const trueOnes = item.choiceIds.filter((id) => {
      const t = item.choiceText(id)
      const prob = /is (defective|good) is (\d+(?:\.\d+)?)/.exec(t)
      if (prob) return Math.abs(Number(prob[2]) - (prob[1] === 'defective' ? pDef : 1 - pDef)) < 1e-9
      const exp = /next (\d+) castings, about (\d+)/.exec(t)!
      return Number(exp[2]) === Number(exp[1]) * pDef
    })
    expect([...item.correct].sort()).toEqual(trueOnes.sort())
  })

  it('MT1-MQ-P02 45 / 1,250 = 3.6% (±0.05)', () => {
    const item = readItem('MT1-MQ-P02')
    expect(item.stem).toContain('1,250 castings')
    expect(item.stem).toContain('45 of them')
    expect(item.stem).toContain('nearest 0.1%')
    const exact = (45 / 1250) * 100
    expectNumeric(item, Math.round(exact * 10) / 10, 0.05, exact)
  })
  it('MT1-MQ-P03 largest minus smallest is the range', () => {
    const item = readItem('MT1-MQ-P03')
    expect(item.stem).toContain('subtracts the smallest measurement in a data set from the largest')
    expect(item.correct).toEqual(['range'])
    expect(item.rationale).toContain('Largest minus smallest is the range')
  })

  it('MT1-MQ-P05 line graph: weeks below the 95% target are 2, 4, 5 and 8', () => {
    const item = readItem('MT1-MQ-P05')
    const yields = [96.5, 94.0, 95.5, 93.5, 92.0, 95.0, 97.0, 94.5]
    yields.forEach((v, i) => expect(item.text.toLowerCase()).toContain(`week ${i + 1} ${v.toFixed(1)}%`))
    expect(item.stem).toContain('The target is 95%')
    const below = yields.flatMap((v, i) => (v < 95 ? [i + 1] : []))
    const weeks = (t: string) => (t.match(/\d+/g) ?? []).map(Number)
    expect(item.choiceIds.filter((id) => JSON.stringify(weeks(item.choiceText(id))) === JSON.stringify(below))).toEqual(item.correct)
    // drawn: week w at x = 70 + (w − 0.5) × 62.5 px, yield v at y = 290 − (v − 90) × 25 px; target line at 95%
    const svgText = figureOf('MT1-MQ-P05')
    const points = [...svgText.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(points).toEqual(yields.map((v, i) => [70 + (i + 0.5) * 62.5, 290 - (v - 90) * 25]))
    expect(svgText).toContain(`y1="${290 - 5 * 25}" x2="570" y2="${290 - 5 * 25}" stroke="#000000" stroke-width="2" stroke-dasharray`)
  })

  it('MT1-MQ-P06 bar chart: misrun 15 of 60 = 25%', () => {
    const item = readItem('MT1-MQ-P06')
    const counts: Record<string, number> = { 'Cold shut': 6, Misrun: 15, Porosity: 24, Inclusion: 12, Crack: 3 }
    for (const [k, v] of Object.entries(counts)) expect(item.text).toContain(`${k}: ${v}`)
    expect(item.stem).toContain('60 defective castings')
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    expect(total).toBe(60)
    const quarter = Object.keys(counts).filter((k) => counts[k]! / total === 0.25)
    expect(quarter).toEqual(['Misrun'])
    const spots = hotspots('MT1-MQ-P06')
    expect(spots.get(item.correct[0]!)!.label).toBe('Misrun bar')
    // drawn: bar i from x = 80 + 100i, 80 px wide, 10 px per casting up from y = 285; each hotspot is its bar
    const svgText = figureOf('MT1-MQ-P06')
    Object.entries(counts).forEach(([k, c], i) => {
      expect(svgText).toContain(`<rect x="${80 + 100 * i}" y="${285 - 10 * c}" width="80" height="${10 * c}"`)
      const s = [...spots.values()].find((x) => x.label === `${k} bar`)!
      expect(s.coords).toEqual([80 + 100 * i, 285 - 10 * c, 160 + 100 * i, 285])
    })
  })

  it('MT1-MQ-P07 scatter plot: the check at 7 h is the point off the trend', () => {
    const item = readItem('MT1-MQ-P07')
    const pts: Array<[number, number]> = [[1, 2], [2, 3], [3, 4], [4, 6], [5, 7], [6, 8], [7, 3], [8, 11], [9, 12], [10, 13]]
    expect(item.text).toContain(pts.map(([h, e]) => `(${h}, ${e})`).join(', '))
    // least-squares line through all ten checks; the outlier is the point farthest from it, by far
    const xs = pts.map((p) => p[0])
    const ys = pts.map((p) => p[1])
    const slope = pts.reduce((a, [x, y]) => a + (x - mean(xs)) * (y - mean(ys)), 0) / xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0)
    const residual = pts.map(([x, y]) => Math.abs(y - (mean(ys) + slope * (x - mean(xs)))))
    const sorted = [...residual].sort((a, b) => b - a)
    expect(sorted[0]!).toBeGreaterThan(2 * sorted[1]!)
    const outlier = pts[residual.indexOf(sorted[0]!)]!
    expect(outlier).toEqual([7, 3])
    // drawn: x = 70 + 45 px per hour, y = 290 − 18 px per µm; each hotspot is centred on its point
    const svgText = figureOf('MT1-MQ-P07')
    const circles = [...svgText.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(circles).toEqual(pts.map(([h, e]) => [70 + 45 * h, 290 - 18 * e]))
    const spots = hotspots('MT1-MQ-P07')
    for (const [, s] of spots) {
      const [, h, e] = /point at (\d+) h and (\d+) µm/.exec(s.label)!
      expect([(s.coords[0]! + s.coords[2]!) / 2, (s.coords[1]! + s.coords[3]!) / 2]).toEqual([70 + 45 * Number(h), 290 - 18 * Number(e)])
    }
    expect(spots.get(item.correct[0]!)!.label).toBe(`point at ${outlier[0]} h and ${outlier[1]} µm`)
  })

  it('MT1-MQ-P08 mean of a tally = 508 ÷ 20 = 25.4 N·m (±0.05)', () => {
    const item = readItem('MT1-MQ-P08')
    const tally: Array<[number, number]> = [[4, 24], [8, 25], [6, 26], [2, 28]]
    expect(item.stem).toContain('20 bolts: 4 bolts read 24 N·m, 8 read 25 N·m, 6 read 26 N·m and 2 read 28 N·m')
    expect(item.stem).toContain('nearest 0.1 N·m')
    expect(tally.reduce((a, [c]) => a + c, 0)).toBe(20)
    const exact = mean(tally.flatMap(([c, v]) => Array<number>(c).fill(v)))
    expectNumeric(item, Math.round(exact * 10) / 10, 0.05, exact)
  })

  it('MT1-MQ-P09 median of six cycle times = (50 + 53) ÷ 2 = 51.5 s', () => {
    const item = readItem('MT1-MQ-P09')
    const t = [48, 53, 46, 50, 57, 61]
    expect(item.stem).toContain('48, 53, 46, 50, 57 and 61')
    expectKeyed(item, median(t))
  })

  it('MT1-MQ-P10 each question matched to the chart that shows it', () => {
    const item = readItem('MT1-MQ-P10')
    const pairs: Array<[RegExp, string]> = [
      [/spread over size classes/, 'Histogram'],
      [/changed over the last 30 days/, 'Line graph'],
      [/are related/, 'Scatter plot'],
      [/each of five machines/, 'Bar chart'],
    ]
    expect([...item.correct].sort()).toEqual(pairs.map(([q, chart]) => `${item.idOf(q)} ${item.idOf(chart)}`).sort())
    for (const fact of [
      'A histogram shows how one measurement is spread over classes',
      'A line graph shows how a value changes over time',
      'A scatter plot shows whether two measurements of the same items are related',
      'A bar chart compares counts for separate categories',
    ]) expect(item.rationale).toContain(fact)
  })

  it('MT1-MQ-P11 true statements about a histogram of 50 fill volumes', () => {
    const item = readItem('MT1-MQ-P11')
    const bins = [[496, 498, 2], [498, 500, 7], [500, 502, 18], [502, 504, 14], [504, 506, 6], [506, 508, 3]] as const
    for (const [lo, hi, n] of bins) expect(item.text).toContain(`${lo} to ${hi} mL: ${n}`)
    const total = bins.reduce((a, [, , n]) => a + n, 0)
    expect(total).toBe(50)
    expect(item.stem).toContain('50 bottles')
    const count = (test: (lo: number, hi: number) => boolean) => bins.filter(([lo, hi]) => test(lo, hi)).reduce((a, [, , n]) => a + n, 0)
    const classOf = (k: number) => {
      let cum = 0
      return bins.find(([, , n]) => (cum += n) >= k)!
    }
    const truth = (t: string): boolean => {
      let m: RegExpExecArray | null
      if ((m = /median fill lies in the (\d+) to (\d+) mL class/.exec(t))) {
        const [a, b] = [classOf(total / 2), classOf(total / 2 + 1)]
        return a === b && a[0] === Number(m[1]) && a[1] === Number(m[2])
      }
      if ((m = /^(\d+) bottles were filled from (\d+) mL up to (\d+) mL/.exec(t))) return count((lo, hi) => lo >= Number(m![2]) && hi <= Number(m![3])) === Number(m[1])
      if ((m = /More than half of the bottles hold (\d+) mL or more/.exec(t))) return count((lo) => lo >= Number(m![1])) > total / 2
      if ((m = /^(\d+) bottles hold less than (\d+) mL/.exec(t))) return count((_, hi) => hi <= Number(m![2])) === Number(m[1])
      if ((m = /holds (\d+) mL or more is (\d+(?:\.\d+)?)/.exec(t))) return count((lo) => lo >= Number(m![1])) / total === Number(m[2])
      throw new Error(`unexpected statement ${t}`)
    }
    expect(item.cardinality).toBe('multiple')
    expect([...item.correct].sort()).toEqual(item.choiceIds.filter((id) => truth(item.choiceText(id))).sort())
    // drawn: 85 px per class from x = 70, 13 px per bottle up from y = 285
    const svgText = figureOf('MT1-MQ-P11')
    bins.forEach(([, , n], i) => expect(svgText).toContain(`<rect x="${70 + 85 * i}" y="${285 - 13 * n}" width="85" height="${13 * n}"`))
  })


  it('MT1-MQ-P04 statistics of five casting weights matched to values', () => {
    const item = readItem('MT1-MQ-P04')
    const w = [17, 14, 20, 15, 14]
    expect(item.stem).toContain('17 kg, 14 kg, 20 kg, 15 kg and 14 kg')
    const stats: Record<string, number> = { Mean: mean(w), Median: median(w), Mode: mode(w), Range: range(w) }
    const right = ['R1', 'R2', 'R3', 'R4', 'R5']
    const expected = ['L1', 'L2', 'L3', 'L4'].map((l) => {
      const v = stats[item.choiceText(l)]!
      const matches = right.filter((r) => numberIn(item.choiceText(r)) === v)
      expect(matches).toHaveLength(1)
      return `${l} ${matches[0]}`
    })
    expect([...item.correct].sort()).toEqual(expected.sort())
  })
})
