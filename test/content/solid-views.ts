// Block parts as unit cells, for the SRMT content tests (keys-srmt-1 and lessons-srmt-1): a part is
// restated as data (boxes of unit cells added and cut away, vertical holes), its orthographic views are
// projected here (visible and hidden lines, merged), and a figure's drawn view can be read back from its
// SVG so a test compares the drawing with the projection. Parts can also be turned and mirrored, to tell
// a turned part from its mirror image, and a flat pattern of six squares can be folded into a cube.
import { expect } from 'vitest'

export type Box = [number, number, number, number, number, number] // x0,x1,y0,y1,z0,z1
export type Hole = [number, number, number, number, number] // cx, cy, r, z0, z1 (vertical through hole)
export interface Part { cells: Set<string>; holes: Hole[] }
export type View = 'front' | 'top' | 'right' | 'left' | 'back' | 'bottom'

export const ck = (i: number, j: number, k: number): string => `${i},${j},${k}`
export function part(add: Box[], sub: Box[] = [], holes: Hole[] = []): Part {
  const cells = new Set<string>()
  const each = (b: Box, f: (c: string) => void): void => {
    for (let i = b[0]; i < b[1]; i++) for (let j = b[2]; j < b[3]; j++) for (let k = b[4]; k < b[5]; k++) f(ck(i, j, k))
  }
  for (const b of add) each(b, (c) => cells.add(c))
  for (const b of sub) each(b, (c) => cells.delete(c))
  return { cells, holes }
}

// x = width (left to right), y = depth (front y=0 to back), z = height.
// view: [depth axis, sign toward the viewer, horizontal axis, horizontal sign, vertical axis]
export const VIEWS: Record<View, [number, number, number, number, number]> = {
  front: [1, -1, 0, 1, 2], top: [2, 1, 0, 1, 1], right: [0, 1, 1, 1, 2],
  left: [0, -1, 1, -1, 2], back: [1, 1, 0, -1, 2], bottom: [2, -1, 0, 1, 1],
}

export function extent(p: Part): [number[], number[]] {
  const pts = [...p.cells].map((c) => c.split(',').map(Number))
  const lo = [0, 1, 2].map((a) => Math.min(...pts.map((q) => q[a]!)))
  const hi = [0, 1, 2].map((a) => Math.max(...pts.map((q) => q[a]!)) + 1)
  return [lo, hi]
}

/** Unit edges where the surface bends (1 or 3 of the 4 surrounding cells filled, or 2 diagonal). */
export function featureEdges(p: Part): Array<[number, number[]]> {
  const [lo, hi] = extent(p)
  const has = (q: number[]): boolean => p.cells.has(ck(q[0]!, q[1]!, q[2]!))
  const out: Array<[number, number[]]> = []
  for (let a = 0; a < 3; a++) {
    for (let i = lo[0]!; i <= hi[0]!; i++) for (let j = lo[1]!; j <= hi[1]!; j++) for (let k = lo[2]!; k <= hi[2]!; k++) {
      const q = [i, j, k]
      if (q[a] === hi[a]) continue
      const [b, c] = [0, 1, 2].filter((x) => x !== a) as [number, number]
      const quad: boolean[] = []
      for (const db of [-1, 0]) for (const dc of [-1, 0]) { const r = [...q]; r[b]! += db; r[c]! += dc; quad.push(has(r)) }
      const n = quad.filter(Boolean).length
      if (n === 1 || n === 3 || (n === 2 && ((quad[0] && quad[3]) || (quad[1] && quad[2])))) out.push([a, q])
    }
  }
  return out
}

/** Merged visible and hidden lines of a view, as sorted strings "h1,v1-h2,v2" (holes included). */
export function viewLines(p: Part, view: View): { visible: string[]; hidden: string[] } {
  const [d, s, ha, hs, va] = VIEWS[view]
  const [lo, hi] = extent(p)
  const has = (q: number[]): boolean => p.cells.has(ck(q[0]!, q[1]!, q[2]!))
  const vis = new Set<string>(); const hid = new Set<string>()
  const hv = (q: number[]): [number, number] => [hs * q[ha]!, q[va]!]
  for (const [a, q] of featureEdges(p)) {
    if (a === d) continue
    const b = [0, 1, 2].find((x) => x !== a && x !== d)!
    let hidden = false
    const from = s > 0 ? q[d]! : lo[d]!; const to = s > 0 ? hi[d]! : q[d]!
    for (let L = from; L < to && !hidden; L++) {
      const q1 = [...q]; q1[d] = L; q1[b] = q[b]! - 1
      const q2 = [...q]; q2[d] = L
      if (has(q1) && has(q2)) hidden = true
    }
    const e = [...q]; e[a]! += 1
    const seg = [hv(q), hv(e)].sort((m, n) => m[0] - n[0] || m[1] - n[1])
    ;(hidden ? hid : vis).add(JSON.stringify(seg))
  }
  for (const x of vis) hid.delete(x)
  const merge = (set: Set<string>): string[] => {
    const segs = [...set].map((x) => JSON.parse(x) as [[number, number], [number, number]])
    const groups = new Map<string, Array<[number, number]>>()
    for (const [m, n] of segs) {
      const horiz = m[1] === n[1]
      const key = horiz ? `h${m[1]}` : `v${m[0]}`
      const list = groups.get(key) ?? []
      list.push(horiz ? [m[0], n[0]] : [m[1], n[1]])
      groups.set(key, list)
    }
    const out: string[] = []
    for (const [key, list] of groups) {
      list.sort((m, n) => m[0] - n[0])
      const runs: Array<[number, number]> = []
      for (const r of list) { const last = runs[runs.length - 1]; if (last && last[1] === r[0]) last[1] = r[1]; else runs.push([...r]) }
      const at = Number(key.slice(1))
      for (const [u, w] of runs) out.push(key[0] === 'h' ? `${u},${at}-${w},${at}` : `${at},${u}-${at},${w}`)
    }
    return out.sort()
  }
  const visible = merge(vis); const hidden = merge(hid)
  for (const [cx, cy, r, z0, z1] of p.holes) {
    if (view === 'top' || view === 'bottom') visible.push(`circle ${cx},${cy} r${r}`)
    else {
      const c = view === 'front' || view === 'back' ? cx : cy
      const sg = view === 'front' || view === 'right' ? 1 : -1
      for (const h of [sg * (c - r), sg * (c + r)].sort((m, n) => m - n)) hidden.push(`${+h.toFixed(3)},${z0}-${+h.toFixed(3)},${z1}`)
    }
  }
  return { visible: visible.sort(), hidden: hidden.sort() }
}
export const sig = (v: { visible: string[]; hidden: string[] }): string => JSON.stringify(v)


// ------------------------------------------------------------------ views as drawn in a figure
/**
 * The lines of one orthographic view as a figure draws it: the group `<g id="<id>" transform="translate(..)
 * scale(u -u)">` holds the view in grid units (h to the right, v up), a dashed line is hidden, a line with
 * class="center" is a center line (not counted), a circle is a hole seen end-on. Returns the same shape as
 * viewLines, so `sig(drawnView(svg, id))` can be compared with `sig(viewLines(part, view))`.
 */
export function drawnView(svgText: string, id: string): { visible: string[]; hidden: string[] } {
  const group = new RegExp(`<g id="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svgText)
  expect(group, `the figure draws a view with id ${id}`).toBeTruthy()
  const body = group![1]!
  const visible: string[] = []
  const hidden: string[] = []
  for (const m of body.matchAll(/<line ([^>]*)\/>/g)) {
    const attrs = m[1]!
    if (/class="center"/.test(attrs)) continue
    const n = (name: string): number => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(attrs)![1])
    const ends = [[n('x1'), n('y1')], [n('x2'), n('y2')]].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
    ;(/stroke-dasharray/.test(attrs) ? hidden : visible).push(`${ends[0]![0]},${ends[0]![1]}-${ends[1]![0]},${ends[1]![1]}`)
  }
  for (const m of body.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/g)) visible.push(`circle ${Number(m[1])},${Number(m[2])} r${Number(m[3])}`)
  return { visible: visible.sort(), hidden: hidden.sort() }
}

// ------------------------------------------------------------------ turning and mirroring a part
export type Cell = [number, number, number]
export const cellsOf = (p: Part): Cell[] => [...p.cells].map((c) => c.split(',').map(Number) as Cell)

/** The cells moved so their lowest corner is at the origin, as one comparable string. */
export function normal(cells: Cell[]): string {
  const mins = [0, 1, 2].map((a) => Math.min(...cells.map((c) => c[a]!)))
  return cells.map((c) => c.map((v, a) => v - mins[a]!).join(',')).sort().join(' ')
}

/** A quarter turn about an axis (0 = x, 1 = y, 2 = z), applied to cell corners so cells stay unit cells. */
export function quarterTurn(cells: Cell[], axis: 0 | 1 | 2): Cell[] {
  const [b, c] = [0, 1, 2].filter((a) => a !== axis) as [number, number]
  return cells.map((cell) => {
    const out = [...cell] as Cell
    out[b] = -cell[c]! - 1
    out[c] = cell[b]!
    return out
  })
}

export const mirrored = (cells: Cell[]): Cell[] => cells.map(([x, y, z]) => [-x - 1, y, z])

/** The 24 ways a solid can be turned (no mirror), each as its normal string. */
export function turnings(cells: Cell[]): Set<string> {
  const seen = new Set<string>()
  let frontier: Cell[][] = [cells]
  while (frontier.length) {
    const next: Cell[][] = []
    for (const cs of frontier) {
      const key = normal(cs)
      if (seen.has(key)) continue
      seen.add(key)
      for (const axis of [0, 1, 2] as const) next.push(quarterTurn(cs, axis))
    }
    frontier = next
  }
  return seen
}

// ------------------------------------------------------------------ folding a flat pattern
/** Opposite faces of a cube folded from a flat pattern ("col,row" -> face number), found by rolling a cube over it. */
export function foldedOpposites(net: Record<string, number>): Record<number, number> {
  type Face = 'bottom' | 'top' | 'north' | 'south' | 'east' | 'west'
  type Orientation = Record<Face, number | undefined>
  // rolling toward a side: the face on that side comes down to the bottom
  const roll: Record<string, Record<Face, Face>> = {
    E: { bottom: 'east', east: 'top', top: 'west', west: 'bottom', north: 'north', south: 'south' },
    W: { bottom: 'west', west: 'top', top: 'east', east: 'bottom', north: 'north', south: 'south' },
    S: { bottom: 'south', south: 'top', top: 'north', north: 'bottom', east: 'east', west: 'west' },
    N: { bottom: 'north', north: 'top', top: 'south', south: 'bottom', east: 'east', west: 'west' },
  }
  const step: Record<string, [number, number]> = { E: [1, 0], W: [-1, 0], S: [0, 1], N: [0, -1] }
  const back: Record<string, string> = { E: 'W', W: 'E', S: 'N', N: 'S' }
  const rolled = (o: Orientation, d: string): Orientation => Object.fromEntries(Object.entries(roll[d]!).map(([f, g]) => [f, o[g as Face]])) as Orientation
  const seen = new Set<string>()
  const visit = (at: string, arriving: Orientation): Orientation => {
    const o: Orientation = { ...arriving, bottom: net[at] }
    const [c, r] = at.split(',').map(Number) as [number, number]
    for (const [d, [dc, dr]] of Object.entries(step)) {
      const next = `${c + dc},${r + dr}`
      if (!(next in net) || seen.has(next)) continue
      seen.add(next)
      const there = rolled(visit(next, rolled(o, d)), back[d]!)
      for (const [f, v] of Object.entries(there)) if (v !== undefined) o[f as Face] = v
    }
    return o
  }
  const start = Object.keys(net)[0]!
  seen.add(start)
  const none = { bottom: undefined, top: undefined, north: undefined, south: undefined, east: undefined, west: undefined }
  const o = visit(start, none)
  const out: Record<number, number> = {}
  for (const [a, b] of [['bottom', 'top'], ['north', 'south'], ['east', 'west']] as [Face, Face][]) {
    out[o[a]!] = o[b]!
    out[o[b]!] = o[a]!
  }
  expect(Object.keys(out)).toHaveLength(6)
  return out
}
