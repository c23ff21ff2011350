// Key checks for the SRMT items in SPAT (spatial reasoning), MECH (mechanics) and FPT (fluid power and
// thermodynamics). Computed items: the stem states the numbers, the answer is computed here, and the key
// (and no distractor) matches it. Drawing items: the part is restated as data (unit cells, holes) and
// its orthographic views are projected here, so the keyed view is checked to be the true projection.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listItemFiles, readItem, numberIn, type ParsedItem } from './item-xml.js'
import { ck, drawnView, foldedOpposites, mirrored, normal, part, quarterTurn, sig, turnings, viewLines, type Cell, type Part, type View } from './solid-views.js'

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

const fileOf = (identifier: string): string => listItemFiles().find((f) => f.identifier === identifier)!.file
/** The item's QTI source (for hotspot coordinates and long descriptions). */
const itemXml = (identifier: string): string => fs.readFileSync(fileOf(identifier), 'utf8')
/** The item's figure, figures/<identifier>.svg. */
const figureOf = (identifier: string): string => fs.readFileSync(path.join(path.dirname(fileOf(identifier)), 'figures', `${identifier}.svg`), 'utf8')

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

  // ---------------------------------------------------------------- practice items added with the lessons
  it('MT1-SPAT-P05: drawing C is the true top view; A is turned front to back, B seen from below, D mirrored', () => {
    const item = readItem('MT1-SPAT-P05')
    for (const s of ['front right corner', 'back left corner', 'third-angle']) expect(item.stem).toContain(s)
    const bracket = part([[0, 6, 0, 4, 0, 1], [4, 6, 0, 2, 1, 3]], [], [[1.5, 2.5, 0.5, 0, 1]])
    const options: Record<string, string> = {
      A: sig(viewLines(part([[0, 6, 0, 4, 0, 1], [4, 6, 2, 4, 1, 3]], [], [[1.5, 1.5, 0.5, 0, 1]]), 'top')),
      B: sig(viewLines(bracket, 'bottom')),
      C: sig(viewLines(bracket, 'top')),
      D: sig(viewLines(part([[0, 6, 0, 4, 0, 1], [0, 2, 0, 2, 1, 3]], [], [[4.5, 2.5, 0.5, 0, 1]]), 'top')),
    }
    const svg = figureOf('MT1-SPAT-P05')
    for (const [k, v] of Object.entries(options)) expect(sig(drawnView(svg, `view-${k}`)), `drawing ${k}`).toBe(v)
    const truth = sig(viewLines(bracket, 'top'))
    expect(new Set(Object.values(options)).size).toBe(4)
    expect(item.correct).toEqual([item.idOf('Drawing C')])
    expect(Object.entries(options).filter(([, v]) => v === truth).map(([k]) => `Drawing ${k}`)).toEqual([item.choiceText(item.correct[0]!)])
  })

  it('MT1-SPAT-P06: front and right views together place the 4-unit surface at the back left', () => {
    const item = readItem('MT1-SPAT-P06')
    const heights: Record<string, [number, number, number, number, number]> = {
      'Back left area': [0, 3, 2, 4, 4], 'Back right area': [3, 6, 2, 4, 1], 'Front left area': [0, 3, 0, 2, 2], 'Front right area': [3, 6, 0, 2, 3],
    }
    const block = part(Object.values(heights).map(([x0, x1, y0, y1, h]) => [x0, x1, y0, y1, 0, h]))
    const svg = figureOf('MT1-SPAT-P06')
    for (const v of ['top', 'front', 'right'] as View[]) expect(sig(drawnView(svg, `view-${v}`)), v).toBe(sig(viewLines(block, v)))
    // the front view alone shows the left half reaching 4; the right view alone shows the back half reaching 4
    expect(viewLines(block, 'front').visible).toContain('0,4-3,4')
    expect(viewLines(block, 'right').visible).toContain('2,4-4,4')
    const highest = Object.entries(heights).sort((a, b) => b[1][4] - a[1][4])[0]![0]
    expect(highest).toBe('Back left area')
    expect(item.correct).toEqual([item.idOf(highest)])
    // each hotspot covers its own area of the drawn top view
    const [ox, oy, u] = /<g id="view-top" transform="translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)/.exec(svg)!.slice(1).map(Number) as [number, number, number]
    const xml = itemXml('MT1-SPAT-P06')
    for (const [label, [x0, x1, y0, y1]] of Object.entries(heights)) {
      const coords = new RegExp(`coords="([\\d,]+)" hotspot-label="${label}"`).exec(xml)![1]!.split(',').map(Number)
      expect(coords[0]).toBeGreaterThanOrEqual(ox + x0 * u); expect(coords[2]).toBeLessThanOrEqual(ox + x1 * u)
      expect(coords[1]).toBeGreaterThanOrEqual(oy - y1 * u); expect(coords[3]).toBeLessThanOrEqual(oy - y0 * u)
    }
  })

  it('MT1-SPAT-P07: each feature adds to the top view what its description says', () => {
    const item = readItem('MT1-SPAT-P07')
    const plain = viewLines(part([[0, 6, 0, 4, 0, 3]]), 'top')
    const features: Record<string, Part> = {
      L1: part([[0, 6, 0, 4, 0, 3]], [], [[3, 2, 0.75, 0, 3]]),
      L2: part([[0, 6, 0, 4, 0, 3]], [[2, 4, 0, 4, 0, 1]]),
      L3: part([[0, 6, 0, 4, 0, 3]], [[0, 6, 0, 1, 2, 3]]),
      L4: part([[0, 6, 0, 4, 0, 3]], [[2, 4, 0, 4, 2, 3]]),
    }
    const describe = (p: Part): string => {
      const v = viewLines(p, 'top')
      const added = (mine: string[], base: string[]) => mine.filter((l) => !base.includes(l))
      const vis = added(v.visible, plain.visible)
      const hid = added(v.hidden, plain.hidden)
      const circles = vis.filter((l) => l.startsWith('circle'))
      if (circles.length === 1 && vis.length === 1 && hid.length === 0) return 'A circle drawn with a solid line'
      const along = (l: string) => { const [a, b] = l.split('-').map((e) => e.split(',').map(Number)); return a![0] === b![0] ? 'from front to back' : 'from left to right' }
      const count = ['', 'One', 'Two'] as const
      if (hid.length === 0) return `${count[vis.length]} solid line${vis.length > 1 ? 's' : ''} running ${along(vis[0]!)}`
      return `${count[hid.length]} dashed line${hid.length > 1 ? 's' : ''} running ${along(hid[0]!)}`
    }
    const pairs = Object.entries(features).map(([l, p]) => `${l} ${item.idOf(describe(p))}`)
    expect([...item.correct].sort()).toEqual(pairs.sort())
  })

  it('MT1-SPAT-P08: folding the staircase pattern puts face 2 opposite face 5', () => {
    const item = readItem('MT1-SPAT-P08')
    const net: Record<string, number> = { '0,0': 1, '1,0': 2, '1,1': 3, '2,1': 4, '2,2': 5, '3,2': 6 }
    // the figure draws these squares (70 px, from 40,25) with these numbers
    const svg = figureOf('MT1-SPAT-P08')
    const drawn = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="70" height="70"[^>]*\/>\s*<text x="[\d.]+" y="[\d.]+"[^>]*>(\d)<\/text>/g)]
      .map((m) => [`${(Number(m[1]) - 40) / 70},${(Number(m[2]) - 25) / 70}`, Number(m[3])])
    expect(Object.fromEntries(drawn)).toEqual(net)
    const opposite = foldedOpposites(net)
    expect(opposite[5]).toBe(2)
    expect(item.choiceText(item.correct[0]!)).toBe(`face ${opposite[5]}`)
    expect(item.stem).toContain('opposite face 5')
  })

  it('MT1-SPAT-P09: pushing arm A up turns the crank counterclockwise, so the top of arm B moves left', () => {
    const item = readItem('MT1-SPAT-P09')
    for (const s of ['arm A points to the right', 'arm B points straight up', 'pushes the end of arm A upward']) expect(item.stem).toContain(s)
    const rA = [1, 0], push = [0, 1]
    const omega = rA[0]! * push[1]! - rA[1]! * push[0]! // z torque: + is counterclockwise
    const rB = [0, 1]
    const vB = [-omega * rB[1]!, omega * rB[0]!]
    expect(vB).toEqual([-1, 0])
    expect(item.choiceText(item.correct[0]!)).toBe('To the left')
    expect(item.rationale).toMatch(/counterclockwise/)
  })

  it('MT1-SPAT-P10: drawings B and D are the part turned; A, C and E are mirror images', () => {
    const item = readItem('MT1-SPAT-P10')
    const partCells: Cell[] = [[0, 0, 0], [1, 0, 0], [2, 0, 0], [3, 0, 0], [3, 1, 0], [3, 1, 1]]
    const options: Record<string, Cell[]> = {
      A: mirrored(partCells),
      B: quarterTurn(partCells, 2),
      C: quarterTurn(mirrored(partCells), 2),
      D: quarterTurn(quarterTurn(partCells, 2), 2),
      E: quarterTurn(quarterTurn(quarterTurn(mirrored(partCells), 2), 2), 2),
    }
    const turned = turnings(partCells)
    expect(turned.has(normal(mirrored(partCells)))).toBe(false) // the part is not its own mirror image
    expect(new Set(Object.values(options).map(normal)).size).toBe(5)
    const same = Object.entries(options).filter(([, c]) => turned.has(normal(c))).map(([k]) => item.idOf(`Drawing ${k}`))
    expect([...item.correct].sort()).toEqual(same.sort())
    expect(same).toHaveLength(2)
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

  // ---------------------------------------------------------------- practice items added with the lessons
  it('MT1-MECH-P05: second-class bar, effort = 900 x 0.5 / 6 = 75 lb', () => {
    const item = readItem('MT1-MECH-P05')
    for (const s of ['6 ft', '0.5 ft', '900 lb', 'second-class']) expect(item.stem).toContain(s)
    expectNumericKey(item, (900 * 0.5) / 6, 0.5)
  })

  it('MT1-MECH-P06: torque = 40 lb x 15 in = 600 lb·in = 50 lb·ft', () => {
    const item = readItem('MT1-MECH-P06')
    for (const s of ['40 lb', '15 in']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (40 * 15) / 12)
    expect(item.choiceText(item.correct[0]!)).toMatch(/lb·ft$/)
  })

  it('MT1-MECH-P07: 12T -> 48T at 1,800 rpm gives 450 rpm, 4 x the torque, the opposite direction', () => {
    const item = readItem('MT1-MECH-P07')
    for (const s of ['12-tooth', '1,800 rpm', '48-tooth']) expect(item.stem).toContain(s)
    const ratio = 48 / 12
    const rpm = 1800 / ratio
    const meshes = 1
    const truth: Record<string, boolean> = {
      [`The conveyor shaft turns at ${(1800 * ratio).toLocaleString('en-US')} rpm.`]: false,
      [`The conveyor shaft turns at ${rpm} rpm.`]: true,
      'The conveyor shaft turns in the same direction as the motor shaft.': meshes % 2 === 0,
      'The conveyor shaft puts out more power than the motor puts in.': false, // power in = power out at best
      [`The conveyor shaft delivers ${ratio} times the motor’s torque.`]: true,
    }
    const keyed = Object.entries(truth).filter(([, t]) => t).map(([text]) => item.idOf(text))
    expect([...item.correct].sort()).toEqual(keyed.sort())
  })

  it('MT1-MECH-P08: pulls 240/4, 240/3, 240/2, 240/1 put the rigs in the order A, C, D, B', () => {
    const item = readItem('MT1-MECH-P08')
    expect(item.stem).toContain('240 lb')
    const strands: Record<string, [number, RegExp]> = {
      A: [4, /Rig A: [^.]*four strands/], B: [1, /Rig B: one pulley is fixed/], C: [3, /Rig C: [^.]*three strands/], D: [2, /Rig D: one pulley rides on the load/],
    }
    const desc = itemXml('MT1-MECH-P08')
    for (const [, [, said]] of Object.entries(strands)) expect(desc).toMatch(said)
    const order = Object.keys(strands).sort((a, b) => 240 / strands[a]![0] - 240 / strands[b]![0])
    expect(item.correct).toEqual(order.map((k) => item.idOf(`Rig ${k}`)))
  })

  it('MT1-MECH-P09: the 60-tooth gear (drawn with 60 teeth) turns slowest and delivers the most torque', () => {
    const item = readItem('MT1-MECH-P09')
    for (const s of ['20-tooth', '600 rpm', '40-tooth', '30-tooth', '60-tooth']) expect(item.stem).toContain(s)
    const svg = figureOf('MT1-MECH-P09')
    const xml = itemXml('MT1-MECH-P09')
    const gears = [...svg.matchAll(/<g id="gear-(\d+)" transform="translate\(([\d.]+) ([\d.]+)\)">\s*<path d="([^"]+)"/g)].map((m) => {
      const pts = [...m[4]!.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((p) => Math.hypot(Number(p[1]), Number(p[2])))
      const tip = Math.max(...pts)
      return { named: Number(m[1]), x: Number(m[2]), y: Number(m[3]), teeth: pts.filter((r) => r > tip - 0.5).length / 2 }
    })
    expect(gears.map((g) => g.teeth).sort((a, b) => a - b)).toEqual([20, 30, 40, 60])
    for (const g of gears) expect(g.teeth).toBe(g.named)
    const driven = gears.filter((g) => g.teeth !== 20)
    const torqueRatio = (g: { teeth: number }) => g.teeth / 20 // ideal: torque out / torque in = speed in / speed out
    const best = driven.sort((a, b) => torqueRatio(b) - torqueRatio(a))[0]!
    expect(best.teeth).toBe(60)
    const spot = new RegExp(`identifier="${item.correct[0]}" shape="circle" coords="([\\d.]+),([\\d.]+),`).exec(xml)!
    expect([Math.round(Number(spot[1])), Math.round(Number(spot[2]))]).toEqual([Math.round(best.x), Math.round(best.y)])
  })

  it('MT1-MECH-P10: 12T drives 36T, so 25 turns of the head shaft take 25 x 36 / 12 = 75 motor turns', () => {
    const item = readItem('MT1-MECH-P10')
    for (const s of ['12-tooth', '36-tooth', '25 turns']) expect(item.text).toContain(s)
    expectChoiceKey(item, (25 * 36) / 12)
  })

  it('MT1-MECH-P11: four strands, 4 x 18 in = 72 in of rope', () => {
    const item = readItem('MT1-MECH-P11')
    for (const s of ['four rope strands', '18 in']) expect(item.stem).toContain(s)
    expectNumericKey(item, 4 * 18, 0.5)
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

  // ---------------------------------------------------------------- practice items added with the lessons
  it('MT1-FPT-P05: 0.5 in² x 6 in = 3 in³ lifts the 12 in² piston 0.25 in', () => {
    const item = readItem('MT1-FPT-P05')
    for (const s of ['0.5 in²', '6 in', '12 in²']) expect(item.stem).toContain(s)
    expectChoiceKey(item, (0.5 * 6) / 12, 0.005)
  })

  it('MT1-FPT-P06: F = 600 kPa x pi x 0.050² / 4 = 1,178 N', () => {
    const item = readItem('MT1-FPT-P06')
    for (const s of ['50 mm bore', '600 kPa']) expect(item.stem).toContain(s)
    const force = 600_000 * circleArea(0.05)
    expect(Math.round(force)).toBe(1178)
    expectNumericKey(item, Math.round(force), 1)
  })

  it('MT1-FPT-P07: 90 psig + 14.7 = 104.7 psia', () => {
    const item = readItem('MT1-FPT-P07')
    for (const s of ['90 psig', '14.7 psia']) expect(item.text).toContain(s)
    expect(item.choiceText(item.correct[0]!)).toBe(`${90 + 14.7} psia`)
    expectChoiceKey(item, 90 + 14.7, 0.05)
  })

  it('MT1-FPT-P08: constant volume in absolute units: 114.7 x 333 / 293 - 14.7 = 116 psig', () => {
    const item = readItem('MT1-FPT-P08')
    for (const s of ['100 psig', '20 °C', '60 °C', '14.7 psia']) expect(item.stem).toContain(s)
    const p2 = ((100 + 14.7) * (60 + 273)) / (20 + 273) - 14.7
    expectChoiceKey(item, p2, 0.5)
    expect(item.rationale).toMatch(/absolute/)
  })

  it('MT1-FPT-P09: conduction is heat through solids or between touching parts', () => {
    const item = readItem('MT1-FPT-P09')
    const mode: [RegExp, 'conduction' | 'convection' | 'radiation'][] = [
      [/^Heat flows from a hot die/, 'conduction'], [/^A blower pushes hot air/, 'convection'], [/^A soldering iron/, 'conduction'],
      [/^Sunlight warms/, 'radiation'], [/brick wall/, 'conduction'],
    ]
    expect([...item.correct].sort()).toEqual(mode.filter(([, m]) => m === 'conduction').map(([t]) => item.idOf(t)).sort())
    expect(item.rationale).toMatch(/convection/)
    expect(item.rationale).toMatch(/radiation/)
  })

  it('MT1-FPT-P10: 6 in³ raises the 1.5 in² piston farthest (4 in)', () => {
    const item = readItem('MT1-FPT-P10')
    const areas: Record<string, number> = { A: 3, B: 1.5, C: 6, D: 2 }
    for (const [k, a] of Object.entries(areas)) expect(item.stem).toContain(`${k} ${a} in²`)
    expect(item.stem).toContain('6 in³')
    const rise = Object.fromEntries(Object.entries(areas).map(([k, a]) => [k, 6 / a]))
    const farthest = Object.keys(rise).sort((a, b) => rise[b]! - rise[a]!)[0]!
    expect(rise[farthest]).toBe(4)
    expect(item.correct).toEqual([item.idOf(`Cylinder ${farthest}, ${areas[farthest]} square inches`)])
    for (const [k, a] of Object.entries(areas)) expect(figureOf('MT1-FPT-P10')).toContain(`>${k}: ${a} in²</text>`)
  })

  it('MT1-FPT-P11: 0 psig 14.7, 200 kPa abs 29.0, 35 psia, 25 psig 39.7 psia', () => {
    const item = readItem('MT1-FPT-P11')
    for (const s of ['14.7 psi', '0.145 psi']) expect(item.stem).toContain(s)
    const psia = (text: string): number => {
      const v = numberIn(text)
      if (/psig/.test(text)) return v + 14.7
      if (/kPa absolute/.test(text)) return v * 0.145
      if (/psia/.test(text)) return v
      throw new Error(text)
    }
    const ids = item.interaction!.options.map((o) => o.id)
    const order = [...ids].sort((a, b) => psia(item.choiceText(a)) - psia(item.choiceText(b)))
    expect(item.correct).toEqual(order)
    expect(order.map((id) => item.choiceText(id))).toEqual(['0 psig', '200 kPa absolute', '35 psia', '25 psig'])
  })
})
