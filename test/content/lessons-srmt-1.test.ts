// Content checks for the Learning Lab lessons of SPAT (spatial reasoning), MECH (mechanics) and FPT (fluid
// power and thermodynamics). Every worked example is restated here: its numbers are recomputed, and the
// lesson is checked to state those numbers and that answer. Figures are checked against what the text says
// where that can be measured: drawn orthographic views are read back from the SVG and compared with the
// projection of the part, gears are counted tooth by tooth, rope strands between blocks are counted, levers
// and pistons are measured, and plotted points are checked against the gas law. The structural rules of
// lessons.test.ts are repeated for these three skills, so they can be seen to pass before the other skills land.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons, type Lesson } from '../../src/server/modules/learning/lesson-files.js'
import { listItemFiles } from './item-xml.js'
import { drawnView, foldedOpposites, part, sig, viewLines, type View } from './solid-views.js'

const SKILLS = ['SPAT', 'MECH', 'FPT'] as const
const programDir = path.resolve(import.meta.dirname, '../../program/mt1')
const lessons = loadLessons(programDir, (skill, name) => `/figures/${skill}/${name}`).filter((l) => (SKILLS as readonly string[]).includes(l.skill))

const lessonPath = (id: string): string => {
  const [skill, n] = id.split('-') as [string, string]
  const dir = path.join(programDir, 'lessons', skill)
  const name = fs.readdirSync(dir).find((f) => f.startsWith(`${n}-`) && f.endsWith('.md'))
  if (!name) throw new Error(`no lesson file for ${id}`)
  return path.join(dir, name)
}
const markdown = (id: string): string => fs.readFileSync(lessonPath(id), 'utf8')
const figure = (skill: string, name: string): string => fs.readFileSync(path.join(programDir, 'lessons', skill, 'figures', name), 'utf8')

/** The text of a worked example: from its `### Worked example: <title>` heading to the next heading. */
function example(lessonId: string, title: string): string {
  const md = markdown(lessonId)
  const start = md.indexOf(`### Worked example: ${title}`)
  expect(start, `${lessonId} works the example "${title}"`).toBeGreaterThanOrEqual(0)
  const rest = md.slice(start + 4)
  const end = rest.search(/\n#{2,3} /)
  return md.slice(start, end < 0 ? undefined : start + 4 + end)
}
const answerOf = (text: string): string => /\nAnswer: (.*)/.exec(text)?.[1] ?? ''
/** 1234.5 -> "1,234.5", as the lessons print numbers. */
const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { maximumFractionDigits: digits })

function expectStates(text: string, ...parts: string[]): void {
  for (const p of parts) expect(text, `states "${p}"`).toContain(p)
}

const attr = (tag: string, name: string): number => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(tag)![1])
/** The element with the given id, as its opening tag. */
const byId = (svg: string, id: string): string => {
  const m = new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(svg)
  expect(m, `the figure has an element #${id}`).toBeTruthy()
  return m![0]
}

/** Teeth of each gear drawn as <g id="gear-<name>" transform="translate(..)"><path d="M x y L ..."/>: tip points / 2. */
function gearTeeth(svg: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of svg.matchAll(/<g id="gear-([\w-]+)" transform="translate\([\d. ]+\)">\s*<path d="([^"]+)"/g)) {
    const radii = [...m[2]!.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((p) => Math.hypot(Number(p[1]), Number(p[2])))
    const tip = Math.max(...radii)
    out[m[1]!] = radii.filter((r) => r > tip - 0.5).length / 2
  }
  return out
}

/** Rope strands between two pulley blocks: vertical rope runs from the upper block (y 80–100) to the lower block (y 210–230), by x. */
function strandsBetweenBlocks(svg: string): number[] {
  const xs: number[] = []
  for (const m of svg.matchAll(/<polyline points="([^"]+)" fill="none" stroke="#000" stroke-width="3"/g)) {
    const pts = m[1]!.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number])
    for (let i = 1; i < pts.length; i++) {
      const [[x1, y1], [x2, y2]] = [pts[i - 1]!, pts[i]!]
      const [top, bottom] = [Math.min(y1, y2), Math.max(y1, y2)]
      if (Math.abs(x1 - x2) < 0.01 && top >= 79 && top <= 100 && bottom >= 210 && bottom <= 231) xs.push(x1)
    }
  }
  return xs.sort((a, b) => a - b)
}

// ------------------------------------------------------------------ structure, as lessons.test.ts asks
describe('SPAT, MECH and FPT lessons: structure', () => {
  it('teaches each skill in two or three lessons numbered from 1, each with 3 to 5 sections of substance', () => {
    for (const skill of SKILLS) {
      const orders = lessons.filter((l) => l.skill === skill).map((l) => l.order)
      expect(orders.length, skill).toBeGreaterThanOrEqual(2)
      expect(orders.length, skill).toBeLessThanOrEqual(3)
      expect(orders, skill).toEqual(orders.map((_, i) => i + 1))
    }
    for (const lesson of lessons) {
      expect(lesson.sections.length, lesson.id).toBeGreaterThanOrEqual(3)
      expect(lesson.sections.length, lesson.id).toBeLessThanOrEqual(5)
      expect(lesson.minutes, lesson.id).toBeGreaterThanOrEqual(8)
      expect(lesson.minutes, lesson.id).toBeLessThanOrEqual(20)
      expect(lesson.summary.length, lesson.id).toBeGreaterThan(20)
      for (const s of lesson.sections) expect(s.spokenText.split(/\s+/).filter(Boolean).length, `${lesson.id}#${s.id}`).toBeGreaterThanOrEqual(40)
      expect(lesson.sections.some((s) => /<h3>Worked example/.test(s.html)), `${lesson.id} works an example`).toBe(true)
    }
  })

  it('writes math in plain text, links only inside the Lab or to https pages, and puts no raw HTML in the lessons', () => {
    for (const lesson of lessons) {
      const md = markdown(lesson.id)
      expect(md, lesson.id).not.toMatch(/\$|\\frac|\\times|\\cdot|\^\{/)
      for (const m of md.matchAll(/\]\(([^)]+)\)/g)) expect(m[1], lesson.id).toMatch(/^(https:\/\/|\/learning\/|figures\/[\w.-]+\.svg$)/)
      expect(md.replace(/^---[\s\S]*?---/, ''), lesson.id).not.toMatch(/<[a-z][^>]*>/i)
      expect(md.replace(/^---[\s\S]*?---/, ''), lesson.id).not.toMatch(/^# /m)
    }
  })

  it('shows accessible figures: named <SKILL>-<n>-<what>.svg, alt text of 20 characters or more, title, description, viewBox, nothing active, all used', () => {
    for (const skill of SKILLS) {
      const dir = path.join(programDir, 'lessons', skill, 'figures')
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.svg'))
      const mine = lessons.filter((l) => l.skill === skill)
      expect(mine.flatMap((l) => l.figures).length, skill).toBeGreaterThanOrEqual(1)
      expect(files.filter((f) => !mine.some((l) => l.figures.includes(f))), `${skill}: unused figures`).toEqual([])
      for (const l of mine) {
        for (const f of l.figures) expect(f, l.id).toMatch(new RegExp(`^${l.id}-[a-z0-9-]+\\.svg$`))
        for (const alt of l.figureAlts) expect(alt.length, `${l.id}: "${alt}"`).toBeGreaterThanOrEqual(20)
      }
      for (const f of files) {
        const svg = fs.readFileSync(path.join(dir, f), 'utf8')
        expect(svg, f).toMatch(/<svg[^>]*\brole="img"/)
        expect(svg, f).toMatch(/<svg[^>]*\bviewBox="0 0 \d+ \d+"/)
        expect(svg, f).toMatch(/<title>[^<]{20,}<\/title>/)
        expect(svg, f).toMatch(/<desc>[^<]{40,}<\/desc>/)
        expect(svg, f).not.toMatch(/<script|<style|<image|<foreignObject|\bon[a-z]+=|href=/i)
        expect(svg, `${f} is drawn on white`).toMatch(/<rect x="0" y="0" width="\d+" height="\d+" fill="#fff"\/>/)
        // lines are black or dark grey (7:1 on white or better); a light grey stroke only hides the seams of a filled shape of the same grey
        for (const m of svg.matchAll(/<(?:line|polyline|polygon|rect|circle|ellipse|path|g)\b[^>]*>/g)) {
          const stroke = /\bstroke="([^"]+)"/.exec(m[0])?.[1]
          if (!stroke || stroke === 'none' || stroke === '#000' || stroke === '#595959') continue
          expect(/\bfill="([^"]+)"/.exec(m[0])?.[1], `${f}: ${m[0]}`).toBe(stroke)
        }
        for (const m of svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{3,6})"/gi)) expect(['#000'], `${f} text colour`).toContain(m[1]!.toLowerCase())
      }
    }
  })

  it('links every practice item of the three skills to exactly one section of its own skill, ten or more per skill', () => {
    const practice = listItemFiles().filter((f) => f.pool === 'practice' && (SKILLS as readonly string[]).includes(f.skill))
    const linked = new Map<string, string[]>()
    for (const lesson of lessons) {
      for (const s of lesson.sections) {
        for (const item of s.practiceItems) {
          expect(item.split('-')[1], `${item} in ${lesson.id}`).toBe(lesson.skill)
          linked.set(item, [...(linked.get(item) ?? []), `${lesson.id}#${s.id}`])
        }
      }
    }
    for (const skill of SKILLS) expect(practice.filter((p) => p.skill === skill).length, skill).toBeGreaterThanOrEqual(10)
    for (const item of practice) expect(linked.get(item.identifier), `${item.identifier} links back to a lesson section`).toHaveLength(1)
    expect([...linked.keys()].filter((id) => !practice.some((p) => p.identifier === id)), 'sections name practice items that do not exist').toEqual([])
  })
})

// ------------------------------------------------------------------ SPAT
describe('SPAT worked examples and figures', () => {
  const stepped = part([[0, 6, 0, 4, 0, 2], [0, 2, 0, 4, 2, 5]])
  const unknown = part([[0, 6, 0, 4, 0, 2], [3, 6, 2, 4, 2, 4]])
  const pocket = part([[0, 6, 0, 4, 0, 3]], [[1, 3, 1, 3, 2, 3]], [[4.5, 2, 0.5, 0, 3]])

  it('SPAT-1 isometric block: the figure labels the width 6, depth 4 and height 5 the text gives', () => {
    const svg = figure('SPAT', 'SPAT-1-isometric-block.svg')
    for (const label of ['width 6', 'depth 4', 'height 5']) expect(svg).toContain(`>${label}</text>`)
    expectStates(markdown('SPAT-1'), '6 units wide, 4 units deep and 5 units high', 'base is 2 units high', 'upright 2 units wide')
  })

  it('SPAT-1 "views of the stepped block": the views are an L 6 by 5, a 6 by 4 with a line at 2, a 4 by 5 with a line at height 2', () => {
    const text = example('SPAT-1', 'views of the stepped block')
    const front = viewLines(stepped, 'front'); const top = viewLines(stepped, 'top'); const right = viewLines(stepped, 'right')
    expect(front.visible).toEqual(['0,0-0,5', '0,0-6,0', '0,5-2,5', '2,2-2,5', '2,2-6,2', '6,0-6,2'])
    expect(top.visible.filter((l) => !['0,0-0,4', '0,0-6,0', '0,4-6,4', '6,0-6,4'].includes(l))).toEqual(['2,0-2,4'])
    expect(right.visible.filter((l) => !['0,0-0,5', '0,0-4,0', '0,5-4,5', '4,0-4,5'].includes(l))).toEqual(['0,2-4,2'])
    for (const v of [front, top, right]) expect(v.hidden).toEqual([])
    expectStates(text, 'front view is 6 wide and 5 tall', 'top view is 6 wide and 4 deep', 'right-side view is 4 deep and 5 tall',
      'from height 2 up to height 5', 'one line, 2 units from the left end', 'one line across the view at height 2')
    expectStates(answerOf(text), 'L shape 6 wide and 5 tall', '6 by 4 rectangle with one line 2 units from the left', '4 by 5 rectangle with one line at height 2')
    const svg = figure('SPAT', 'SPAT-1-three-views.svg')
    for (const v of ['front', 'top', 'right'] as View[]) expect(sig(drawnView(svg, `view-${v}`)), v).toBe(sig(viewLines(stepped, v)))
  })

  it('SPAT-1 "what part do these views show?": the views place a 3 by 2 block, 4 high, on the back right of a 6 by 4 by 2 base', () => {
    const text = example('SPAT-1', 'what part do these views show?')
    const svg = figure('SPAT', 'SPAT-1-views-to-solid.svg')
    for (const v of ['front', 'top', 'right'] as View[]) expect(sig(drawnView(svg, `view-${v}`)), v).toBe(sig(viewLines(unknown, v)))
    // read the tall part back from the views: front gives its width, right side its depth, both its height
    const front = viewLines(unknown, 'front'); const right = viewLines(unknown, 'right')
    expect(front.visible).toContain('3,4-6,4') // only the right 3 units reach 4
    expect(right.visible).toContain('2,4-4,4') // only the back 2 units reach 4
    expect(right.hidden).toEqual(['2,2-4,2']) // the base's top meets the hidden left face of the block
    expectStates(text, '2 units tall over the left 3 units and 4 units tall over the right 3 units', '2 units tall over the front 2 units and 4 units tall over the back 2 units',
      'dashed line at height 2', '6 units wide, 4 units deep and 4 units high')
    expectStates(answerOf(text), 'base 6 units wide, 4 units deep and 2 units high', 'block 3 units wide and 2 units deep', 'back right corner', 'total height of 4 units')
  })

  it('SPAT-2 "counting hidden lines": 3 lines for the pocket and 2 for the hole make 5, as drawn', () => {
    const text = example('SPAT-2', 'counting hidden lines')
    const hidden = viewLines(pocket, 'front').hidden
    expect(hidden).toEqual(['1,2-1,3', '1,2-3,2', '3,2-3,3', '4,0-4,3', '5,0-5,3'])
    expect(hidden.filter((l) => !/^[45],0-/.test(l))).toHaveLength(3) // the pocket's two walls and its floor
    expect(4.5 - 0.5).toBe(4); expect(4.5 + 0.5).toBe(5)
    expectStates(text, '6 units wide, 4 units deep and 3 units high', '2 units by 2 units and 1 unit deep', '4.5 units from the left end',
      '4.5 − 0.5 = 4', '4.5 + 0.5 = 5', `3 + 2 = ${hidden.length}`)
    expectStates(answerOf(text), `${hidden.length} hidden lines`, '3 for the pocket and 2 for the hole')
    expect(sig(drawnView(figure('SPAT', 'SPAT-2-pocket-block.svg'), 'view-front'))).toBe(sig(viewLines(pocket, 'front')))
  })

  it('SPAT-2 "finding the hole in the right-side view": dashed lines at 1.5 and 2.5, full 3-unit height', () => {
    const text = example('SPAT-2', 'finding the hole in the right-side view')
    const right = viewLines(pocket, 'right')
    expect(right.hidden).toContain('1.5,0-1.5,3')
    expect(right.hidden).toContain('2.5,0-2.5,3')
    expectStates(text, '2 − 0.5 = 1.5', '2 + 0.5 = 2.5', 'from 0 to 3 units')
    expectStates(answerOf(text), '1.5 units and 2.5 units', 'full 3-unit height', 'center line at 2 units')
    const svg = figure('SPAT', 'SPAT-2-feature-across-views.svg')
    for (const v of ['front', 'top', 'right'] as View[]) expect(sig(drawnView(svg, `view-${v}`)), v).toBe(sig(viewLines(pocket, v)))
  })

  it('SPAT-3 "where does the hole go?": a clockwise quarter turn takes (x, y) to (y, 6 − x): the hole to 3 from the left, 5 back', () => {
    const text = example('SPAT-3', 'where does the hole go?')
    const turn = ([x, y]: [number, number]): [number, number] => [y, 6 - x]
    const hole = turn([1, 3])
    expect(hole).toEqual([3, 5])
    expectStates(text, '6 units wide', '4 units deep', '1 unit from the left end and 3 units back', '6 − 1 = 5', '4 − 3 = 1', '4 units wide and 6 units deep')
    expectStates(answerOf(text), `${hole[0]} units from the left and ${hole[1]} units back`, 'notch is on the left end at the front')
    // the figure draws the same plate before and after: every corner and the hole turned
    const svg = figure('SPAT', 'SPAT-3-quarter-turn.svg')
    const group = (id: string) => new RegExp(`<g id="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)![1]!
    const corners = (g: string) => /points="([^"]+)"/.exec(g)![1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number])
    const circle = (g: string): [number, number] => { const c = /<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(g)!; return [Number(c[1]), Number(c[2])] }
    expect(circle(group('before'))).toEqual([1, 3])
    expect(circle(group('after'))).toEqual(hole)
    expect(corners(group('after'))).toEqual(corners(group('before')).map(turn))
    // the notch (front edge, x 4..6) ends up on the left end (x 0..1) at the front (y 0..2)
    expect(corners(group('after'))).toEqual(expect.arrayContaining([[0, 2], [1, 2], [1, 0]]))
  })

  it('SPAT-3 "opposite faces of a cross pattern": 1–5, 2–4, 3–6, folding the drawn pattern', () => {
    const text = example('SPAT-3', 'opposite faces of a cross pattern')
    const svg = figure('SPAT', 'SPAT-3-flat-pattern.svg')
    const net = Object.fromEntries([...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="60" height="60"[^>]*\/>\s*<text [^>]*>(\d)<\/text>/g)]
      .map((m) => [`${(Number(m[1]) - 40) / 60},${(Number(m[2]) - 20) / 60}`, Number(m[3])]))
    expect(net).toEqual({ '1,0': 1, '0,1': 2, '1,1': 3, '2,1': 4, '1,2': 5, '1,3': 6 })
    const opposite = foldedOpposites(net)
    expect([opposite[1], opposite[2], opposite[3]]).toEqual([5, 4, 6])
    expectStates(text, 'column of four squares, numbered 1, 3, 5 and 6', 'square 2 on the left of square 3 and square 4 on its right')
    expect(answerOf(text)).toBe(`1 is opposite ${opposite[1]}, 2 is opposite ${opposite[2]}, and 3 is opposite ${opposite[3]}.`)
  })

  it('SPAT-3 "direction through a gear pair and a crossed belt": two reversals bring D back to clockwise', () => {
    const text = example('SPAT-3', 'direction through a gear pair and a crossed belt')
    const clockwise = 1
    const B = -clockwise // meshing gears reverse
    const C = B // same shaft
    const D = -C // crossed belt reverses
    const word = (d: number) => (d > 0 ? 'clockwise' : 'counterclockwise')
    expectStates(text, 'motor gear A turns clockwise', 'crossed belt', `B turns the opposite way to A: ${word(B)}`, `it also turns ${word(C)}`, `opposite way to C: ${word(D)}`)
    expect(answerOf(text)).toMatch(new RegExp(`^pulley D turns ${word(D)}`))
    const svg = figure('SPAT', 'SPAT-3-drive-directions.svg')
    expectStates(svg, '>B and C: counterclockwise</text>', '>clockwise</text>', '>crossed belt</text>')
  })

  it('SPAT-3 "travel of a rocker arm": 0.3 in × 3 ÷ 2 = 0.45 in, the other way, with the arms drawn 2 : 3', () => {
    const text = example('SPAT-3', 'travel of a rocker arm')
    const travel = (0.3 * 3) / 2
    expect(travel).toBeCloseTo(0.45, 10)
    expectStates(text, 'left end is 2 in from the pivot', 'right end is 3 in from the pivot', 'lifts the left end by 0.3 in', '3 ÷ 2 = 1.5', `0.3 in × 1.5 = ${fmt(travel)} in`)
    expect(answerOf(text)).toBe(`the right end moves down ${fmt(travel)} in.`)
    const svg = figure('SPAT', 'SPAT-3-rocker-arm.svg')
    const centre = (id: string) => { const t = byId(svg, id); return attr(t, 'x') + attr(t, 'width') / 2 }
    const pivot = Number(/points="([\d.]+),/.exec(byId(svg, 'pivot'))![1])
    expect((centre('valve-stem') - pivot) / (pivot - centre('push-rod'))).toBeCloseTo(3 / 2, 5)
  })
})

// ------------------------------------------------------------------ MECH
describe('MECH worked examples and figures', () => {
  it('MECH-1 "work in and work out": MA 300 ÷ 50 = 6, 600 in·lb both ways', () => {
    const text = example('MECH-1', 'work in and work out')
    const [effort, effortIn, load, lift] = [50, 12, 300, 2]
    expect(load / effort).toBe(6)
    expect(effort * effortIn).toBe(load * lift)
    expectStates(text, `${load} lb ÷ ${effort} lb = ${load / effort}`, `${effort} lb × ${effortIn} in = ${effort * effortIn} in·lb`, `${load} lb × ${lift} in = ${load * lift} in·lb`, `${effortIn} in ÷ ${lift} in = ${effortIn / lift}`)
    expectStates(answerOf(text), `mechanical advantage is ${load / effort}`, `${effort * effortIn} in·lb each`)
  })

  it('MECH-1 "effort on a pry bar": 450 × 8 ÷ 48 = 75 lb, with the lever drawn to scale', () => {
    const text = example('MECH-1', 'effort on a pry bar')
    const { load, loadArm, effortArm } = { load: 450, loadArm: 8, effortArm: 48 }
    const effort = (load * loadArm) / effortArm
    expect(effort).toBe(75)
    expectStates(text, `${load} lb × ${loadArm} in = ${fmt(load * loadArm)} lb·in`, `effort × ${effortArm} in = ${fmt(load * loadArm)} lb·in`, `${fmt(load * loadArm)} ÷ ${effortArm} = ${effort} lb`, `${effortArm} in ÷ ${loadArm} in = ${effortArm / loadArm}`)
    expectStates(answerOf(text), `${effort} lb`, `mechanical advantage of ${effortArm / loadArm}`)
    const svg = figure('MECH', 'MECH-1-pry-bar-example.svg')
    const fulcrum = Number(/points="([\d.]+),/.exec(byId(svg, 'fulcrum'))![1])
    const loadTag = byId(svg, 'load')
    const loadX = attr(loadTag, 'x') + attr(loadTag, 'width') / 2
    const effortX = attr(byId(svg, 'effort'), 'x1')
    expect((fulcrum - loadX) / (effortX - fulcrum)).toBeCloseTo(loadArm / effortArm, 6)
    expectStates(svg, '>450 lb</text>', '>8 in</text>', '>48 in</text>')
  })

  it('MECH-1 "torque from a wrench": 25 lb × 18 in = 450 lb·in = 37.5 lb·ft', () => {
    const text = example('MECH-1', 'torque from a wrench')
    const lbIn = 25 * 18
    expectStates(text, `25 lb × 18 in = ${lbIn} lb·in`, `${lbIn} ÷ 12 = ${fmt(lbIn / 12)} lb·ft`)
    expect(answerOf(text)).toBe(`${fmt(lbIn / 12)} lb·ft.`)
    expectStates(markdown('MECH-1'), `${fmt(lbIn / 12)} ÷ 2 = ${fmt(lbIn / 12 / 2)} lb`)
    expectStates(figure('MECH', 'MECH-1-wrench-torque.svg'), '>25 lb</text>', '>18 in</text>')
  })

  it('MECH-2 "pull on a block and tackle": 4 strands, 800 ÷ 4 = 200 lb, and the figure draws 4 strands', () => {
    const text = example('MECH-2', 'pull on a block and tackle')
    const strands = 4
    expectStates(text, 'two sheaves in the fixed upper block and two sheaves in the moving lower block', 'The load on the lower block is 800 lb', `That makes ${strands}`, `800 lb ÷ ${strands} = ${800 / strands} lb`)
    expectStates(answerOf(text), `${800 / strands} lb`, `mechanical advantage of ${strands}`)
    const svg = figure('MECH', 'MECH-2-pulley-systems.svg')
    const xs = strandsBetweenBlocks(svg)
    expect(xs.filter((x) => x >= 430).length, 'strands of the right-hand rig').toBe(strands)
  })

  it('MECH-2 dead end: the figure draws 2 strands when the rope is tied to the fixed block and 3 when tied to the moving block', () => {
    const xs = strandsBetweenBlocks(figure('MECH', 'MECH-2-dead-end.svg'))
    expect(xs.filter((x) => x < 300).length).toBe(2)
    expect(xs.filter((x) => x >= 300).length).toBe(3)
    expectStates(markdown('MECH-2'), '2 strands hold the load', 'the mechanical advantage rises to 3')
  })

  it('MECH-2 "how much rope to pull": 2.5 ft × 4 = 10 ft; 200 × 10 = 800 × 2.5 = 2,000 ft·lb', () => {
    const text = example('MECH-2', 'how much rope to pull')
    const rope = 2.5 * 4
    expect(200 * rope).toBe(800 * 2.5)
    expectStates(text, `2.5 ft × 4 = ${rope} ft`, `200 lb × ${rope} ft = ${fmt(200 * rope)} ft·lb`, `800 lb × 2.5 ft = ${fmt(800 * 2.5)} ft·lb`)
    expectStates(answerOf(text), `${rope} ft of rope`, `${fmt(200 * rope)} ft·lb`)
  })

  it('MECH-3 "speed and direction of a driven gear": 1,500 × 18 ÷ 45 = 600 rpm, counterclockwise; the figure has 18 and 45 teeth', () => {
    const text = example('MECH-3', 'speed and direction of a driven gear')
    const rpm = (1500 * 18) / 45
    expectStates(text, `45 ÷ 18 = ${45 / 18}`, `1,500 rpm ÷ ${45 / 18} = ${rpm} rpm`, `1,500 × 18 ÷ 45 = ${rpm} rpm`)
    expect(answerOf(text)).toBe(`${rpm} rpm, counterclockwise.`)
    const svg = figure('MECH', 'MECH-3-gear-pair.svg')
    expect(gearTeeth(svg)).toEqual({ 18: 18, 45: 45 })
    expectStates(svg, '>Driver: 18 teeth</text>', '>1,500 rpm clockwise</text>', `>Driven: 45 teeth, ${rpm} rpm counterclockwise</text>`)
  })

  it('MECH-3 "output speed of a compound train": 1,440 ÷ 3 ÷ 3 = 160 rpm, same direction; gears drawn in proportion', () => {
    const text = example('MECH-3', 'output speed of a compound train')
    const teeth = { A: 16, B: 48, C: 12, D: 36 }
    const middle = (1440 * teeth.A) / teeth.B
    const out = (middle * teeth.C) / teeth.D
    expect(out).toBe(160)
    expectStates(text, `48 ÷ 16 = 3`, `1,440 ÷ 3 = ${middle} rpm`, `${middle} ÷ 3 = ${out} rpm`, `3 × 3 = 9, and 1,440 ÷ 9 = ${out} rpm`, 'Two meshes keep the direction')
    expect(answerOf(text)).toBe(`${out} rpm, turning the same way as the motor.`)
    const svg = figure('MECH', 'MECH-3-compound-train.svg')
    const heights = Object.fromEntries(Object.keys(teeth).map((g) => [g, attr(byId(svg, `gear-${g}`), 'height')]))
    for (const g of Object.keys(teeth) as (keyof typeof teeth)[]) expect(heights[g]! / teeth[g]).toBeCloseTo(heights.A! / teeth.A, 6)
    for (const [g, n] of Object.entries(teeth)) expect(svg).toContain(`>${g}: ${n} teeth</text>`)
  })

  it('MECH-3 "a gear reducer on a mixer": 1,750 ÷ 5 = 350 rpm and 12 × 5 = 60 N·m, power unchanged', () => {
    const text = example('MECH-3', 'a gear reducer on a mixer')
    expect(12 * 1750).toBe(60 * 350)
    expectStates(text, '1,750 ÷ 5 = 350 rpm', '12 N·m × 5 = 60 N·m', `12 × 1,750 = ${fmt(12 * 1750)}`, `60 × 350 = ${fmt(60 * 350)}`)
    expect(answerOf(text)).toBe('350 rpm and 60 N·m.')
  })

  it('MECH-3 "speed of a belt-driven shaft": 1,800 × 4 ÷ 10 = 720 rpm, open belt keeps the direction', () => {
    const text = example('MECH-3', 'speed of a belt-driven shaft')
    const rpm = (1800 * 4) / 10
    expectStates(text, `1,800 × 4 ÷ 10 = ${rpm} rpm`, 'open belt keeps the direction')
    expect(answerOf(text)).toBe(`${rpm} rpm, the same direction as the motor.`)
  })
})

// ------------------------------------------------------------------ FPT
describe('FPT worked examples and figures', () => {
  const circleArea = (d: number) => (Math.PI * d * d) / 4

  it('FPT-1 "pressure under a loaded piston": 2,400 ÷ 4 = 600 psi', () => {
    const text = example('FPT-1', 'pressure under a loaded piston')
    expectStates(text, `2,400 lb ÷ 4 in² = ${2400 / 4} psi`)
    expect(answerOf(text)).toBe(`${2400 / 4} psi.`)
  })

  it('FPT-1 "the same idea in metric units": 12,000 N ÷ 0.004 m² = 3,000 kPa = 30 bar', () => {
    const text = example('FPT-1', 'the same idea in metric units')
    const pa = 12000 / 0.004
    expectStates(text, `12,000 N ÷ 0.004 m² = ${fmt(pa)} Pa`, `${fmt(pa / 1000)} kPa`, `${pa / 1000 / 100} bar`)
    expect(answerOf(text)).toBe(`${fmt(pa / 1000)} kPa, which is ${pa / 100000} bar.`)
  })

  it('FPT-1 "from gauge to absolute": 85 + 14.7 = 99.7 psia, and the figure’s scales are 14.7 apart', () => {
    const text = example('FPT-1', 'from gauge to absolute')
    expectStates(text, `85 + 14.7 = ${fmt(85 + 14.7, 1)} psia`)
    expect(answerOf(text)).toBe(`${fmt(85 + 14.7, 1)} psia.`)
    const svg = figure('FPT', 'FPT-1-gauge-and-absolute.svg')
    const marks = [...svg.matchAll(/<line class="mark" [^>]*y1="([\d.]+)"[^>]*\/>\s*<text [^>]*>([\d.]+) psia<\/text>\s*<text [^>]*>(-?[\d.]+) psig<\/text>/g)]
      .map((m) => ({ y: Number(m[1]), psia: Number(m[2]), psig: Number(m[3]) }))
    expect(marks.map((m) => m.psia)).toEqual([0, 14.7, 85 + 14.7])
    for (const m of marks) expect(m.psia - m.psig).toBeCloseTo(14.7, 6)
    // the scale is linear: equal pressure steps are equal distances
    const perPsi = (marks[0]!.y - marks[2]!.y) / marks[2]!.psia
    expect((marks[0]!.y - marks[1]!.y) / marks[1]!.psia).toBeCloseTo(perPsi, 2)
  })

  it('FPT-1 "force and travel of a hydraulic press": 53.3 psi, 800 lb, 3.75 in³, 0.25 in; pistons drawn in proportion', () => {
    const text = example('FPT-1', 'force and travel of a hydraulic press')
    const [a1, f1, a2, stroke] = [0.75, 40, 15, 5]
    const p = f1 / a1
    expect(f1 * (a2 / a1)).toBe(800)
    expect((a1 * stroke) / a2).toBe(0.25)
    expectStates(text, `40 lb ÷ 0.75 in² = ${fmt(p, 1)} psi`, `40 × 20 = ${f1 * (a2 / a1)} lb`, `0.75 in² × 5 in = ${a1 * stroke} in³`, `${a1 * stroke} in³ ÷ 15 in² = ${(a1 * stroke) / a2} in`, `5 in ÷ ${a2 / a1}`)
    expect(answerOf(text)).toBe(`${fmt(p, 1)} psi in the oil, ${f1 * (a2 / a1)} lb of force, and ${(a1 * stroke) / a2} in of travel for each 5 in stroke.`)
    const svg = figure('FPT', 'FPT-1-hydraulic-press.svg')
    const width = (id: string) => attr(byId(svg, id), 'width') + 4 // drawn 2 px inside each wall
    expect(width('large-piston') / width('small-piston')).toBeCloseTo(Math.sqrt(a2 / a1), 3)
    expectStates(svg, '>40 lb</text>', '>800 lb</text>', '>0.75 in²</text>', '>15 in²</text>', `>oil at ${fmt(p, 1)} psi</text>`)
  })

  it('FPT-2 "extending and retracting force": 12,566 lb out, 10,799 lb back; the figure’s bore and rod are 4 : 1.5', () => {
    const text = example('FPT-2', 'extending and retracting force')
    const bore = circleArea(4); const rod = circleArea(1.5); const annulus = bore - rod
    expectStates(text, `= ${bore.toFixed(3)} in²`, `1,000 psi × ${bore.toFixed(3)} in² = ${fmt(Math.round(1000 * bore), 0)} lb`, `= ${rod.toFixed(3)} in²`,
      `${bore.toFixed(3)} − ${rod.toFixed(3)} = ${annulus.toFixed(3)} in²`, `1,000 psi × ${annulus.toFixed(3)} in² = ${fmt(Math.round(1000 * annulus), 0)} lb`)
    expect(answerOf(text)).toBe(`about ${fmt(Math.round(1000 * bore), 0)} lb extending and about ${fmt(Math.round(1000 * annulus), 0)} lb retracting.`)
    const svg = figure('FPT', 'FPT-2-cylinder-areas.svg')
    expect(attr(byId(svg, 'piston'), 'height') / attr(byId(svg, 'rod'), 'height')).toBeCloseTo(4 / 1.5, 6)
    expectStates(svg, '>bore 4 in</text>', '>rod 1.5 in</text>')
  })

  it('FPT-2 "extending and retracting speed": 5 gpm × 231 = 1,155 in³/min; 91.9 and 107.0 in per minute', () => {
    const text = example('FPT-2', 'extending and retracting speed')
    const flow = 5 * 231
    const bore = Number(circleArea(4).toFixed(3)); const annulus = Number((circleArea(4) - circleArea(1.5)).toFixed(3))
    expectStates(text, `5 gpm × 231 in³ per gallon = ${fmt(flow)} in³ per minute`, `${fmt(flow)} ÷ ${bore} = ${(flow / bore).toFixed(1)} in per minute`, `${fmt(flow)} ÷ ${annulus} = ${(flow / annulus).toFixed(1)} in per minute`)
    expect(answerOf(text)).toBe(`about ${(flow / bore).toFixed(1)} in per minute extending and about ${(flow / annulus).toFixed(1)} in per minute retracting.`)
  })

  it('FPT-3 "converting to absolute temperature": 27 °C = 300 K, 77 °F = 537 °R', () => {
    const text = example('FPT-3', 'converting to absolute temperature')
    expectStates(text, `27 °C + 273 = ${27 + 273} K`, `77 °F + 460 = ${77 + 460} °R`)
    expect(answerOf(text)).toBe(`${27 + 273} K and ${77 + 460} °R.`)
  })

  it('FPT-3 "squeezing air in a cylinder": 14.7 × 60 ÷ 20 = 44.1 psia = 29.4 psig; the plotted points keep P × V = 882', () => {
    const text = example('FPT-3', 'squeezing air in a cylinder')
    const p2 = (14.7 * 60) / 20
    expectStates(text, `14.7 × 60 ÷ 20 = ${fmt(p2, 1)} psia`, `${fmt(p2, 1)} − 14.7 = ${fmt(p2 - 14.7, 1)} psig`)
    expectStates(answerOf(text), `${fmt(p2, 1)} psia`, `${fmt(p2 - 14.7, 1)} psig`)
    const svg = figure('FPT', 'FPT-3-boyle-curve.svg')
    const plot = /<g id="plot"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!
    const points = [...plot.matchAll(/<ellipse cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const)
    expect(points.map(([v]) => v)).toEqual([60, 30, 20])
    for (const [v, p] of points) expect(v * p).toBeCloseTo(14.7 * 60, 6)
    expect(points).toContainEqual([20, p2])
    const curve = /<polyline points="([^"]+)"/.exec(plot)![1]!.split(' ').map((s) => s.split(',').map(Number))
    for (const [v, p] of curve) expect(Math.abs(v! * p! - 882), `curve point ${v},${p}`).toBeLessThan(2)
  })

  it('FPT-3 "a sealed cylinder warming up": 2,000 × 350 ÷ 290 = 2,414 kPa absolute, about 21% more', () => {
    const text = example('FPT-3', 'a sealed cylinder warming up')
    const p2 = (2000 * (77 + 273)) / (17 + 273)
    expectStates(text, `17 + 273 = ${17 + 273} K`, `77 + 273 = ${77 + 273} K`, `2,000 × 350 ÷ 290 = ${fmt(Math.round(p2), 0)} kPa absolute`, `77 ÷ 17 = ${(77 / 17).toFixed(1)}`)
    expectStates(answerOf(text), `about ${fmt(Math.round(p2), 0)} kPa absolute`, `about ${Math.round((p2 / 2000 - 1) * 100)}%`)
  })
})

// The lessons this file covers, listed so a missing lesson fails here by name.
it('covers the nine SRMT-1 lessons', () => {
  expect(lessons.map((l: Lesson) => l.id)).toEqual(['FPT-1', 'FPT-2', 'FPT-3', 'MECH-1', 'MECH-2', 'MECH-3', 'SPAT-1', 'SPAT-2', 'SPAT-3'])
})
