// Key checks for SRMT items in ELEC (Electricity), CHEM (Chemistry) and MPC (Manufacturing Processes
// and Control). Computed items: the stem must state the numbers, the answer is computed here, and the
// key (keyed option's number, or numeric key and tolerance) must equal it while no distractor does.
// Items keyed by fact: the key identifier is asserted and the rationale must state the deciding fact.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listItemFiles, numberIn, readItem } from './item-xml.js'

const SKILLS = ['ELEC', 'CHEM', 'MPC'] as const
const PRACTICE = 10
const ids = (skill: string): string[] => [
  ...Array.from({ length: 12 }, (_, i) => `MT1-${skill}-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: PRACTICE }, (_, i) => `MT1-${skill}-P${String(i + 1).padStart(2, '0')}`),
]

/** Single choice with a computed key: the keyed option shows `expected`, no other option does. */
function checkComputedChoice(id: string, stemParts: string[], expected: number): void {
  const item = readItem(id)
  for (const part of stemParts) expect(item.stem, `${id} stem states ${part}`).toContain(part)
  expect(item.correct).toHaveLength(1)
  const key = item.correct[0]!
  expect(numberIn(item.choiceText(key))).toBeCloseTo(expected, 9)
  for (const other of item.choiceIds.filter((c) => c !== key)) {
    expect(Math.abs(numberIn(item.choiceText(other)) - expected), `${id} distractor ${other}`).toBeGreaterThan(1e-6)
  }
}

/** Numeric entry: float key equal to `expected`, absolute tolerance `tol` on both sides. */
function checkNumeric(id: string, stemParts: string[], expected: number, tol: number): void {
  const item = readItem(id)
  for (const part of stemParts) expect(item.stem, `${id} stem states ${part}`).toContain(part)
  expect(item.baseType).toBe('float')
  expect(item.correct).toHaveLength(1)
  expect(Number(item.correct[0])).toBeCloseTo(expected, 9)
  expect(item.tolerance).toEqual([tol, tol])
}

/** Item keyed by fact: key identifiers and the facts the rationale must state. */
function checkFact(id: string, key: string[], facts: string[]): void {
  const item = readItem(id)
  expect(item.correct).toEqual(key)
  for (const fact of facts) expect(item.rationale, `${id} rationale states ${fact}`).toContain(fact)
}

const parallel = (...r: number[]): number => 1 / r.reduce((s, x) => s + 1 / x, 0)

/** The identifiers of an item's options named by what they say, in the order given. */
const optionIds = (id: string, ...texts: (string | RegExp)[]): string[] => {
  const item = readItem(id)
  return texts.map((t) => item.idOf(t))
}

/** The raw XML of a shipped item. */
const xmlOf = (id: string): string => fs.readFileSync(listItemFiles().find((f) => f.identifier === id)!.file, 'utf8')

/** The hotspots of a hotspot item, by identifier: shape, coordinates and label. */
function hotspotsOf(id: string): Map<string, { shape: string; coords: number[]; label: string }> {
  const out = new Map<string, { shape: string; coords: number[]; label: string }>()
  for (const m of xmlOf(id).matchAll(/<qti-hotspot-choice identifier="(\w+)" shape="(\w+)" coords="([\d,]+)" hotspot-label="([^"]*)"/g)) {
    out.set(m[1]!, { shape: m[2]!, coords: m[3]!.split(',').map(Number), label: m[4]! })
  }
  return out
}

/** The figure file an item shows (figures/<id>.svg beside the item). */
function figureOf(id: string): string {
  const file = listItemFiles().find((f) => f.identifier === id)!.file
  return fs.readFileSync(path.join(path.dirname(file), 'figures', `${id}.svg`), 'utf8')
}

/** The text elements of a figure: where each is drawn and what it says. */
function textsOf(svg: string): { x: number; y: number; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  }))
}

const inside = (p: { x: number; y: number }, [x1, y1, x2, y2]: number[]): boolean => p.x >= x1! && p.x <= x2! && p.y >= y1! && p.y <= y2!

describe('SRMT ELEC, CHEM, MPC: every item is complete', () => {
  const files = listItemFiles()
  for (const skill of SKILLS) {
    it(`${skill} has 12 operational and ${PRACTICE} practice items`, () => {
      const mine = files.filter((f) => f.skill === skill)
      expect(mine.filter((f) => f.pool === 'operational').map((f) => f.identifier).sort()).toEqual(ids(skill).slice(0, 12))
      expect(mine.filter((f) => f.pool === 'practice').map((f) => f.identifier).sort()).toEqual(ids(skill).slice(12))
    })
    for (const id of ids(skill)) {
      it(`${id} has a key, a rationale, spoken text and distinct options`, () => {
        const item = readItem(id)
        expect(item.correct.length).toBeGreaterThan(0)
        expect(item.rationale.length).toBeGreaterThan(60)
        expect(item.spoken.length).toBeGreaterThan(0)
        const texts = item.choiceIds.map((c) => item.choiceText(c)).filter((t) => t !== '')
        expect(new Set(texts).size).toBe(texts.length)
        if (item.baseType === 'identifier') {
          for (const k of item.correct) expect(item.choiceIds).toContain(k)
        }
        if (item.baseType === 'directedPair') {
          for (const pair of item.correct) {
            const [l, r] = pair.split(' ')
            expect(item.choiceIds).toContain(l)
            expect(item.choiceIds).toContain(r)
          }
        }
      })
    }
  }
})

describe('ELEC computed keys', () => {
  it('MT1-ELEC-001: I = V / R for a 24 V, 48 Ω coil', () => {
    checkComputedChoice('MT1-ELEC-001', ['24 V', '48 Ω'], 24 / 48)
  })

  it('MT1-ELEC-002: series current, in mA', () => {
    const r = 100 + 220 + 180
    checkComputedChoice('MT1-ELEC-002', ['12 V', 'R1 = 100 Ω', 'R2 = 220 Ω', 'R3 = 180 Ω'], (12 / r) * 1000)
  })

  it('MT1-ELEC-003: two resistors in parallel', () => {
    checkComputedChoice('MT1-ELEC-003', ['R1 = 60 Ω', 'R2 = 30 Ω', 'parallel'], parallel(60, 30))
  })

  it('MT1-ELEC-004: supply current is the sum of the branch currents', () => {
    const total = 12 / 4 + 12 / 6 + 12 / 12
    expect(total).toBeCloseTo(12 / parallel(4, 6, 12), 9)
    checkComputedChoice('MT1-ELEC-004', ['12 V', 'R1 = 4 Ω', 'R2 = 6 Ω', 'R3 = 12 Ω'], total)
  })

  it('MT1-ELEC-005: voltage divider, voltage across R2', () => {
    checkComputedChoice('MT1-ELEC-005', ['24 V', 'R1 = 2 kΩ', 'R2 = 4 kΩ', 'across R2'], (24 * 4) / (2 + 4))
  })

  it('MT1-ELEC-007: the true statements are exactly the keyed ones', () => {
    const item = readItem('MT1-ELEC-007')
    for (const part of ['R1 = 12 Ω', 'R2 = 8 Ω', '24 V', 'parallel']) expect(item.stem).toContain(part)
    const v = 24
    const i1 = v / 12
    const i2 = v / 8
    const actual = new Map<string, number>([
      [item.idOf(/^The current through R1 /), i1],
      [item.idOf(/^The voltage across R2 /), v],
      [item.idOf(/^The total resistance /), parallel(12, 8)],
      [item.idOf(/^The current through R2 /), i2],
      [item.idOf(/^The battery supplies /), i1 + i2],
      [item.idOf(/^R2 dissipates /), v * i2],
    ])
    // The value stated in each statement (resistor names R1/R2 removed first).
    const stated = (c: string): number => numberIn(item.choiceText(c).replace(/R\d/g, ''))
    const truths = item.choiceIds.filter((c) => Math.abs(stated(c) - actual.get(c)!) < 1e-9)
    expect(truths.sort()).toEqual([...item.correct].sort())
    expect(item.correct.map((c) => item.choiceText(c)).sort()).toEqual(['The battery supplies 5 A.', 'The current through R1 is 2 A.', 'The voltage across R2 is 24 V.'])
  })

  it('MT1-ELEC-008: P = V² / R to the nearest watt', () => {
    checkNumeric('MT1-ELEC-008', ['19.2 Ω', '240 V', 'nearest watt'], 240 ** 2 / 19.2, 0.5)
  })

  it('MT1-ELEC-012: the open part is the one that reads the full supply voltage', () => {
    const item = readItem('MT1-ELEC-012')
    const readings: Record<string, string> = { SW: 'switch S, 0 V', L1: 'lamp L1, 0 V', L2: 'lamp L2, 12 V', L3: 'lamp L3, 0 V' }
    for (const r of Object.values(readings)) expect(item.stem).toContain(r)
    const open = Object.entries(readings).find(([, r]) => r.endsWith(' 12 V'))![0]
    expect(item.correct).toEqual([open])
    expect(item.rationale).toContain('full supply voltage appears across the break')
  })

  it('MT1-ELEC-P01: P = I² × R', () => {
    checkComputedChoice('MT1-ELEC-P01', ['50 Ω', '2 A'], 2 ** 2 * 50)
  })

  it('MT1-ELEC-P03: series-parallel total resistance', () => {
    checkNumeric('MT1-ELEC-P03', ['R1 = 10 Ω', 'R2 = 30 Ω', 'R3 = 60 Ω', 'nearest ohm'], 10 + parallel(30, 60), 0.5)
  })
})

describe('ELEC computed keys (practice P05–P10)', () => {
  it('MT1-ELEC-P05: V = I × R with milliamperes and kilohms in base units', () => {
    checkNumeric('MT1-ELEC-P05', ['20 mA', '1.2 kΩ', 'nearest volt'], 0.02 * 1200, 0.5)
    expect(readItem('MT1-ELEC-P05').rationale).toContain('0.020 A × 1,200 Ω = 24 V')
  })

  it('MT1-ELEC-P07: across one supply the smallest resistance dissipates the most power (P = V² / R), and the figure shows each value in its hotspot', () => {
    const item = readItem('MT1-ELEC-P07')
    const r: Record<string, number> = { R1: 24, R2: 48, R3: 36, R4: 12 }
    expect(item.stem).toContain('12 V')
    for (const [name, ohms] of Object.entries(r)) expect(item.stem).toContain(`${name} = ${ohms} Ω`)
    const power = Object.entries(r).map(([name, ohms]) => ({ name, watts: 12 ** 2 / ohms }))
    const most = power.reduce((a, b) => (b.watts > a.watts ? b : a))
    expect(power.filter((p) => p.watts === most.watts)).toHaveLength(1)
    expect(item.correct).toEqual([item.idOf(`Resistor ${most.name}, ${r[most.name]} ohms`)])
    for (const p of power) expect(item.rationale).toContain(`144 ÷ ${r[p.name]} = ${p.watts} W`)
    // The figure draws each resistor's name and value inside that resistor's hotspot, and nowhere else.
    const texts = textsOf(figureOf('MT1-ELEC-P07'))
    for (const [id, spot] of hotspotsOf('MT1-ELEC-P07')) {
      const [, name, ohms] = /^Resistor (R\d), (\d+) ohms$/.exec(spot.label)!
      expect(r[name!]).toBe(Number(ohms))
      expect(texts.filter((t) => inside(t, spot.coords)).map((t) => t.text).sort(), id).toEqual([`${ohms} Ω`, name].sort())
    }
  })

  it('MT1-ELEC-P08: in series the voltage drops rank like the resistances (kilohms converted)', () => {
    const item = readItem('MT1-ELEC-P08')
    const r: Record<string, number> = { R1: 1500, R2: 680, R3: 3300, R4: 2200 }
    for (const part of ['24 V', 'R1 = 1.5 kΩ', 'R2 = 680 Ω', 'R3 = 3.3 kΩ', 'R4 = 2.2 kΩ', 'in series']) expect(item.stem).toContain(part)
    const total = Object.values(r).reduce((a, b) => a + b, 0)
    const drops = Object.entries(r).map(([name, ohms]) => ({ name, volts: (24 / total) * ohms }))
    expect(drops.reduce((a, d) => a + d.volts, 0)).toBeCloseTo(24, 9)
    const ranked = [...drops].sort((a, b) => b.volts - a.volts)
    expect(item.cardinality).toBe('ordered')
    expect(item.correct).toEqual(ranked.map((d) => item.idOf(new RegExp(`^${d.name} `))))
    expect(item.rationale).toContain(ranked.map((d) => `${d.volts.toFixed(1)} V`).slice(0, 3).join(', '))
    expect(item.rationale).toContain(`${(24 / total * 1000).toFixed(3)} mA`)
  })

  it('MT1-ELEC-P09: the keyed combinations are exactly those whose currents (P / V) add up to 20 A or less', () => {
    const item = readItem('MT1-ELEC-P09')
    for (const part of ['120 V', '20 A']) expect(item.stem).toContain(part)
    const watts = new Map([...item.stem.matchAll(/(space heater|shop vacuum|drill|work lamp|air compressor) ([\d,]+) W/g)].map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ''))]))
    expect(watts.size).toBe(5)
    const amps = (option: string): number => [...watts].filter(([name]) => option.toLowerCase().includes(name)).reduce((a, [, w]) => a + w / 120, 0)
    for (const c of item.choiceIds) expect(amps(item.choiceText(c)), c).toBeGreaterThan(0)
    const fits = item.choiceIds.filter((c) => amps(item.choiceText(c)) <= 20)
    expect([...item.correct].sort()).toEqual(fits.sort())
    expect(item.choiceIds.filter((c) => !fits.includes(c)).length).toBeGreaterThan(0)
  })

  it('MT1-ELEC-P10: R = V / I at the 10 mA let-go threshold', () => {
    checkComputedChoice('MT1-ELEC-P10', ['10 mA', '120 V'], 120 / 0.01)
  })
})

describe('ELEC keys by fact (practice P05–P10)', () => {
  it('MT1-ELEC-P06: a parallel branch keeps its current when another branch is added', () => {
    checkFact('MT1-ELEC-P06', ['SAME'], ['every branch has the full supply voltage across it', 'the supply current'])
    expect(readItem('MT1-ELEC-P06').choiceText('SAME')).toBe('stays the same')
  })
})

describe('ELEC keys by fact', () => {
  it('MT1-ELEC-006: a GFCI compares hot and neutral current', () => {
    checkFact('MT1-ELEC-006', ['A'], ['difference between the outgoing (hot) and returning (neutral) current', '5 mA'])
  })
  it('MT1-ELEC-009: a short circuit bypasses the load', () => {
    const item = readItem('MT1-ELEC-009')
    expect(item.baseType).toBe('string')
    checkFact('MT1-ELEC-009', ['short'], ['path of almost zero resistance that bypasses the load'])
  })
  it('MT1-ELEC-010: bare copper is the equipment grounding conductor', () => {
    checkFact('MT1-ELEC-010', ['A'], ['green or bare copper is the equipment grounding conductor'])
    expect(readItem('MT1-ELEC-010').choiceText('A')).toBe('equipment grounding conductor')
  })
  it('MT1-ELEC-011: lockout/tagout order: shut down, isolate, lock, stored energy, verify', () => {
    checkFact('MT1-ELEC-011', optionIds('MT1-ELEC-011', /^Stop/, /^Open the disconnect/, /lock and tag/, /stored energy/, /^Verify/), ['verify zero energy'])
    const item = readItem('MT1-ELEC-011')
    expect(item.cardinality).toBe('ordered')
  })
  it('MT1-ELEC-P02: a stop button is not an energy-isolating device', () => {
    checkFact('MT1-ELEC-P02', ['A'], ['not an energy-isolating device'])
  })
  it('MT1-ELEC-P04: GFCI and cord inspection', () => {
    checkFact('MT1-ELEC-P04', ['A', 'B'], ['GFCI trips', 'Removing the ground pin defeats the equipment ground'])
  })
})

describe('CHEM computed keys', () => {
  it('MT1-CHEM-001: pH 3 vs pH 5 is a factor of 10²', () => {
    checkComputedChoice('MT1-CHEM-001', ['pH 3', 'pH 5'], 10 ** (5 - 3))
  })

  it('MT1-CHEM-003: percent by mass = solute / (solute + solvent) × 100', () => {
    checkComputedChoice('MT1-CHEM-003', ['30 g of salt', '570 g of water'], (30 / (30 + 570)) * 100)
  })

  it('MT1-CHEM-004: C1V1 = C2V2, volume of premix', () => {
    checkComputedChoice('MT1-CHEM-004', ['20 L', '4%', '50%'], (4 * 20) / 50)
  })

  it('MT1-CHEM-008: percent by volume to the nearest 0.1%', () => {
    checkNumeric('MT1-CHEM-008', ['120 mL', '1.5 L', 'nearest 0.1%'], (120 / (1.5 * 1000)) * 100, 0.05)
  })

  it('MT1-CHEM-P01: pH 11 vs pH 8 is a factor of 10³', () => {
    checkComputedChoice('MT1-CHEM-P01', ['pH 11', 'pH 8'], 10 ** (11 - 8))
  })

  it('MT1-CHEM-P03: C1V1 = C2V2, millilitres of stock', () => {
    checkNumeric('MT1-CHEM-P03', ['500 mL', '2%', '10%', 'nearest millilitre'], (2 * 500) / 10, 0.5)
  })
})

describe('CHEM computed keys (practice P05–P10)', () => {
  it('MT1-CHEM-P06: salt = percent by mass × whole batch', () => {
    checkNumeric('MT1-CHEM-P06', ['250 kg', '6% salt by mass', 'nearest 0.1 kg'], 0.06 * 250, 0.05)
  })

  it('MT1-CHEM-P08: diluting a strong acid 100 times raises its pH by log10(100)', () => {
    const item = readItem('MT1-CHEM-P08')
    for (const part of ['pH 1', '100 times']) expect(item.stem).toContain(part)
    const after = 1 + Math.log10(100)
    const key = item.idOf(/^rises to about/)
    expect(item.correct).toEqual([key])
    expect(numberIn(item.choiceText(key))).toBe(after)
    for (const other of item.choiceIds.filter((c) => c !== key)) expect(item.choiceText(other)).not.toContain(String(after))
    expect(item.rationale).toContain('never past it')
  })

  it('MT1-CHEM-P10: the keyed batches are exactly those at concentrate / (concentrate + water) = 5%', () => {
    const item = readItem('MT1-CHEM-P10')
    expect(item.stem).toContain('5% by volume')
    const strength = (c: string): number => {
      const m = /^([\d.]+) L of concentrate added to ([\d.]+) L of water$/.exec(item.choiceText(c))
      if (!m) throw new Error(`${c}: ${item.choiceText(c)}`)
      return (Number(m[1]) / (Number(m[1]) + Number(m[2]))) * 100
    }
    const five = item.choiceIds.filter((c) => Math.abs(strength(c) - 5) < 1e-9)
    expect([...item.correct].sort()).toEqual(five.sort())
    // Every distractor is the "1 part to 20 parts of water" misreading: 5% of the water, not of the batch.
    for (const c of item.choiceIds.filter((x) => !five.includes(x))) {
      const m = /^([\d.]+) L of concentrate added to ([\d.]+) L of water$/.exec(item.choiceText(c))!
      expect(Number(m[1]) / Number(m[2])).toBeCloseTo(0.05, 9)
    }
  })

  it('MT1-CHEM-P07: the keyed hotspot holds the precautionary statements drawn in the label, and no hazard statement', () => {
    const item = readItem('MT1-CHEM-P07')
    const spots = hotspotsOf('MT1-CHEM-P07')
    const texts = textsOf(figureOf('MT1-CHEM-P07'))
    const key = spots.get(item.correct[0]!)!
    const inKey = texts.filter((t) => inside(t, key.coords)).map((t) => t.text)
    for (const start of ['Wear protective gloves', 'Do not breathe', 'IF ON SKIN:']) expect(inKey.some((t) => t.startsWith(start)), start).toBe(true)
    expect(inKey.filter((t) => /^(Causes|May be)/.test(t))).toEqual([])
    const hazards = spots.get(item.idOf('Two lines under the capital word'))!
    expect(texts.filter((t) => inside(t, hazards.coords)).map((t) => t.text)).toEqual(['Causes severe skin burns and eye damage.', 'May be corrosive to metals.'])
    expect(texts.filter((t) => inside(t, spots.get(item.idOf('Word in capitals beside the diamond'))!.coords)).map((t) => t.text)).toEqual(['DANGER'])
    // No two hotspots overlap, so a click names one part of the label.
    const rects = [...spots.values()].map((s) => s.coords)
    for (const [i, a] of rects.entries()) for (const b of rects.slice(i + 1)) expect(a[2]! < b[0]! || b[2]! < a[0]! || a[3]! < b[1]! || b[3]! < a[1]!).toBe(true)
    expect(item.rationale).toContain('Precautionary statements tell the reader what to do')
  })
})

describe('CHEM keys by fact (practice P05–P10)', () => {
  it('MT1-CHEM-P05: rust is a compound, solder and an emulsion are mixtures, argon is an element', () => {
    const item = readItem('MT1-CHEM-P05')
    const pair = (source: RegExp, target: string) => `${item.idOf(source)} ${item.idOf(target)}`
    checkFact('MT1-CHEM-P05', [pair(/^Rust/, 'Compound'), pair(/solder/, 'Mixture'), pair(/^Argon/, 'Element'), pair(/emulsion/, 'Mixture')], [
      'chemically bonded in a fixed ratio', 'proportions can vary', 'only one kind of atom', 'physically combined',
    ])
  })
  it('MT1-CHEM-P09: rusting is the chemical change', () => {
    checkFact('MT1-CHEM-P09', optionIds('MT1-CHEM-P09', /rusting/), ['a new substance, iron oxide', 'are physical changes'])
  })
})

describe('CHEM keys by fact', () => {
  it('MT1-CHEM-002: sodium chloride is a compound', () => {
    checkFact('MT1-CHEM-002', ['A'], ['chemically bonded in a fixed ratio', 'Brass is an alloy, a mixture'])
    expect(readItem('MT1-CHEM-002').choiceText('A')).toContain('Sodium chloride')
  })
  it('MT1-CHEM-005: spill cleanup is SDS Section 6', () => {
    checkFact('MT1-CHEM-005', ['B'], ['Section 6, Accidental release measures'])
    expect(readItem('MT1-CHEM-005').choiceText('B')).toBe('Section 6')
  })
  it('MT1-CHEM-006: the corrosion pictogram means burns and metal corrosion', () => {
    checkFact('MT1-CHEM-006', ['A'], ['GHS corrosion pictogram', 'skin corrosion'])
  })
  it('MT1-CHEM-007: air, brass and brine are mixtures', () => {
    checkFact('MT1-CHEM-007', optionIds('MT1-CHEM-007', /^Air /, /^Brass /, /^Salt water /), ['physically combined in proportions that can vary', 'are compounds', 'is an element'])
  })
  it('MT1-CHEM-009: Warning is the signal word for less severe categories', () => {
    checkFact('MT1-CHEM-009', ['Warning'], ['“Warning” for the less severe ones'])
  })
  it('MT1-CHEM-010: exposure limits and PPE are SDS Section 8', () => {
    checkFact('MT1-CHEM-010', ['S8'], ['Section 8, Exposure controls/personal protection'])
    expect(readItem('MT1-CHEM-010').choiceText('S8')).toBe('Section 8')
  })
  it('MT1-CHEM-011: SDS sections 2, 4, 5 and 7', () => {
    checkFact('MT1-CHEM-011', ['Q1 S5', 'Q2 S4', 'Q3 S2', 'Q4 S7'], [
      'Section 2, Hazard(s) identification',
      'Section 4, First-aid measures',
      'Section 5, Fire-fighting measures',
      'Section 7, Handling and storage',
    ])
    const item = readItem('MT1-CHEM-011')
    for (const [id, n] of [['S2', 2], ['S4', 4], ['S5', 5], ['S7', 7]] as const) expect(numberIn(item.choiceText(id))).toBe(n)
  })
  it('MT1-CHEM-012: irritation and drowsiness take the exclamation mark', () => {
    checkFact('MT1-CHEM-012', ['P2'], ['exclamation-mark pictogram (number 2)'])
  })
  it('MT1-CHEM-P02: flash point is in SDS Section 9', () => {
    checkFact('MT1-CHEM-P02', optionIds('MT1-CHEM-P02', 'Section 9'), ['Section 9, Physical and chemical properties', 'flash point'])
  })
  it('MT1-CHEM-P04: label elements', () => {
    checkFact('MT1-CHEM-P04', ['A', 'B', 'C'], ['the signal word, the hazard statements, the pictograms'])
  })
})

describe('MPC computed keys', () => {
  it('MT1-MPC-007: absolute X after two incremental (G91) moves', () => {
    const item = readItem('MT1-MPC-007')
    for (const part of ['X 1.000 in', 'Y 2.000 in', 'G91', 'X2.500', 'X-1.250', 'nearest 0.001 in']) expect(item.stem).toContain(part)
    checkNumeric('MT1-MPC-007', [], 1.0 + 2.5 - 1.25, 0.0005)
  })

  it('MT1-MPC-P03: absolute Z after two incremental (G91) moves', () => {
    checkNumeric('MT1-MPC-P03', ['Z 0.100 in', 'G91', 'Z-0.350', 'Z0.500', 'nearest 0.001 in'], 0.1 - 0.35 + 0.5, 0.0005)
  })

  it('MT1-MPC-P02: G90 G00 ends at the programmed absolute point, not start + offset', () => {
    const item = readItem('MT1-MPC-P02')
    for (const part of ['G90 G00 X3.000 Y1.000', 'X 5.000 in, Y 4.000 in']) expect(item.stem).toContain(part)
    expect(item.correct).toEqual(['D'])
    expect(item.choiceText('D')).toContain('rapid rate to X 3.000 in, Y 1.000 in')
    // The incremental misreading (G91) ends at start + programmed distance.
    expect(item.choiceText('B')).toContain(`X ${(5 + 3).toFixed(3)} in, Y ${(4 + 1).toFixed(3)} in`)
    expect(item.rationale).toContain('G90 selects absolute positioning')
  })
})

describe('MPC computed keys (practice P05–P10)', () => {
  it('MT1-MPC-P06: RPM = 12 × SFM / (π × D), and the usual approximations stay inside the tolerance', () => {
    const exact = (12 * 80) / (Math.PI * 0.375)
    checkNumeric('MT1-MPC-P06', ['0.375 in', '80 SFM', 'nearest whole RPM'], Math.round(exact), 2)
    expect(Math.abs((12 * 80) / (3.14 * 0.375) - Math.round(exact))).toBeLessThanOrEqual(2)
    expect(Math.abs((3.82 * 80) / 0.375 - Math.round(exact))).toBeLessThanOrEqual(2)
  })

  it('MT1-MPC-P07: the keyed point is where two incremental moves end, drawn on the grid where the item says', () => {
    const item = readItem('MT1-MPC-P07')
    for (const part of ['X 1.0 in, Y 1.0 in', 'G91', 'X2.5 Y0.5', 'X-1.0 Y1.5']) expect(item.stem).toContain(part)
    const end = { x: 1.0 + 2.5 - 1.0, y: 1.0 + 0.5 + 1.5 }
    // Grid of the figure: 1 in = 80 px, program zero at (80, 370).
    const px = (x: number) => 80 + 80 * x
    const py = (y: number) => 370 - 80 * y
    const svg = figureOf('MT1-MPC-P07')
    const texts = textsOf(svg)
    const spots = hotspotsOf('MT1-MPC-P07')
    const at = new Map<string, { x: number; y: number }>()
    for (const [id, spot] of spots) {
      expect(spot.shape).toBe('circle')
      const [cx, cy] = spot.coords
      expect(svg, `${id} is drawn`).toContain(`<circle cx="${cx}" cy="${cy}" r="8"`)
      const letter = /^Point ([A-E])$/.exec(spot.label)![1]!
      expect(texts.some((t) => t.text === letter && t.x === cx! + 14 && t.y === cy! - 10), `${id} is labeled ${letter}`).toBe(true)
      const point = { x: (cx! - 80) / 80, y: (370 - cy!) / 80 }
      at.set(id, point)
      expect(item.text, `${id} is described at its grid position`).toContain(`Point ${letter} is at X ${point.x.toFixed(1)}, Y ${point.y.toFixed(1)}`)
    }
    const hits = [...at].filter(([, p]) => p.x === end.x && p.y === end.y).map(([id]) => id)
    expect(hits).toEqual(item.correct)
    // The start square is at S = (1.0, 1.0).
    expect(svg).toContain(`<rect x="${px(1) - 7}" y="${py(1) - 7}" width="14" height="14"`)
    expect(item.rationale).toContain(`X 3.5 − 1.0 = ${end.x.toFixed(1)}, Y 1.5 + 1.5 = ${end.y.toFixed(1)}`)
  })
})

describe('MPC keys by fact (practice P05–P10)', () => {
  it('MT1-MPC-P05: sensor, controller, actuator and process of a level loop; the setpoint is not a part', () => {
    const item = readItem('MT1-MPC-P05')
    const pair = (source: RegExp, target: string) => `${item.idOf(source)} ${item.idOf(target)}`
    checkFact('MT1-MPC-P05', [pair(/^Ultrasonic/, 'Sensor'), pair(/^PLC/, 'Controller'), pair(/^Fill pump/, 'Actuator'), pair(/^The tank/, 'Process')], [
      'so it is the sensor', 'so it is the controller', 'so it is the actuator', 'The setpoint is not a piece of hardware',
    ])
  })
  it('MT1-MPC-P08: a capacitive sensor sees a liquid through a plastic wall', () => {
    checkFact('MT1-MPC-P08', ['CAP'], ['through a nonmetallic wall', 'detects only metal'])
    expect(readItem('MT1-MPC-P08').choiceText('CAP')).toBe('capacitive proximity sensor')
  })
  it('MT1-MPC-P09: model, export, slice, print, remove supports', () => {
    checkFact('MT1-MPC-P09', optionIds('MT1-MPC-P09', /^Model/, /^Export/, /^Slice/, /^Print/, /^Remove/), ['starts from a 3D CAD model', 'can only be removed once the part is printed'])
    expect(readItem('MT1-MPC-P09').cardinality).toBe('ordered')
  })
  it('MT1-MPC-P10: pushing metal through a shaped die is extrusion', () => {
    const item = readItem('MT1-MPC-P10')
    expect(item.baseType).toBe('string')
    expect(item.stem).toContain('pushing a heated aluminum billet through a steel die')
    checkFact('MT1-MPC-P10', ['extrusion'], ['pushes metal through a shaped die opening', 'Drawing pulls metal'])
  })
})

describe('MPC keys by fact', () => {
  it('MT1-MPC-001: casting with cores for internal passages', () => {
    checkFact('MT1-MPC-001', optionIds('MT1-MPC-001', /^Sand casting/), ['Casting pours molten metal into a mold', 'internal passages'])
  })
  it('MT1-MPC-002: progressive-die stamping for high-volume sheet brackets', () => {
    checkFact('MT1-MPC-002', optionIds('MT1-MPC-002', /^Progressive-die stamping/), ['Stamping is a forming process'])
  })
  it('MT1-MPC-003: closed loop measures and feeds back', () => {
    checkFact('MT1-MPC-003', optionIds('MT1-MPC-003', /^A curing oven whose controller compares/), ['measures its output with a sensor, feeds the measurement back', 'open-loop'])
  })
  it('MT1-MPC-004: inductive proximity sensor detects metal only, without contact', () => {
    checkFact('MT1-MPC-004', optionIds('MT1-MPC-004', 'Inductive proximity sensor'), ['detects metal targets without contact', 'ignores nonmetals'])
  })
  it('MT1-MPC-005: G01 is a feed-rate straight line', () => {
    checkFact('MT1-MPC-005', ['B'], ['G01 is linear interpolation', 'G00 is a rapid move'])
    expect(readItem('MT1-MPC-005').choiceText('B')).toBe('G01')
  })
  it('MT1-MPC-006: solenoid valve, cylinder and servo motor are actuators', () => {
    checkFact('MT1-MPC-006', optionIds('MT1-MPC-006', 'Solenoid valve', 'Pneumatic cylinder', 'Servo motor'), ['Actuators turn a control signal into motion or force', 'are sensors'])
  })
  it('MT1-MPC-008: thermocouple', () => {
    checkFact('MT1-MPC-008', ['thermocouple'], ['two dissimilar metals', 'generates a small voltage'])
  })
  it('MT1-MPC-009: Z is parallel to the spindle', () => {
    checkFact('MT1-MPC-009', ['Z'], ['the Z axis is parallel to the spindle'])
  })
  it('MT1-MPC-010: casting, forming, joining, additive', () => {
    checkFact('MT1-MPC-010', ['P1 CAST', 'P2 FORM', 'P3 JOIN', 'P4 ADD'], ['Casting pours molten metal', 'Forming reshapes solid metal', 'Joining', 'Additive manufacturing builds'])
  })
  it('MT1-MPC-011: pattern, mold, pour, shakeout, clean', () => {
    checkFact('MT1-MPC-011', optionIds('MT1-MPC-011', /^Make a pattern/, /^Pack sand/, /^Pour molten/, /^Let the metal solidify/, /^Cut off the gates/), ['The pattern comes first'])
    expect(readItem('MT1-MPC-011').cardinality).toBe('ordered')
  })
  it('MT1-MPC-012: the controller is the first block after the comparator', () => {
    checkFact('MT1-MPC-012', ['A'], ['The controller is the first block after it, block A', 'block D, in the feedback path, is the sensor'])
  })
  it('MT1-MPC-P01: additive manufacturing for a few custom parts', () => {
    checkFact('MT1-MPC-P01', optionIds('MT1-MPC-P01', /^Additive manufacturing/), ['Additive manufacturing builds the part layer by layer', 'no tooling'])
  })
  it('MT1-MPC-P04: photoelectric and inductive sensors are non-contact', () => {
    checkFact('MT1-MPC-P04', optionIds('MT1-MPC-P04', 'Photoelectric sensor', 'Inductive proximity sensor'), ['neither touches the target'])
  })
})
