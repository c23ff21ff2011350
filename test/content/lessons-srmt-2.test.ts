// Lessons of SRMT ELEC (Electricity), CHEM (Chemistry) and MPC (Manufacturing Processes and Control):
// every worked example's numbers are restated here and its answer recomputed, and the lesson text must
// state those numbers and that answer; figures that draw values (circuits, scales, charts, grids) are
// checked against the same numbers. The lessons are read from their Markdown files, so a changed number
// in a lesson fails here. General lesson checks for these skills (structure, links to practice items,
// accessible figures) are repeated for these three skills, since lessons.test.ts stops at the first skill.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/server/modules/learning/lesson-files.js'
import { checkFigure } from '../../src/server/modules/item-bank/figures.js'
import { listItemFiles } from './item-xml.js'

const SKILLS = ['ELEC', 'CHEM', 'MPC'] as const
const programDir = path.resolve(import.meta.dirname, '../../program/mt1')
const lessonsDir = path.join(programDir, 'lessons')

/** The Markdown of a lesson, found by its id (ELEC-2 → lessons/ELEC/2-*.md). */
function lessonText(id: string): string {
  const [skill, n] = id.split('-') as [string, string]
  const name = fs.readdirSync(path.join(lessonsDir, skill)).find((f) => f.startsWith(`${n}-`) && f.endsWith('.md'))
  if (!name) throw new Error(`no lesson ${id}`)
  return fs.readFileSync(path.join(lessonsDir, skill, name), 'utf8')
}

/** The text of a worked example, from its `### Worked example: <title>` heading to the next heading. */
function workedExample(id: string, title: string): string {
  const text = lessonText(id)
  const start = text.indexOf(`### Worked example: ${title}\n`)
  if (start < 0) throw new Error(`${id} has no worked example "${title}"`)
  const rest = text.slice(start + 1)
  const end = rest.search(/\n#{2,3} /)
  return end < 0 ? rest : rest.slice(0, end)
}

/** The "**Answer:** ..." line of a worked example. */
function answerOf(example: string): string {
  const line = example.split('\n').find((l) => l.startsWith('**Answer:**'))
  if (!line) throw new Error(`no answer line in:\n${example}`)
  return line
}

/** A number as the lessons print it: thousands separators, at most `digits` decimals, a real minus sign. */
const fmt = (n: number, digits = 3): string => {
  const s = Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: digits })
  return n < 0 ? `−${s}` : s
}

/** A lesson figure's source. */
const figure = (skill: string, name: string): string => fs.readFileSync(path.join(lessonsDir, skill, 'figures', name), 'utf8')

/** The text elements of a figure: where each is drawn and what it says. */
const textsOf = (svg: string): { x: number; y: number; text: string }[] =>
  [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }))

/** The filled dots (circles with a fill and no stroke) of a figure. */
const dotsOf = (svg: string): { x: number; y: number }[] =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="#222222"\/>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))

const near = (a: number, b: number, tol = 0.6) => Math.abs(a - b) <= tol

describe('ELEC, CHEM and MPC lessons: structure, practice links and figures', () => {
  const lessons = loadLessons(programDir, (skill, name) => `/figures/${skill}/${name}`).filter((l) => (SKILLS as readonly string[]).includes(l.skill))

  it('gives each skill two or three lessons numbered from 1, each of 3 to 5 sections of at least 40 words and 8 to 20 minutes', () => {
    for (const skill of SKILLS) {
      const mine = lessons.filter((l) => l.skill === skill)
      expect(mine.map((l) => l.order), skill).toEqual(mine.map((_, i) => i + 1))
      expect(mine.length, skill).toBeGreaterThanOrEqual(2)
      expect(mine.length, skill).toBeLessThanOrEqual(3)
    }
    for (const l of lessons) {
      expect(l.sections.length, l.id).toBeGreaterThanOrEqual(3)
      expect(l.sections.length, l.id).toBeLessThanOrEqual(5)
      expect(l.minutes, l.id).toBeGreaterThanOrEqual(8)
      expect(l.minutes, l.id).toBeLessThanOrEqual(20)
      for (const s of l.sections) expect(s.spokenText.split(/\s+/).length, `${l.id}#${s.id}`).toBeGreaterThanOrEqual(40)
      expect(l.sections.some((s) => /<h3>Worked example: /.test(s.html)), l.id).toBe(true)
      // Plain Unicode math, no LaTeX, and no raw HTML (it would be escaped and shown as text).
      const text = lessonText(l.id)
      expect(text, l.id).not.toMatch(/\\\(|\\\[|\$\$|\\frac|\\times/)
      expect(text.replace(/^---[\s\S]*?---/, ''), l.id).not.toMatch(/<[a-z][^>]*>/i)
    }
  })

  it('links every practice item of these skills to exactly one section of a lesson of its own skill', () => {
    const practice = listItemFiles().filter((f) => f.pool === 'practice' && (SKILLS as readonly string[]).includes(f.skill))
    expect(practice.length).toBe(30)
    const linked = new Map<string, string[]>()
    for (const l of lessons) {
      for (const s of l.sections) {
        for (const item of s.practiceItems) {
          expect(item.split('-')[1], `${item} in ${l.id}`).toBe(l.skill)
          linked.set(item, [...(linked.get(item) ?? []), `${l.id}#${s.id}`])
        }
      }
    }
    for (const p of practice) expect(linked.get(p.identifier), p.identifier).toHaveLength(1)
    expect([...linked.keys()].filter((id) => !practice.some((p) => p.identifier === id))).toEqual([])
  })

  it('shows accessible SVG figures, named <SKILL>-<n>-<what>.svg, every one used, each passing the figure sanitiser', { timeout: 60_000 }, () => {
    for (const skill of SKILLS) {
      const files = fs.readdirSync(path.join(lessonsDir, skill, 'figures')).sort()
      const used = lessons.filter((l) => l.skill === skill).flatMap((l) => l.figures.map((f) => ({ f, order: l.order })))
      expect(files, skill).toEqual([...new Set(used.map((u) => u.f))].sort())
      for (const { f, order } of used) expect(f, skill).toMatch(new RegExp(`^${skill}-${order}-[a-z0-9-]+\\.svg$`))
      for (const f of files) {
        const svg = figure(skill, f)
        expect(svg, f).toMatch(/<svg[^>]*\bviewBox="0 0 \d+ \d+"[^>]*\brole="img"/)
        expect(svg, f).toMatch(/<title>[^<]{10,}<\/title>/)
        expect(svg, f).toMatch(/<desc>[^<]{40,}<\/desc>/)
        expect(svg, f).not.toMatch(/<script|<image|<foreignObject|\bon[a-z]+=|href=/i)
        // Readable text: nothing smaller than 13.5 px at the figure's own size.
        for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1]), f).toBeGreaterThanOrEqual(13.5)
        expect(checkFigure(Buffer.from(svg), f).ok, f).toBe(true)
      }
    }
    for (const l of lessons) for (const alt of l.figureAlts) expect(alt.length, l.id).toBeGreaterThanOrEqual(20)
  })
})

describe('ELEC worked examples', () => {
  it('ELEC-1 relay coil: I = V / R at 24 V and at 20 V', () => {
    const ex = workedExample('ELEC-1', 'current through a relay coil')
    const [v, r, sag] = [24, 160, 20]
    for (const part of [`${v} V`, `${r} Ω`, `${sag} V`]) expect(ex).toContain(part)
    const i = v / r
    const iSag = sag / r
    expect(ex).toContain(`I = ${v} V ÷ ${r} Ω = ${fmt(i)} A`)
    expect(ex).toContain(`I = ${sag} V ÷ ${r} Ω = ${fmt(iSag)} A = ${fmt(iSag * 1000)} mA`)
    expect(answerOf(ex)).toContain(`${fmt(i * 1000)} mA at ${v} V (${fmt(iSag * 1000)} mA at ${sag} V)`)
    // The figure shows the same circuit: the supply, the coil and what each meter reads.
    const texts = textsOf(figure('ELEC', 'ELEC-1-meter-connections.svg')).map((t) => t.text)
    for (const t of [`${v} V`, `${r} Ω`, `reads ${fmt(i * 1000)} mA`, `reads ${v} V`]) expect(texts).toContain(t)
  })

  it('ELEC-1 platen heater: I = P / V, R = V / I, P = V² / R and energy = P × t', () => {
    const ex = workedExample('ELEC-1', 'a platen heater\'s current and resistance')
    const [p, v, hours] = [4800, 240, 8]
    for (const part of [`${fmt(p)} W`, `${v} V`, `${hours}-hour`]) expect(ex).toContain(part)
    const i = p / v
    const r = v / i
    expect(v ** 2 / r).toBe(p)
    expect(ex).toContain(`${fmt(p)} W ÷ ${v} V = ${i} A`)
    expect(ex).toContain(`${v} V ÷ ${i} A = ${r} Ω`)
    expect(ex).toContain(`${v}² ÷ ${r} = ${fmt(v ** 2)} ÷ ${r} = ${fmt(p)} W`)
    const kwh = (p / 1000) * hours
    expect(ex).toContain(`${p / 1000} kW × ${hours} h = ${kwh} kWh`)
    expect(answerOf(ex)).toContain(`${i} A, ${r} Ω and ${kwh} kWh`)
  })

  it('ELEC-2 series string: resistances add, one current, drops in proportion, drops add to the supply', () => {
    const ex = workedExample('ELEC-2', 'voltage drops in a series string')
    const v = 12
    const r = [2, 4, 6]
    for (const [n, x] of r.entries()) expect(ex).toContain(`R${n + 1} = ${x} Ω`)
    const total = r.reduce((a, b) => a + b, 0)
    const i = v / total
    const drops = r.map((x) => i * x)
    expect(drops.reduce((a, b) => a + b, 0)).toBe(v)
    expect(ex).toContain(`${r.map((x) => `${x} Ω`).join(' + ')} = ${total} Ω`)
    expect(ex).toContain(`I = V ÷ R = ${v} V ÷ ${total} Ω = ${i} A`)
    expect(answerOf(ex)).toContain(`${i} A flows; the drops are ${drops[0]} V, ${drops[1]} V and ${drops[2]} V`)
    const texts = textsOf(figure('ELEC', 'ELEC-2-series-circuit.svg')).map((t) => t.text)
    for (const [n, x] of r.entries()) expect(texts).toContain(`R${n + 1} = ${x} Ω`)
    for (const d of drops) expect(texts).toContain(`${d} V`)
    expect(texts).toContain(`I = ${i} A`)
    expect(texts).toContain(`${drops.map((d) => `${d} V`).join(' + ')} = ${v} V`)
  })

  it('ELEC-2 three parallel loads: branch currents, their sum, and the total resistance both ways', () => {
    const ex = workedExample('ELEC-2', 'three loads on one supply')
    const v = 120
    const r = [40, 60, 120]
    for (const x of r) expect(ex).toContain(`${x} Ω`)
    const branch = r.map((x) => v / x)
    const total = branch.reduce((a, b) => a + b, 0)
    const rt = v / total
    expect(1 / r.reduce((a, x) => a + 1 / x, 0)).toBeCloseTo(rt, 9)
    expect(rt).toBeLessThan(Math.min(...r))
    expect(ex).toContain(r.map((x, k) => `${v} ÷ ${x} = ${branch[k]} A`).join(', '))
    expect(ex).toContain(`R = V ÷ I = ${v} V ÷ ${total} A = ${rt} Ω`)
    expect(answerOf(ex)).toContain(`${branch[0]} A, ${branch[1]} A and ${branch[2]} A in the branches, ${total} A from the supply, ${rt} Ω in total`)
    // The figure labels each branch with its resistance and, just left of it, its current.
    const texts = textsOf(figure('ELEC', 'ELEC-2-parallel-circuit.svg'))
    r.forEach((x, k) => {
      const label = texts.find((t) => t.text === `${x} Ω`)!
      const current = texts.find((t) => t.text === `${branch[k]} A`)!
      expect(label.x - current.x, `${x} Ω`).toBeGreaterThan(0)
      expect(label.x - current.x, `${x} Ω`).toBeLessThan(60)
    })
    expect(texts.map((t) => t.text)).toContain(`${total} A`)
  })

  it('ELEC-2 series-parallel: pair in parallel, then in series; branch current from the pair voltage', () => {
    const ex = workedExample('ELEC-2', 'a resistor feeding two branches')
    const [v, r1, r2, r3] = [24, 6, 12, 12]
    for (const part of [`${v} V`, `R1 = ${r1} Ω`, `R2 = ${r2} Ω`, `R3 = ${r3} Ω`]) expect(ex).toContain(part)
    const pair = (r2 * r3) / (r2 + r3)
    const total = r1 + pair
    const i = v / total
    const vPair = v - i * r1
    const i2 = vPair / r2
    expect(ex).toContain(`(${r2} × ${r3}) ÷ (${r2} + ${r3}) = ${r2 * r3} ÷ ${r2 + r3} = ${pair} Ω`)
    expect(ex).toContain(`${r1} Ω + ${pair} Ω = ${total} Ω`)
    expect(ex).toContain(`I = ${v} V ÷ ${total} Ω = ${i} A`)
    expect(ex).toContain(`${vPair} V ÷ ${r2} Ω = ${i2} A`)
    expect(answerOf(ex)).toContain(`${i} A from the supply, ${i2} A through R2`)
    const texts = textsOf(figure('ELEC', 'ELEC-2-series-parallel.svg')).map((t) => t.text)
    for (const t of [`${v} V`, `R1 = ${r1} Ω`, `R2 = ${r2} Ω`, `R3 = ${r3} Ω`, `${i} A`]) expect(texts).toContain(t)
    expect(texts.filter((t) => t === `${i2} A`)).toHaveLength(2)
  })

  it('ELEC-3 dry and wet hands: I = V / R, and the wet current is in the fibrillation range of the table and the figure', () => {
    const ex = workedExample('ELEC-3', 'dry hands and wet hands')
    const [v, dry, wet] = [120, 100_000, 1_000]
    for (const part of [`${v} V`, `${fmt(dry)} Ω`, `${fmt(wet)} Ω`]) expect(ex).toContain(part)
    const iDry = v / dry
    const iWet = v / wet
    expect(ex).toContain(`${v} V ÷ ${fmt(dry)} Ω = ${fmt(iDry, 4)} A = ${fmt(iDry * 1000)} mA`)
    expect(ex).toContain(`${v} V ÷ ${fmt(wet)} Ω = ${fmt(iWet)} A = ${fmt(iWet * 1000)} mA`)
    expect(iWet / iDry).toBe(100)
    expect(answerOf(ex)).toContain(`about ${fmt(iDry * 1000)} mA dry but ${fmt(iWet * 1000)} mA wet, a hundred times more`)
    expect(lessonText('ELEC-3')).toContain('| about 50 to 100 mA and up | the heart can go into ventricular fibrillation')
    expect(iWet * 1000).toBeGreaterThanOrEqual(50)
    // The scale is logarithmic: 1 mA at x = 90, one decade every 220 px.
    const texts = textsOf(figure('ELEC', 'ELEC-3-shock-current-scale.svg'))
    for (const ma of [1, 5, 10, 20, 50, 100]) {
      const tick = texts.find((t) => t.text === `${ma} mA`)
      expect(tick, `${ma} mA`).toBeDefined()
      expect(near(tick!.x, 90 + 220 * Math.log10(ma)), `${ma} mA at x ${tick!.x}`).toBe(true)
    }
    expect(near(texts.find((t) => t.text === 'GFCI trips')!.x, 90 + 220 * Math.log10(5))).toBe(true)
  })
})

describe('CHEM worked examples', () => {
  it('CHEM-1 brass: percent of copper in two batches; the proportions change, so brass is a mixture', () => {
    const ex = workedExample('CHEM-1', 'is brass a compound?')
    const [cu, zn, more] = [1400, 600, 100]
    for (const part of [`${fmt(cu)} kg of copper`, `${zn} kg of zinc`, `${more} kg more zinc`]) expect(ex).toContain(part)
    const first = (cu / (cu + zn)) * 100
    const zn2 = zn + more
    const second = (cu / (cu + zn2)) * 100
    expect(ex).toContain(`${fmt(cu)} ÷ ${fmt(cu + zn)} × 100 = ${fmt(first, 1)}%`)
    expect(ex).toContain(`${fmt(cu)} ÷ ${fmt(cu + zn2)} × 100 = ${fmt(second, 1)}%, zinc ${fmt(100 - second, 1)}%`)
    expect(answerOf(ex)).toContain(`${fmt(first, 1)}% copper in the first batch and ${fmt(second, 1)}% in the second; brass is a **mixture**`)
  })

  it('CHEM-2 descaler against rinse water: 10 to the power of the pH difference', () => {
    const ex = workedExample('CHEM-2', 'descaler against rinse water')
    const [acid, rinse] = [2, 6]
    for (const part of [`pH ${acid}`, `pH ${rinse}`]) expect(ex).toContain(part)
    const factor = 10 ** (rinse - acid)
    expect(ex).toContain(`${rinse} − ${acid} = ${rinse - acid} units`)
    expect(answerOf(ex)).toContain(`${fmt(factor)} times the hydrogen-ion concentration`)
    // The wrong readings the answer names are the difference and the ratio of the two pH values.
    expect(answerOf(ex)).toContain(`not ${rinse - acid} times and not ${rinse / acid} times`)
  })

  it('CHEM-2 the pH scale figure marks each named liquid at its pH, as the text and alt text say', () => {
    const marks: [number, string, string][] = [[1, 'pickling acid', 'acid pickling bath near pH 1'], [2, 'descaler', 'descaler near pH 2'], [7, 'rinse water', 'rinse water at pH 7'],
      [11, 'parts cleaner', 'alkaline parts cleaner near pH 11'], [13, 'caustic soda', 'caustic soda solution near pH 13']]
    const svg = figure('CHEM', 'CHEM-2-ph-scale.svg')
    const texts = textsOf(svg)
    const dots = dotsOf(svg)
    for (const [ph, label, alt] of marks) {
      const x = 40 + 40 * ph
      expect(texts.find((t) => t.text === label)?.x, label).toBe(x)
      expect(dots.some((d) => d.x === x), `${label} has a dot at pH ${ph}`).toBe(true)
      expect(texts.find((t) => t.text === String(ph))?.x, `tick ${ph}`).toBe(x)
      expect(lessonText('CHEM-2')).toContain(alt)
    }
  })

  it('CHEM-2 brine and trace metal: percent by mass of the whole solution, and ppm', () => {
    const ex = workedExample('CHEM-2', 'a brine and a trace metal')
    const [salt, water, sample, zinc] = [24, 376, 500, 0.004]
    for (const part of [`${salt} g of salt`, `${water} g of water`, `${sample} g`, `${zinc} g of zinc`]) expect(ex).toContain(part)
    const pct = (salt / (salt + water)) * 100
    const wrong = (salt / water) * 100
    const ppm = (zinc / sample) * 1_000_000
    expect(ex).toContain(`${salt} g + ${water} g = ${salt + water} g`)
    expect(ex).toContain(`${salt} ÷ ${salt + water} × 100 = ${fmt(pct)}%`)
    expect(ex).toContain(`${salt} ÷ ${water} × 100, would give ${fmt(wrong, 1)}%`)
    expect(ex).toContain(`= ${fmt(ppm)} ppm`)
    expect(answerOf(ex)).toContain(`${fmt(pct)}% salt by mass, and the wastewater holds ${fmt(ppm)} ppm of zinc`)
  })

  it('CHEM-2 coolant sump: V1 = C2 × V2 / C1, water is the rest, and the figure shows the same volumes', () => {
    const ex = workedExample('CHEM-2', 'filling a coolant sump')
    const [c1, c2, v2] = [100, 5, 40]
    for (const part of [`${v2} L`, `${c2}% by volume`, `${c1}% concentrate`]) expect(ex).toContain(part)
    const v1 = (c2 * v2) / c1
    expect(ex).toContain(`V1 = C2 × V2 ÷ C1 = ${c2} × ${v2} ÷ ${c1} = ${v1} L`)
    expect(ex).toContain(`${v2} L − ${v1} L = ${v2 - v1} L`)
    expect((v1 / v2) * 100).toBe(c2)
    expect(answerOf(ex)).toContain(`${v1} L of concentrate and ${v2 - v1} L of water`)
    const texts = textsOf(figure('CHEM', 'CHEM-2-dilution.svg')).map((t) => t.text)
    for (const t of [`${v1} L`, `${v2 - v1} L`, `${v2} L`, `coolant at ${c2}%`, `${c1}% × ${v1} L = ${c2}% × ${v2} L`]) expect(texts).toContain(t)
  })

  it('CHEM-3 splash at the parts washer: each section the example names has that title in the lesson’s SDS table', () => {
    const lesson = lessonText('CHEM-3')
    const table = new Map([...lesson.matchAll(/^\| (\d{1,2}) \| ([^|]+) \|/gm)].map((m) => [Number(m[1]), m[2]!.trim()]))
    expect([...table.keys()]).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    const ex = workedExample('CHEM-3', 'a splash at the parts washer')
    const named = [...ex.matchAll(/\*\*Section (\d{1,2})\*\*, ([A-Z][^(.]*?)(?: \(|,| tells| names|\.)/g)].map((m) => [Number(m[1]), m[2]!.trim()] as const)
    expect(named.map(([n]) => n)).toEqual([4, 6, 8])
    for (const [n, title] of named) expect(table.get(n), `Section ${n}`).toBe(title)
    expect(ex).toContain('**Section 9**')
    expect(ex).toContain('**Section 2**')
    expect(table.get(9)).toBe('Physical and chemical properties')
    expect(answerOf(ex)).toContain('Section 4 first, then Section 6 for the spill and Section 8 for the gloves')
  })

  it('CHEM-3 label figure numbers the six label elements the lesson lists, in the same order', () => {
    const listed = [...lessonText('CHEM-3').matchAll(/^\d\. \*\*([^:*]+):\*\*/gm)].map((m) => m[1]!.toLowerCase())
    expect(listed).toHaveLength(6)
    const legend = textsOf(figure('CHEM', 'CHEM-3-ghs-label.svg')).filter((t) => t.x === 585).sort((a, b) => a.y - b.y).map((t) => t.text.toLowerCase())
    expect(legend).toHaveLength(6)
    // The legend may name an element a little more fully (supplier identification), never differently.
    legend.forEach((l, i) => expect(l.startsWith(listed[i]!.split(' ')[0]!) || listed[i]!.startsWith(l.split(' ')[0]!), `${l} / ${listed[i]}`).toBe(true))
    const texts = textsOf(figure('CHEM', 'CHEM-3-pictograms.svg')).map((t) => t.text)
    const rows = [...lessonText('CHEM-3').matchAll(/^\| ([a-z ]+) \| [^|]+ \|$/gm)].map((m) => m[1]!.trim()).filter((n) => texts.includes(n))
    expect(rows).toHaveLength(9)
    expect(texts).toEqual(rows)
  })
})

describe('MPC worked examples', () => {
  it('MPC-1 pattern: casting length × (1 + shrinkage allowance)', () => {
    const ex = workedExample('MPC-1', 'sizing a pattern')
    const [length, allowance] = [250, 2]
    for (const part of [`${length} mm`, `${allowance}%`]) expect(ex).toContain(part)
    const pattern = length + (length * allowance) / 100
    expect(ex).toContain(`${length} mm × ${1 + allowance / 100} = ${pattern} mm`)
    expect(ex).toContain(`${allowance}% of ${length} mm = ${(length * allowance) / 100} mm`)
    expect(answerOf(ex)).toContain(`${pattern} mm long`)
  })

  it('MPC-1 spindle speed: RPM = 12 × SFM / (π × D), and the 3.82 shortcut agrees', () => {
    const ex = workedExample('MPC-1', 'spindle speed for turning')
    const [d, sfm] = [2, 400]
    for (const part of ['2.000 in', `${sfm} SFM`]) expect(ex).toContain(part)
    const rpm = (12 * sfm) / (Math.PI * d)
    expect(ex).toContain(`12 × ${sfm} = ${fmt(12 * sfm)}`)
    expect(ex).toContain(`π × 2.000 = ${(Math.PI * d).toFixed(3)}`)
    expect(ex).toContain(`${fmt(12 * sfm)} ÷ ${(Math.PI * d).toFixed(3)} = ${rpm.toFixed(1)}, about ${Math.round(rpm)} RPM`)
    expect(Math.round((3.82 * sfm) / d)).toBe(Math.round(rpm))
    expect(ex).toContain(`3.82 × ${sfm} ÷ ${d} = ${Math.round((3.82 * sfm) / d)} RPM`)
    expect(answerOf(ex)).toContain(`about ${Math.round(rpm)} RPM`)
  })

  it('MPC-1 printed fixture: layers = height / layer thickness, time = layers × seconds per layer', () => {
    const ex = workedExample('MPC-1', 'build time of a printed fixture')
    const [height, layer, seconds] = [30, 0.2, 45]
    for (const part of [`${height} mm tall`, `${layer} mm layers`, `${seconds} s`]) expect(ex).toContain(part)
    const layers = Math.round(height / layer)
    const total = layers * seconds
    expect(ex).toContain(`${height} mm ÷ ${layer} mm = ${layers} layers`)
    expect(ex).toContain(`${layers} × ${seconds} s = ${fmt(total)} s`)
    expect(ex).toContain(`${fmt(total)} s ÷ 60 = ${total / 60} min`)
    expect(answerOf(ex)).toContain(`${layers} layers and about ${total / 60} minutes`)
  })

  it('MPC-2 oven controller: error = setpoint − measured; on below the lower limit, off above the upper one', () => {
    const ex = workedExample('MPC-2', 'what the oven controller does')
    const [setpoint, band, cold, hot] = [375, 5, 362, 383]
    for (const part of [`${setpoint} °F`, `±${band} °F`, `${cold} °F`, `${hot} °F`]) expect(ex).toContain(part)
    const [low, high] = [setpoint - band, setpoint + band]
    expect(ex).toContain(`below ${low} °F and off above ${high} °F`)
    const e1 = setpoint - cold
    const e2 = setpoint - hot
    expect(ex).toContain(`${setpoint} − ${cold} = +${e1} °F`)
    expect(ex).toContain(`${setpoint} − ${hot} = ${fmt(e2)} °F`)
    expect(cold < low && hot > high).toBe(true)
    expect(answerOf(ex)).toContain(`an error of +${e1} °F with the heater on, then ${fmt(e2)} °F with the heater off`)
  })

  it('MPC-2 pressure transmitter: (mA − 4) / 16 × span, on the graph too', () => {
    const ex = workedExample('MPC-2', 'reading a pressure transmitter')
    const span = 100
    const readings = [12, 8.8]
    for (const part of ['0 to 100 psi', '4–20 mA', ...readings.map((r) => `${r} mA`)]) expect(ex).toContain(part)
    const psi = readings.map((ma) => ((ma - 4) / 16) * span)
    readings.forEach((ma, k) => expect(ex).toContain(`(${ma} − 4) ÷ 16 × ${span} = ${fmt(ma - 4)} ÷ 16 × ${span} = ${fmt(psi[k]!)} psi`))
    expect(answerOf(ex)).toContain(`${fmt(psi[0]!)} psi and ${fmt(psi[1]!)} psi`)
    // Graph: x = 80 + 25 px per mA, y = 300 − 2.4 px per psi; the marked points lie on the line from (4 mA, 0) to (20 mA, 100).
    const svg = figure('MPC', 'MPC-2-4-20ma-scaling.svg')
    const dots = dotsOf(svg)
    for (const [ma, p] of [[4, 0], [20, 100], ...readings.map((ma, k) => [ma, psi[k]!])] as [number, number][]) {
      expect(dots.some((d) => near(d.x, 80 + 25 * ma) && near(d.y, 300 - 2.4 * p)), `${ma} mA at ${p} psi`).toBe(true)
    }
    expect(svg).toContain(`<line x1="${80 + 25 * 4}" y1="300" x2="${80 + 25 * 20}" y2="${300 - 2.4 * 100}"`)
  })

  it('MPC-3 same path both ways: incremental move = new position − current position, on the grid too', () => {
    const ex = workedExample('MPC-3', 'the same path both ways')
    const pts: [string, number, number][] = [['A', 1, 1], ['B', 4, 1], ['C', 4, 3], ['D', 1.5, 3]]
    for (const [n, x, y] of pts) expect(ex).toContain(`${n} (X ${x.toFixed(3)}, Y ${y.toFixed(3)})`)
    const moves = pts.slice(1).map(([, x, y], k) => ({ dx: x - pts[k]![1], dy: y - pts[k]![2] }))
    const signed = (v: number) => (v === 0 ? '0' : `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(3)}`)
    moves.forEach((m, k) => {
      const [a, b] = [pts[k]!, pts[k + 1]!]
      expect(ex).toContain(`X = ${b[1].toFixed(3)} − ${a[1].toFixed(3)} = ${signed(m.dx)}`)
      expect(ex).toContain(`Y = ${b[2].toFixed(3)} − ${a[2].toFixed(3)} = ${signed(m.dy)}`)
    })
    expect(pts[0]![1] + moves.reduce((s, m) => s + m.dx, 0)).toBe(pts[3]![1])
    const gcode = (v: number) => (v < 0 ? '-' : '') + Math.abs(v).toFixed(3)
    expect(answerOf(ex)).toContain(`X${gcode(moves[0]!.dx)}, Y${gcode(moves[1]!.dy)} and X${gcode(moves[2]!.dx)}`)
    // Grid: 1 in = 80 px, program zero at (80, 370); each point is a dot, each leg labeled with its move.
    const svg = figure('MPC', 'MPC-3-toolpath-grid.svg')
    const dots = dotsOf(svg)
    for (const [n, x, y] of pts) expect(dots.some((d) => d.x === 80 + 80 * x && d.y === 370 - 80 * y), n).toBe(true)
    const labels = textsOf(svg).map((t) => t.text)
    for (const t of [`X +${moves[0]!.dx.toFixed(3)}`, `Y +${moves[1]!.dy.toFixed(3)}`, `X −${Math.abs(moves[2]!.dx).toFixed(3)}`]) expect(labels).toContain(t)
  })

  it('MPC-3 slot: time = distance / feed rate, from the program the lesson lists', () => {
    const lesson = lessonText('MPC-3')
    const start = Number(/N40 G00 X([\d.]+)/.exec(lesson)![1])
    const [, end, feed] = /N60 X([\d.]+) F([\d.]+)/.exec(lesson)!.map(Number)
    const ex = workedExample('MPC-3', 'how long the slot takes to cut')
    const distance = end! - start
    const minutes = distance / feed!
    expect(ex).toContain(`${end!.toFixed(3)} − ${start.toFixed(3)} = ${distance.toFixed(3)} in`)
    expect(ex).toContain(`F${feed!.toFixed(1)}, ${feed} in/min`)
    expect(ex).toContain(`${distance.toFixed(3)} in ÷ ${feed} in/min = ${minutes} min`)
    expect(answerOf(ex)).toContain(`${minutes} minute, or ${minutes * 60} seconds`)
  })
})
