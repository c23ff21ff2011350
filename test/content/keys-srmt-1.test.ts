// Key checks for the SRMT items in SPAT (spatial reasoning), MECH (mechanics) and FPT (fluid power and
// thermodynamics). Computed items: the stem states the numbers, the answer is computed here, and the key
// (and no distractor) matches it. Drawing items: the part is restated as data (unit cells, holes) and
// its orthographic views are projected here, so the keyed view is checked to be the true projection.
import { describe, expect, it } from 'vitest'
import { readItem, numberIn, type ParsedItem } from './item-xml.js'
import { ck, part, sig, viewLines, type Part, type View } from './solid-views.js'

// ------------------------------------------------------------------ helpers
const keyed = (item: ParsedItem): number => numberIn(item.choiceText(item.correct[0]!))
const numbersIn = (text: string): number[] => (text.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? []).map((s) => Number(s.replace(/,/g, '')))

/** Asserts the keyed option shows `value` (within tol) and no other option does. */
function expectChoiceKey(item: ParsedItem, value: number, tol = 0.5): void {
  expect(item.correct).toHaveLength(1)
  expect(Math.abs(keyed(item) - value)).toBeLessThanOrEqual(tol)
  for (const id of item.choiceIds) {
    if (id === item.correct[0]) continue
    expect(Math.abs(numberIn(item.choiceText(id)) - value)).toBeGreaterThan(tol)
  }
}

function expectNumericKey(item: ParsedItem, value: number, tol: number): void {
  expect(item.baseType).toBe('float')
  expect(Math.abs(Number(item.correct[0]) - value)).toBeLessThanOrEqual(1e-9 + tol)
  expect(item.tolerance).toEqual([tol, tol])
}

// ------------------------------------------------------------------ SPAT
describe('SPAT keys', () => {
  const A = part([[0, 6, 0, 4, 0, 2], [0, 6, 2, 4, 2, 4]], [[2, 4, 2, 4, 3, 4]])
  const A_deep = part([[0, 6, 0, 4, 0, 2], [0, 6, 2, 4, 2, 4]], [[2, 4, 2, 4, 2, 4]])
  const A_backSlot = part([[0, 6, 0, 4, 0, 2], [0, 6, 2, 4, 2, 4]], [[2, 4, 3, 4, 3, 4]])

  it('MT1-SPAT-001: only the keyed option is the true front view (slot visible as a notch)', () => {
    const item = readItem('MT1-SPAT-001')
    const truth = sig(viewLines(A, 'front'))
    const options: Record<string, string> = {
      A: sig(viewLines(A_deep, 'front')), B: truth, C: sig(viewLines(A_backSlot, 'front')), D: sig(viewLines(A, 'back')),
    }
    expect(item.correct).toEqual(['B'])
    expect(Object.entries(options).filter(([, v]) => v === truth).map(([k]) => k)).toEqual(['B'])
    expect(viewLines(A, 'front').hidden).toEqual([]) // the slot goes through: no hidden lines
    expect(item.rationale).toMatch(/slot/)
  })

  const Bp = part([[0, 6, 0, 4, 0, 2], [0, 2, 0, 4, 2, 4]], [], [[4, 2, 0.6, 0, 2]])
  it('MT1-SPAT-002: the keyed option is the right-side view (solid step line, hole hidden to height 2)', () => {
    const item = readItem('MT1-SPAT-002')
    const right = viewLines(Bp, 'right')
    const truth = sig(right)
    const options: Record<string, string> = {
      A: sig(viewLines(Bp, 'left')),
      B: sig({ visible: right.visible, hidden: [] }),
      C: sig({ visible: right.visible, hidden: ['1.4,0-1.4,4', '2.6,0-2.6,4'] }),
      D: truth,
    }
    expect(item.correct).toEqual(['D'])
    expect(Object.entries(options).filter(([, v]) => v === truth).map(([k]) => k)).toEqual(['D'])
    expect(right.visible).toContain('0,2-4,2')
    expect(right.hidden).toEqual(['1.4,0-1.4,2', '2.6,0-2.6,2'])
  })

  it('MT1-SPAT-003: surface S (horizontal, height 3, right 2 units) is line 2 of the front view', () => {
    const item = readItem('MT1-SPAT-003')
    const C = part([[0, 2, 0, 4, 0, 4], [2, 4, 0, 4, 0, 2], [4, 6, 0, 2, 0, 2], [4, 6, 2, 4, 0, 3]])
    const front = viewLines(C, 'front')
    const numbered: Record<string, string> = { 'Line 1': '0,4-2,4', 'Line 2': '4,3-6,3', 'Line 3': '2,2-6,2', 'Line 4': '4,2-4,3' }
    for (const line of Object.values(numbered)) expect(front.visible).toContain(line)
    // S: top face at z=3 over x 4..6 -> seen edge-on from the front as the line at v=3, h 4..6
    const sLine = '4,3-6,3'
    const keyText = item.choiceText(item.correct[0]!)
    expect(numbered[keyText]).toBe(sLine)
  })

  it('MT1-SPAT-004: only the keyed isometric has the given front, top and right-side views', () => {
    const item = readItem('MT1-SPAT-004')
    const D = part([[0, 6, 0, 4, 0, 2], [0, 2, 0, 4, 2, 4]], [[4, 6, 0, 2, 0, 2]])
    const options: Record<string, Part> = {
      A: part([[0, 6, 0, 4, 0, 2], [0, 2, 0, 4, 2, 4]], [[4, 6, 2, 4, 0, 2]]),
      B: part([[0, 6, 0, 4, 0, 2], [4, 6, 0, 4, 2, 4]], [[0, 2, 0, 2, 0, 2]]),
      C: D,
      D: part([[0, 6, 0, 4, 0, 2], [0, 2, 2, 4, 2, 4]], [[4, 6, 0, 2, 0, 2]]),
    }
    const three = (p: Part): string => (['front', 'top', 'right'] as View[]).map((v) => sig(viewLines(p, v))).join('|')
    const given = three(D)
    expect(item.correct).toEqual(['C'])
    expect(Object.entries(options).filter(([, p]) => three(p) === given).map(([k]) => k)).toEqual(['C'])
  })

  it('MT1-SPAT-005: the keyed top view shows the underside groove as two hidden lines', () => {
    const item = readItem('MT1-SPAT-005')
    const E = part([[0, 6, 0, 4, 0, 2], [0, 6, 2, 4, 2, 3]], [[2, 4, 0, 4, 0, 1]])
    const E0 = part([[0, 6, 0, 4, 0, 2], [0, 6, 2, 4, 2, 3]])
    const top = viewLines(E, 'top')
    const truth = sig(top)
    const options: Record<string, string> = {
      A: truth,
      B: sig(viewLines(E0, 'top')),
      C: sig({ visible: [...top.visible, ...top.hidden].sort(), hidden: [] }),
      D: sig(viewLines(E, 'bottom')),
    }
    expect(top.hidden).toEqual(['2,0-2,4', '4,0-4,4'])
    expect(item.correct).toEqual(['A'])
    expect(Object.entries(options).filter(([, v]) => v === truth).map(([k]) => k)).toEqual(['A'])
  })

  it('MT1-SPAT-006: a pinion turning clockwise drives the rack below it to the left', () => {
    const item = readItem('MT1-SPAT-006')
    expect(item.stem).toContain('clockwise')
    expect(item.stem).toContain('below')
    // velocity of the mesh point (bottom of the pinion, r = (0, -R)) for clockwise rotation (omega < 0, y up)
    const omega = -1, R = 1
    const vx = -omega * -R // v = omega x r = (-omega * ry, omega * rx)
    expect(vx).toBeLessThan(0)
    expect(item.choiceText(item.correct[0]!)).toBe('To the left')
  })

  it('MT1-SPAT-007: the hole is hidden in the front, right-side and left-side views only', () => {
    const item = readItem('MT1-SPAT-007')
    const F = part([[0, 6, 0, 4, 0, 2], [0, 6, 3, 4, 2, 5]], [], [[3, 1.5, 0.6, 0, 2]])
    const names: Record<View, string> = { front: 'Front view', top: 'Top view', right: 'Right-side view', left: 'Left-side view', bottom: 'Bottom view', back: 'Back view' }
    const hiddenOnly = (['front', 'top', 'right', 'left', 'bottom'] as View[]).filter((v) => {
      const l = viewLines(F, v)
      return !l.visible.some((x) => x.startsWith('circle')) && l.hidden.some((x) => x.includes('.'))
    }).map((v) => names[v]).sort()
    expect(item.correct.map((id) => item.choiceText(id)).sort()).toEqual(hiddenOnly)
    expect(hiddenOnly).toEqual(['Front view', 'Left-side view', 'Right-side view'])
  })

  it('MT1-SPAT-008: the right-side view has 3 hidden lines (step floor + two hole walls)', () => {
    const item = readItem('MT1-SPAT-008')
    const G = part([[0, 6, 0, 4, 0, 4]], [[0, 2, 0, 4, 3, 4]], [[4, 2, 0.6, 0, 4]])
    const hidden = viewLines(G, 'right').hidden
    expect(hidden).toEqual(['0,3-4,3', '1.4,0-1.4,4', '2.6,0-2.6,4'])
    expectNumericKey(item, hidden.length, 0)
  })

  it('MT1-SPAT-009: third-angle projection puts the top view above the front view', () => {
    const item = readItem('MT1-SPAT-009')
    expect(item.stem).toContain('third-angle')
    expect(item.correct).toEqual(['top'])
    expect(item.baseType).toBe('string')
  })

  it('MT1-SPAT-010: a slot in the back face shows as hidden lines in the front view', () => {
    const item = readItem('MT1-SPAT-010')
    const H = part([[0, 6, 0, 3, 0, 4]], [[2, 4, 2, 3, 0, 4]])
    expect(viewLines(H, 'front').hidden).toEqual(['2,0-2,4', '4,0-4,4'])
    expect(item.choiceText(item.correct[0]!)).toBe('dashed hidden lines')
  })

  it('MT1-SPAT-011: views 1, 2, 3 are the right-side, top and front views (left-side view differs)', () => {
    const item = readItem('MT1-SPAT-011')
    const I = part([[0, 6, 0, 4, 0, 2], [4, 6, 0, 4, 2, 4]], [], [[1.5, 1.5, 0.6, 0, 2]])
    const right = viewLines(I, 'right'); const left = viewLines(I, 'left')
    expect(right.hidden).toContain('0,2-4,2') // step edge hidden from the right
    expect(left.visible).toContain('-4,2-0,2') // and visible from the left
    expect(sig(right)).not.toBe(sig(left))
    expect([...item.correct].sort()).toEqual(['V1 RS', 'V2 TP', 'V3 FR'])
  })

  it('MT1-SPAT-012: the vertical front-view line at 3 units is the raised section\u2019s right-hand face', () => {
    const item = readItem('MT1-SPAT-012')
    const J = part([[0, 6, 0, 4, 0, 2], [0, 3, 2, 4, 2, 4]])
    expect(viewLines(J, 'front').visible).toContain('3,2-3,4')
    // the only faces normal to x at x = 3 between heights 2 and 4 belong to the raised section (its right side)
    // right-facing faces in the plane x = 3: cells (2, j, k) with (3, j, k) empty -- only the raised section
    const facesAt3 = [...J.cells].map((c) => c.split(',').map(Number)).filter(([i, j, k]) => i === 2 && !J.cells.has(ck(3, j!, k!)))
    expect(facesAt3.map(([, j, k]) => `${j},${k}`).sort()).toEqual(['2,2', '2,3', '3,2', '3,3'])
    expect(item.correct).toEqual(['A'])
    expect(item.rationale).toMatch(/right-hand face of the raised section/)
  })

  it('MT1-SPAT-P01: a quarter turn clockwise seen from above is drawing D only', () => {
    const item = readItem('MT1-SPAT-P01')
    const K = part([[0, 5, 0, 3, 0, 1], [0, 2, 0, 3, 1, 3], [2, 5, 2, 3, 1, 2]])
    const norm = (cells: number[][]): string => {
      const mins = [0, 1, 2].map((a) => Math.min(...cells.map((c) => c[a]!)))
      return cells.map((c) => c.map((v, a) => v - mins[a]!).join(',')).sort().join(' ')
    }
    const cellsOf = (p: Part): number[][] => [...p.cells].map((c) => c.split(',').map(Number))
    const cw = (cs: number[][]): number[][] => cs.map(([i, j, k]) => [j!, -i! - 1, k!]) // (x, y) -> (y, -x)
    const mirror = (cs: number[][]): number[][] => cs.map(([i, j, k]) => [-i!, j!, k!])
    const turned = cw(cellsOf(K))
    const options: Record<string, string> = {
      A: norm(cw(cw(turned))), B: norm(mirror(turned)), C: norm(cw(turned)), D: norm(turned),
    }
    expect(item.correct).toEqual(['D'])
    expect(new Set(Object.values(options)).size).toBe(4)
    expect(Object.entries(options).filter(([, v]) => v === norm(turned)).map(([k]) => k)).toEqual(['D'])
  })

  it('MT1-SPAT-P02: open belt keeps direction, crossed belt reverses it', () => {
    const item = readItem('MT1-SPAT-P02')
    expect(item.stem).toContain('open belt')
    expect(item.stem).toContain('crossed belt')
    const A = 1 // +1 clockwise
    const B = A * 1 // open belt
    const C = B * -1 // crossed belt
    const word = (d: number): string => (d > 0 ? 'clockwise' : 'counterclockwise')
    expect(item.choiceText(item.correct[0]!)).toBe(`B ${word(B)}, C ${word(C)}`)
  })

  it('MT1-SPAT-P03: counterclockwise pinion drives the rack right and the 30-tooth gear clockwise, slower', () => {
    const item = readItem('MT1-SPAT-P03')
    expect(item.stem).toContain('15-tooth')
    expect(item.stem).toContain('30-tooth')
    const omega = 1 // counterclockwise, y up
    const vxBottom = -omega * -1 // bottom point r = (0, -1)
    expect(vxBottom).toBeGreaterThan(0) // rack moves right
    const gearDir = -omega // meshing gear reverses: clockwise
    const speedRatio = 15 / 30
    expect(gearDir).toBeLessThan(0)
    expect(speedRatio).toBeLessThan(1)
    expect(item.correct.map((id) => item.choiceText(id)).sort()).toEqual(['The 30-tooth gear turns clockwise.', 'The rack moves to the right.'])
  })

  it('MT1-SPAT-P04: the front view has 4 hidden lines (two hole walls, two slot walls)', () => {
    const item = readItem('MT1-SPAT-P04')
    const L = part([[0, 6, 0, 4, 0, 3]], [[3, 5, 3, 4, 0, 3]], [[1.5, 2, 0.5, 0, 3]])
    const hidden = viewLines(L, 'front').hidden
    expect(hidden).toEqual(['1,0-1,3', '2,0-2,3', '3,0-3,3', '5,0-5,3'])
    expectNumericKey(item, hidden.length, 0)
  })
})

// ------------------------------------------------------------------ MECH
describe('MECH keys', () => {
  it('MT1-MECH-001: first-class lever effort = 240 x 6 / 36 = 40 lb', () => {
    const item = readItem('MT1-MECH-001')
    for (const s of ['240 lb', '6 in', '36 in']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (240 * 6) / 36)
  })

  it('MT1-MECH-002: wheelbarrow effort = 180 x 1.5 / 4.5 = 60 lb', () => {
    const item = readItem('MT1-MECH-002')
    for (const s of ['180 lb', '1.5 ft', '4.5 ft']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (180 * 1.5) / 4.5)
  })

  it('MT1-MECH-003: effort between pivot and load = third class, MA 2/8 < 1', () => {
    const item = readItem('MT1-MECH-003')
    for (const s of ['2 ft', '8 ft']) expect(item.stem).toContain(s)
    const ma = 2 / 8
    expect(ma).toBeLessThan(1)
    expect(item.choiceText(item.correct[0]!)).toMatch(/^Third class; the cylinder needs more force/)
  })

  it('MT1-MECH-004: 4 supporting strands, 600 / 4 = 150 lb', () => {
    const item = readItem('MT1-MECH-004')
    expect(item.stem).toContain('600 lb')
    // rope path: dead end on the upper block, under L1, over U1, under L2, over U2, free end down
    const strands = ['upper->L1', 'L1->U1', 'U1->L2', 'L2->U2'] // strands between the blocks (free end excluded)
    expectChoiceKey(item, 600 / strands.length)
  })

  it('MT1-MECH-005: driven speed = 1,200 x 20 / 60 = 400 rpm', () => {
    const item = readItem('MT1-MECH-005')
    for (const s of ['20-tooth', '1,200 rpm', '60-tooth']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (1200 * 20) / 60)
  })

  it('MT1-MECH-006: idler train, 900 x 24 / 48 = 450 rpm, same direction as the driver', () => {
    const item = readItem('MT1-MECH-006')
    for (const s of ['24-tooth', '900 rpm', '36-tooth', '48-tooth', 'clockwise']) expect(item.stem).toContain(s)
    const rpm = (900 * 24) / 48
    const meshes = 2
    const dir = meshes % 2 === 0 ? 'clockwise' : 'counterclockwise'
    const key = item.choiceText(item.correct[0]!)
    expect(key).toBe(`${rpm} rpm, ${dir}`)
    for (const id of item.choiceIds.filter((i) => i !== item.correct[0])) expect(item.choiceText(id)).not.toBe(key)
  })

  it('MT1-MECH-007: 15T -> 45T gives 1,800 / 3 = 600 rpm and 20 x 3 = 60 N·m', () => {
    const item = readItem('MT1-MECH-007')
    for (const s of ['20 N·m', '1,800 rpm', '15-tooth', '45-tooth']) expect(item.stem).toContain(s)
    const ratio = 45 / 15
    const expected = [1800 / ratio, 20 * ratio]
    expect(numbersIn(item.choiceText(item.correct[0]!))).toEqual(expected)
    for (const id of item.choiceIds.filter((i) => i !== item.correct[0])) expect(numbersIn(item.choiceText(id))).not.toEqual(expected)
  })

  it('MT1-MECH-008: shorter load arm or longer effort arm reduces the effort', () => {
    const item = readItem('MT1-MECH-008')
    const effort = (load: number, a: number, b: number): number => (load * a) / b
    const base = effort(1000, 1, 4) // bar 5 ft: load arm 1 ft, effort arm 4 ft
    const changes: Record<string, number> = {
      A: effort(1000, 0.5, 4.5), B: effort(1000, 1, 5), C: effort(1000, 1.5, 3.5), D: effort(1000, 1, 3), E: effort(1000, 1, 3),
    }
    const reducing = Object.entries(changes).filter(([, e]) => e < base).map(([k]) => k)
    expect([...item.correct].sort()).toEqual(reducing)
  })

  it('MT1-MECH-009: compound train 1,800 x 18/54 x 20/60 = 200 rpm', () => {
    const item = readItem('MT1-MECH-009')
    for (const s of ['1,800 rpm', '18 teeth', '54 teeth', '20 teeth', '60 teeth']) expect(item.stem).toContain(s)
    expectNumericKey(item, (1800 * 18 * 20) / (54 * 60), 0.5)
  })

  it('MT1-MECH-010: a pulley with mechanical advantage 1 is a fixed pulley', () => {
    const item = readItem('MT1-MECH-010')
    expect(item.stem).toContain('50 lb')
    expect(50 / 50).toBe(1)
    expect(item.correct).toEqual(['fixed'])
  })

  it('MT1-MECH-011: 20T clockwise at 300 rpm -> 40T counterclockwise at 150 rpm', () => {
    const item = readItem('MT1-MECH-011')
    for (const s of ['20-tooth', 'clockwise', '300 rpm', '40-tooth']) expect(item.stem).toContain(s)
    expect(item.choiceText(item.correct[0]!)).toBe(`counterclockwise at ${(300 * 20) / 40} rpm`)
  })

  it('MT1-MECH-012: balance point x with 300x = 100(8 - x): 2 ft from the heavy end', () => {
    const item = readItem('MT1-MECH-012')
    for (const s of ['8 ft', '300 lb', '100 lb']) expect(item.stem).toContain(s)
    const x = (100 * 8) / (300 + 100)
    const spots: Record<string, number> = { A: 1, B: 2, C: 4, D: 6 }
    expect(spots[item.correct[0]!]).toBe(x)
    expect(Object.values(spots).filter((v) => v === x)).toHaveLength(1)
  })

  it('MT1-MECH-P01: 3 supporting strands, 540 / 3 = 180 lb', () => {
    const item = readItem('MT1-MECH-P01')
    expect(item.stem).toContain('540 lb')
    const strands = ['L->U1', 'U1->L', 'L->U2'] // dead end on the lower block; free end excluded
    expectNumericKey(item, 540 / strands.length, 0.5)
  })

  it('MT1-MECH-P02: movable pulley (MA 2) and wheelbarrow (MA > 1) are the two', () => {
    const item = readItem('MT1-MECH-P02')
    const ma: [RegExp, number][] = [
      [/^A single movable pulley/, 2],
      [/^A single fixed pulley/, 1],
      [/^A wheelbarrow/, 4.5 / 1.5],
      [/^Tweezers/, 0.25],
      [/^A 40-tooth gear driving a 20-tooth gear/, 20 / 40],
    ]
    expect([...item.correct].sort()).toEqual(ma.filter(([, v]) => v > 1).map(([text]) => item.idOf(text)).sort())
  })

  it('MT1-MECH-P03: speeds 600 x 36 / teeth, fastest to slowest B, D, A, C', () => {
    const item = readItem('MT1-MECH-P03')
    for (const s of ['36 teeth', '18 teeth', '48 teeth', '24 teeth', '600 rpm']) expect(item.stem).toContain(s)
    const teeth: Record<string, number> = { A: 36, B: 18, C: 48, D: 24 }
    const order = Object.keys(teeth).sort((p, q) => (600 * 36) / teeth[q]! - (600 * 36) / teeth[p]!)
    expect(item.correct).toEqual(order)
  })

  it('MT1-MECH-P04: lever class from what is in the middle', () => {
    const item = readItem('MT1-MECH-P04')
    const middle: Record<string, 'fulcrum' | 'load' | 'effort'> = { L1: 'fulcrum', L2: 'load', L3: 'effort', L4: 'load' }
    const cls = { fulcrum: item.idOf('First class'), load: item.idOf('Second class'), effort: item.idOf('Third class') }
    expect([...item.correct].sort()).toEqual(Object.entries(middle).map(([l, m]) => `${l} ${cls[m]}`).sort())
  })
})

// ------------------------------------------------------------------ FPT
describe('FPT keys', () => {
  const circleArea = (d: number): number => (Math.PI * d * d) / 4

  it('MT1-FPT-001: P = 1,500 / 3.0 = 500 psi', () => {
    const item = readItem('MT1-FPT-001')
    for (const s of ['3.0 in²', '1,500 lb']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 1500 / 3.0, 0.0005)
  })

  it('MT1-FPT-002: F2 = 60 x (5/1)^2 = 1,500 lb', () => {
    const item = readItem('MT1-FPT-002')
    for (const s of ['1 in diameter', '60 lb', '5 in in diameter']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (60 * circleArea(5)) / circleArea(1))
  })

  it('MT1-FPT-003: F = 100 psi x pi x 3^2 / 4 = 707 lb', () => {
    const item = readItem('MT1-FPT-003')
    for (const s of ['3 in bore', '100 psi']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 100 * circleArea(3), 0.5)
  })

  it('MT1-FPT-004: retract F = 500 x pi/4 x (2^2 - 1^2) = 1,178 lb', () => {
    const item = readItem('MT1-FPT-004')
    for (const s of ['2.0 in bore', '1.0 in diameter rod', '500 psi']) expect(item.stem).toContain(s)
    expectChoiceKey(item, 500 * (circleArea(2) - circleArea(1)), 0.5)
  })

  it('MT1-FPT-005: Boyle in absolute units: 14.7 x 100 / 25 - 14.7 = 44.1 psig', () => {
    const item = readItem('MT1-FPT-005')
    for (const s of ['100 in³', '0 psig', '14.7 psia', '25 in³']) expect(item.stem).toContain(s)
    const p2abs = (14.7 * 100) / 25
    expectChoiceKey(item, p2abs - 14.7, 0.05)
  })

  it('MT1-FPT-006: Charles in kelvins: 2.0 x (177+273)/(27+273) = 3.0 L', () => {
    const item = readItem('MT1-FPT-006')
    for (const s of ['2.0 L', '27 °C', '177 °C']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (2.0 * (177 + 273)) / (27 + 273), 0.05)
  })

  it('MT1-FPT-007: heat across air with no contact and no air flow toward the operator is radiation', () => {
    const item = readItem('MT1-FPT-007')
    expect(item.stem).toContain('away from the operator')
    expect(item.choiceText(item.correct[0]!)).toBe('Radiation')
  })

  it('MT1-FPT-008: pneumatic = compressible and exhausted to atmosphere', () => {
    const item = readItem('MT1-FPT-008')
    expect([...item.correct].sort()).toEqual(['A', 'B'])
    expect(item.rationale).toMatch(/compress/)
  })

  it('MT1-FPT-009: F2 = 45 x 30 / 1.5 = 900 lb', () => {
    const item = readItem('MT1-FPT-009')
    for (const s of ['1.5 in²', '30 in²', '45 lb']) expect(item.stem).toContain(s)
    expectNumericKey(item, (45 * 30) / 1.5, 0.5)
  })

  it('MT1-FPT-010: heat flowing through a solid is conduction', () => {
    const item = readItem('MT1-FPT-010')
    expect(item.stem).toContain('solid steel')
    expect(item.correct).toEqual(['conduction'])
  })

  it('MT1-FPT-011: 20 °C + 273 = 293 K', () => {
    const item = readItem('MT1-FPT-011')
    expect(item.stem).toContain('20 °C')
    const k = 20 + 273
    expect(item.choiceText(item.correct[0]!)).toBe(`${k} K`)
    for (const id of item.choiceIds.filter((i) => i !== item.correct[0])) expect(item.choiceText(id)).not.toBe(`${k} K`)
  })

  it('MT1-FPT-012: extend by pressurising the cap end (port 1)', () => {
    const item = readItem('MT1-FPT-012')
    expect(item.stem).toContain('Port 1 is at the cap (rear) end')
    expect(item.correct).toEqual([item.idOf('Port 1, at the cap end')])
  })

  it('MT1-FPT-P01: P = 5,000 N / 0.0025 m² = 2,000 kPa', () => {
    const item = readItem('MT1-FPT-P01')
    for (const s of ['0.0025 m²', '5,000 N']) expect(item.stem).toContain(s)
    expectNumericKey(item, 5000 / 0.0025 / 1000, 0.5)
  })

  it('MT1-FPT-P02: convection needs a moving fluid', () => {
    const item = readItem('MT1-FPT-P02')
    const movingFluid: Record<string, boolean> = { A: true, B: true, C: true, D: false, E: false }
    expect([...item.correct].sort()).toEqual(Object.keys(movingFluid).filter((k) => movingFluid[k]))
  })

  it('MT1-FPT-P03: pressures 600, 400, 900, 500 psi -> C, A, D, B', () => {
    const item = readItem('MT1-FPT-P03')
    for (const s of ['1,200 lb on a 2 in²', '2,000 lb on a 5 in²', '900 lb on a 1 in²', '3,000 lb on a 6 in²']) expect(item.stem).toContain(s)
    const p: Record<string, number> = { A: 1200 / 2, B: 2000 / 5, C: 900 / 1, D: 3000 / 6 }
    expect(item.correct).toEqual(Object.keys(p).sort((a, b) => p[b]! - p[a]!))
  })

  it('MT1-FPT-P04: Boyle, Charles, Pascal', () => {
    const item = readItem('MT1-FPT-P04')
    const expected = [`L1 ${item.idOf('Boyle’s law')}`, `L2 ${item.idOf('Charles’s law')}`, `L3 ${item.idOf('Pascal’s principle')}`]
    expect([...item.correct].sort()).toEqual(expected.sort())
  })
})
