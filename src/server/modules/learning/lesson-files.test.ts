// The lesson loader: what a lesson file may contain, and what it refuses with the file named.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadLessons, readLesson, sectionSlug } from './lesson-files.js'

const dirs: string[] = []
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }) })

function program(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-lessons-'))
  dirs.push(root)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'lessons', name)), { recursive: true })
    fs.writeFileSync(path.join(root, 'lessons', name), text)
  }
  return root
}
const url = (skill: string, name: string) => `/api/v1/learning/figures/${skill}/${name}`
const FRONT = '---\nid: MEAS-1\ntitle: Reading a rule\nsummary: How to read a steel rule.\nminutes: 10\npractice:\n  reading-the-marks: [MT1-MEAS-P01]\n---\n'

describe('lesson files', () => {
  it('splits a lesson into sections at ## headings, with practice items, figures and spoken text', () => {
    const root = program({
      'MEAS/1-rule.md': `${FRONT}## Reading the marks\n\nEach mark is 1/16 in.\n\n![A rule with sixteenth marks](figures/rule.svg)\n\n### Worked example\n\n3 + 4 = 7\n\n## Checking your reading\n\nRead it twice.\n`,
      'MEAS/figures/rule.svg': '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Rule</title></svg>',
    })
    const [lesson] = loadLessons(root, url)
    expect(lesson).toMatchObject({ id: 'MEAS-1', skill: 'MEAS', order: 1, title: 'Reading a rule', minutes: 10, figures: ['rule.svg'], figureAlts: ['A rule with sixteenth marks'] })
    expect(lesson!.sections.map((s) => [s.id, s.practiceItems])).toEqual([['reading-the-marks', ['MT1-MEAS-P01']], ['checking-your-reading', []]])
    expect(lesson!.sections[0]!.html).toContain('src="/api/v1/learning/figures/MEAS/rule.svg"')
    expect(lesson!.sections[0]!.html).toContain('<h3>Worked example</h3>')
    expect(lesson!.sections[0]!.spokenText).toContain('Figure: A rule with sixteenth marks.')
  })

  it('escapes raw HTML and refuses links that are not https or inside the Learning Lab', () => {
    const root = program({ 'MEAS/1.md': `${FRONT.replace(/practice:[\s\S]*?---/, '---')}## Reading the marks\n\n<script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.org)\n` })
    const html = loadLessons(root, url)[0]!.sections[0]!.html
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('href="https://example.org"')
  })

  it('names the file and the fault for a missing figure, an unknown practice section, a wrong id or no front matter', () => {
    const cases: [string, RegExp][] = [
      [`${FRONT}## Reading the marks\n\n![x](figures/none.svg)\n`, /figure figures\/none.svg is missing/],
      [`${FRONT}## Something else\n\ntext\n`, /practice names section "reading-the-marks"/],
      [FRONT.replace('MEAS-1', 'ALG-1') + '## Reading the marks\n', /id must be MEAS-<n>/],
      ['## Reading the marks\n', /YAML front matter/],
      [`${FRONT}# Title\n`, /use ## for sections/],
      [`${FRONT}Intro before a section\n\n## Reading the marks\n`, /must start with a ## section heading/],
      [`${FRONT}## Reading the marks\n\n![x](https://evil.example/x.svg)\n`, /figures\/<name>.svg/],
    ]
    for (const [text, error] of cases) {
      const root = program({ 'MEAS/1.md': text })
      expect(() => readLesson(path.join(root, 'lessons', 'MEAS', '1.md'), 'MEAS', url)).toThrow(error)
    }
  })

  it('makes section ids from headings', () => {
    expect(sectionSlug('Fractions → decimals: 1/16 in')).toBe('fractions-decimals-1-16-in')
  })
})
