// Content checks for the Learning Lab's lessons (program/mt1/lessons), as for the item bank: every
// skill is taught, every figure has alt text and is an accessible SVG, every practice item links back
// to exactly one lesson section of its own skill, and every lesson works at least one example.
// Worked examples' numbers are recomputed in lessons-*.test.ts, per module.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProgram } from '../../src/server/modules/program/program.loader.js'
import { loadLessons } from '../../src/server/modules/learning/lesson-files.js'
import { listItemFiles } from './item-xml.js'

const programDir = path.resolve('program/mt1')
const program = loadProgram(programDir)
const lessons = loadLessons(programDir, (skill, name) => `/figures/${skill}/${name}`)
const skills = program.modules.flatMap((m) => m.skills.map((s) => s.code))
const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('Learning Lab lessons', () => {
  it('teaches every one of the twelve skills in at least two lessons, numbered from 1 without gaps', () => {
    expect(skills).toHaveLength(12)
    for (const skill of skills) {
      const orders = lessons.filter((l) => l.skill === skill).map((l) => l.order)
      expect(orders.length, skill).toBeGreaterThanOrEqual(2)
      expect(orders, skill).toEqual(orders.map((_, i) => i + 1))
    }
    expect(lessons.every((l) => skills.includes(l.skill))).toBe(true)
  })

  it('gives every lesson sections of substance and at least one worked example', () => {
    for (const lesson of lessons) {
      expect(lesson.sections.length, lesson.id).toBeGreaterThanOrEqual(2)
      expect(lesson.summary.length, lesson.id).toBeGreaterThan(20)
      for (const section of lesson.sections) expect(words(section.spokenText), `${lesson.id}#${section.id}`).toBeGreaterThanOrEqual(40)
      expect(lesson.sections.some((s) => /<h3>Worked example/.test(s.html)), `${lesson.id} works an example`).toBe(true)
    }
  })

  it('shows every skill at least one figure, each with alt text that describes it, each an accessible SVG, none unused', () => {
    for (const skill of skills) expect(lessons.filter((l) => l.skill === skill).flatMap((l) => l.figures).length, skill).toBeGreaterThanOrEqual(1)
    for (const lesson of lessons) {
      for (const alt of lesson.figureAlts) expect(alt.length, `${lesson.id}: alt text "${alt}"`).toBeGreaterThanOrEqual(20)
    }
    for (const skill of skills) {
      const dir = path.join(programDir, 'lessons', skill, 'figures')
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.svg')) : []
      const used = new Set(lessons.filter((l) => l.skill === skill).flatMap((l) => l.figures))
      expect(files.filter((f) => !used.has(f)), `${skill}: figure files no lesson shows`).toEqual([])
      for (const f of files) {
        const svg = fs.readFileSync(path.join(dir, f), 'utf8')
        expect(svg, f).toMatch(/<svg[^>]*\brole="img"/)
        expect(svg, f).toMatch(/<title>[^<]{5,}<\/title>/)
        expect(svg, `${f} has no script, no event handler and no external reference`).not.toMatch(/<script|\bon[a-z]+=|xlink:href="(?!#)|href="(?!#)/i)
      }
    }
  })

  it('links every practice item back to exactly one section of a lesson of its own skill', () => {
    const practice = listItemFiles().filter((f) => f.pool === 'practice')
    const operational = new Set(listItemFiles().filter((f) => f.pool === 'operational').map((f) => f.identifier))
    const linked = new Map<string, string[]>()
    for (const lesson of lessons) {
      for (const section of lesson.sections) {
        for (const item of section.practiceItems) {
          expect(operational.has(item), `${lesson.id} links operational item ${item}`).toBe(false)
          linked.set(item, [...(linked.get(item) ?? []), `${lesson.id}#${section.id}`])
          expect(item.split('-')[1], `${item} in ${lesson.id}`).toBe(lesson.skill)
        }
      }
    }
    for (const item of practice) expect(linked.get(item.identifier), `${item.identifier} links back to a lesson section`).toHaveLength(1)
    expect([...linked.keys()].filter((id) => !practice.some((p) => p.identifier === id)), 'sections name practice items that do not exist').toEqual([])
  })

  it('has at least ten practice items for every skill (120 in all)', () => {
    const practice = listItemFiles().filter((f) => f.pool === 'practice')
    for (const skill of skills) expect(practice.filter((p) => p.skill === skill).length, skill).toBeGreaterThanOrEqual(10)
  })
})
