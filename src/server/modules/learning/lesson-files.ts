// The Learning Lab's lessons, read from the program directory (program/mt1/lessons/<SKILL>/*.md).
// Lessons are program content, versioned with the items, so they are files, not rows. Each file is
// YAML front matter and Markdown; raw HTML is not allowed (markdown-it escapes it), so a lesson can
// only contain what this loader renders. Each `## heading` starts a section with a stable id (its
// slug), which practice feedback links back to; the front matter names the practice items of each
// section. Figures are SVG files beside the lesson (figures/<name>.svg) with alt text in the Markdown.
import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { parse as parseYaml } from 'yaml'

export interface LessonSection {
  /** The slug of the section's heading, unique within the lesson: `#<id>` links to it. */
  id: string
  heading: string
  /** The section's body as HTML (headings of level 3 and below, paragraphs, lists, tables, figures). */
  html: string
  /** The section as plain text, in reading order, for read-aloud (figures are read by their alt text). */
  spokenText: string
  /** Identifiers of the practice items that exercise this section. */
  practiceItems: string[]
}

export interface Lesson {
  /** `<SKILL>-<n>`, e.g. `MEAS-1`. */
  id: string
  skill: string
  /** Position among the skill's lessons (the number in the id). */
  order: number
  title: string
  summary: string
  /** Estimated reading time. */
  minutes: number
  sections: LessonSection[]
  /** Figure files the lesson shows (names within the skill's figures folder). */
  figures: string[]
  /** Alt text of every figure, in order (content tests check each one). */
  figureAlts: string[]
}

export class LessonFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`)
  }
}

const FIGURE = /^figures\/([A-Za-z0-9][A-Za-z0-9._-]*\.svg)$/
const LESSON_ID = /^([A-Z]{2,5})-(\d{1,2})$/
const ITEM_ID = /^MT1-[A-Z]{2,5}-P\d{2}$/

/** The slug of a heading: lower case, letters and digits, words joined by hyphens. */
export function sectionSlug(heading: string): string {
  return heading.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
}

function frontMatterOf(file: string, source: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source)
  if (!match) throw new LessonFileError(file, 'the lesson must start with YAML front matter between --- lines')
  const meta = parseYaml(match[1]!) as unknown
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw new LessonFileError(file, 'the front matter must be a mapping')
  return { meta: meta as Record<string, unknown>, body: match[2]! }
}

function text(file: string, meta: Record<string, unknown>, key: string): string {
  const value = meta[key]
  if (typeof value !== 'string' || !value.trim()) throw new LessonFileError(file, `front matter needs a non-empty "${key}"`)
  return value.trim()
}

function practiceMap(file: string, value: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>()
  if (value === undefined || value === null) return map
  if (typeof value !== 'object' || Array.isArray(value)) throw new LessonFileError(file, '"practice" maps section ids to lists of practice item identifiers')
  for (const [section, items] of Object.entries(value)) {
    if (!Array.isArray(items) || !items.every((i) => typeof i === 'string' && ITEM_ID.test(i))) {
      throw new LessonFileError(file, `practice.${section} must be a list of practice item identifiers like MT1-MEAS-P01`)
    }
    map.set(section, items as string[])
  }
  return map
}

function markdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  // Links may only point inside the Learning Lab or to https pages; no javascript:, data: or file: URLs.
  md.validateLink = (url) => /^(https:\/\/|#|\/learning\/)/i.test(url.trim()) || FIGURE.test(url.trim())
  return md
}

/** The plain text of inline tokens, with figures read by their alt text. */
function spoken(tokens: Token[]): string {
  const parts: string[] = []
  for (const t of tokens) {
    if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        if (c.type === 'image') parts.push(` Figure: ${c.content}. `)
        else if (c.type === 'text' || c.type === 'code_inline') parts.push(c.content)
        else if (c.type === 'softbreak' || c.type === 'hardbreak') parts.push(' ')
      }
      parts.push('\n')
    } else if (t.type === 'fence' || t.type === 'code_block') {
      parts.push(`${t.content}\n`)
    }
  }
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim()
}

/** Reads one lesson file; `figureUrl` turns a figure's file name into the URL the web loads it from. */
export function readLesson(file: string, skill: string, figureUrl: (skill: string, name: string) => string): Lesson {
  const { meta, body } = frontMatterOf(file, fs.readFileSync(file, 'utf8'))
  const id = text(file, meta, 'id')
  const idMatch = LESSON_ID.exec(id)
  if (!idMatch || idMatch[1] !== skill) throw new LessonFileError(file, `id must be ${skill}-<n>, found "${id}"`)
  const minutes = meta.minutes
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 120) throw new LessonFileError(file, '"minutes" must be a whole number of minutes (1 to 120)')
  const practice = practiceMap(file, meta.practice)

  const md = markdown()
  const figures: string[] = []
  const figureAlts: string[] = []
  const dir = path.dirname(file)
  const render = md.renderer.rules.image
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!
    const src = token.attrGet('src') ?? ''
    const figure = FIGURE.exec(src)
    if (!figure) throw new LessonFileError(file, `figure "${src}" must be figures/<name>.svg`)
    if (!fs.existsSync(path.join(dir, 'figures', figure[1]!))) throw new LessonFileError(file, `figure ${src} is missing`)
    token.attrSet('src', figureUrl(skill, figure[1]!))
    token.attrSet('loading', 'lazy')
    return render ? render(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
  }

  const tokens = md.parse(body, {})
  const sections: { heading: string; tokens: Token[] }[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.type === 'heading_open' && (t.tag === 'h1')) throw new LessonFileError(file, 'the title is in the front matter: use ## for sections, ### and below inside them')
    if (t.type === 'heading_open' && t.tag === 'h2') {
      sections.push({ heading: tokens[i + 1]!.content.trim(), tokens: [] })
      i += 2
      continue
    }
    if (!sections.length) {
      if (t.type === 'inline' && !t.content.trim()) continue
      throw new LessonFileError(file, 'the body must start with a ## section heading')
    }
    sections.at(-1)!.tokens.push(t)
  }
  if (!sections.length) throw new LessonFileError(file, 'a lesson needs at least one ## section')

  const ids = new Set<string>()
  const built = sections.map((s) => {
    const sid = sectionSlug(s.heading)
    if (!sid) throw new LessonFileError(file, `section "${s.heading}" has no usable id`)
    if (ids.has(sid)) throw new LessonFileError(file, `two sections have the id "${sid}"`)
    ids.add(sid)
    for (const t of s.tokens) {
      for (const c of t.children ?? []) {
        if (c.type !== 'image') continue
        const name = FIGURE.exec(c.attrGet('src') ?? '')?.[1]
        if (name) figures.push(name)
        figureAlts.push(c.content.trim())
      }
    }
    return {
      id: sid, heading: s.heading,
      html: md.renderer.render(s.tokens, md.options, {}),
      spokenText: `${s.heading}.\n${spoken(s.tokens)}`,
      practiceItems: practice.get(sid) ?? [],
    }
  })
  for (const section of practice.keys()) {
    if (!ids.has(section)) throw new LessonFileError(file, `practice names section "${section}", which the lesson does not have (sections: ${[...ids].join(', ')})`)
  }
  return {
    id, skill, order: Number(idMatch[2]), title: text(file, meta, 'title'), summary: text(file, meta, 'summary'), minutes,
    sections: built, figures, figureAlts,
  }
}

/** Every lesson of the program, by skill then order. A skill folder without lessons is allowed. */
export function loadLessons(programDir: string, figureUrl: (skill: string, name: string) => string): Lesson[] {
  const root = path.join(programDir, 'lessons')
  if (!fs.existsSync(root)) return []
  const lessons: Lesson[] = []
  for (const skill of fs.readdirSync(root).sort()) {
    const dir = path.join(root, skill)
    if (!fs.statSync(dir).isDirectory()) continue
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.md')) lessons.push(readLesson(path.join(dir, name), skill, figureUrl))
    }
  }
  const ids = new Set<string>()
  for (const l of lessons) {
    if (ids.has(l.id)) throw new LessonFileError(path.join(root, l.skill), `two lessons have the id ${l.id}`)
    ids.add(l.id)
  }
  return lessons.sort((a, b) => a.skill.localeCompare(b.skill) || a.order - b.order)
}

/** The path of a lesson figure on disk, or null when the name is not a figure of that skill. */
export function figurePath(programDir: string, skill: string, name: string): string | null {
  if (!/^[A-Z]{2,5}$/.test(skill) || !FIGURE.test(`figures/${name}`)) return null
  const file = path.join(programDir, 'lessons', skill, 'figures', name)
  return fs.existsSync(file) ? file : null
}
