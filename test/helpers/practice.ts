// Shared setup for the practice tests (issue 13, practice stream): an app with the shipped item bank
// and a program directory of its own (the shipped program.json, optionally with changed policies,
// and a few lessons whose front matter names practice items, so feedback has a lesson to link to
// whatever lessons the repository ships), and steps over the public API: learners, sets, answers
// right and wrong, the practice pool as staff see it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { PracticeAnswerView, PracticeSetView, PracticeTestView } from '../../src/common/schemas/practice.js'
import { projectRoot } from '../../src/server/config.js'
import { call, register, staffSession, type Session } from './http-client.js'
import { keyAsPresented } from './practice-keys.js'
import { createTestApp, type DatabaseKind, type TestApp } from './test-app.js'

/** Lessons of the fixture program: which practice items each section teaches. */
export const FIXTURE_LESSONS = [
  { skill: 'MEAS', id: 'MEAS-1', title: 'Reading a decimal-inch rule', sections: [['Reading the rule', ['MT1-MEAS-P01', 'MT1-MEAS-P02']], ['Tolerances', ['MT1-MEAS-P03']]] },
  { skill: 'SPAT', id: 'SPAT-1', title: 'Views of a part', sections: [['Orthographic views', ['MT1-SPAT-P01']], ['Hidden lines', []]] },
] as const

const WORDS = 'Every measurement on the shop floor is read, written down and checked against the drawing before the part moves on to the next station.'

/** A program directory: the shipped program.json (with `policies` changed as asked) and the fixture lessons. */
export function fixtureProgramDir(policies: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-practice-program-'))
  const program = JSON.parse(fs.readFileSync(path.join(projectRoot, 'program', 'mt1', 'program.json'), 'utf8'))
  program.policies = { ...program.policies, ...policies }
  fs.writeFileSync(path.join(dir, 'program.json'), JSON.stringify(program, null, 2))
  for (const lesson of FIXTURE_LESSONS) {
    fs.mkdirSync(path.join(dir, 'lessons', lesson.skill), { recursive: true })
    const slug = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const practice = lesson.sections.filter(([, items]) => items.length).map(([h, items]) => `  ${slug(h)}: [${items.join(', ')}]`).join('\n')
    const body = lesson.sections.map(([h]) => `## ${h}\n\n${WORDS}\n`).join('\n')
    fs.writeFileSync(path.join(dir, 'lessons', lesson.skill, `1-${slug(lesson.title)}.md`),
      `---\nid: ${lesson.id}\ntitle: ${lesson.title}\nsummary: A short lesson written for the practice tests.\nminutes: 5\npractice:\n${practice}\n---\n\n${body}`)
  }
  return dir
}

export interface StaffItem { id: string; identifier: string; skill: string; module: string; pool: string; status: string }

export interface PracticeWorld {
  t: TestApp
  app: FastifyInstance
  staff: Session
  /** Active practice items and operational items of the bank, as staff list them. */
  pool: { practice: StaffItem[]; operational: StaffItem[] }
  learner(label: string): Promise<Session>
  startSet(s: Session, skill: string): Promise<PracticeSetView>
  answer(s: Session, setId: string, itemId: string, response: unknown): Promise<LightMyRequestResponse>
  /** The response that scores full marks, in the identifiers `shown` (a set's or test's item) uses. */
  rightAnswer(shown: { id: string; presentation: unknown }): Promise<Record<string, unknown>>
  /** Answers every item of a fresh set of the skill, right or wrong by `pattern` ('1' right, '0' wrong) in turn; returns each answer's view. */
  practise(s: Session, skill: string, pattern: string): Promise<PracticeAnswerView[]>
  startTest(s: Session, module: string, timed?: boolean): Promise<PracticeTestView>
  close(): Promise<void>
}

export async function practiceWorld(kind: DatabaseKind, policies: Record<string, unknown> = {}): Promise<PracticeWorld> {
  const programDir = fixtureProgramDir(policies)
  const t = await createTestApp(kind, { programDir })
  await t.app.services.itemBank.seedShippedBank()
  const staff = await staffSession(t.app)
  const items: StaffItem[] = []
  let cursor: string | null = null
  do {
    const res = await call(t.app, 'GET', `/api/v1/admin/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { session: staff })
    items.push(...(res.json().items as StaffItem[]))
    cursor = res.json().nextCursor
  } while (cursor)
  const keys = new Map<string, { presentation: { body: unknown }; correctResponse: Record<string, unknown> }>()
  let learners = 0

  const world: PracticeWorld = {
    t, app: t.app, staff,
    pool: {
      practice: items.filter((i) => i.pool === 'practice' && i.status === 'active'),
      operational: items.filter((i) => i.pool === 'operational'),
    },
    learner: (label) => register(t.app, { email: `${label}-${++learners}-${kind}@example.com`, firstName: label, lastName: 'Learner' }),

    async startSet(s, skill) {
      const res = await call(t.app, 'POST', '/api/v1/learning/practice-sets', { session: s, body: { skill } })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as PracticeSetView
    },

    answer: (s, setId, itemId, response) => call(t.app, 'POST', `/api/v1/learning/practice-sets/${setId}/items/${itemId}/answer`, { session: s, body: { response } }),

    async rightAnswer(shown) {
      let key = keys.get(shown.id)
      if (!key) {
        const res = await call(t.app, 'GET', `/api/v1/admin/items/${shown.id}`, { session: world.staff })
        expect(res.statusCode, res.body).toBe(200)
        key = res.json()
        keys.set(shown.id, key!)
      }
      return keyAsPresented(key!, shown as { presentation: { body: unknown } })
    },

    async practise(s, skill, pattern) {
      const out: PracticeAnswerView[] = []
      let set = await world.startSet(s, skill)
      let i = 0
      for (const right of pattern) {
        if (i === set.items.length) {
          set = await world.startSet(s, skill)
          i = 0
        }
        const item = set.items[i++]!
        const res = await world.answer(s, set.id, item.id, right === '1' ? await world.rightAnswer(item) : {})
        expect(res.statusCode, res.body).toBe(201)
        const view = res.json() as PracticeAnswerView
        expect(view.feedback.correct, `${skill} item ${item.id} answered ${right === '1' ? 'right' : 'wrong'}`).toBe(right === '1')
        out.push(view)
      }
      return out
    },

    async startTest(s, module, timed = false) {
      const res = await call(t.app, 'POST', '/api/v1/learning/practice-tests', { session: s, body: { module, timed } })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as PracticeTestView
    },

    async close() {
      await t.close()
      fs.rmSync(programDir, { recursive: true, force: true })
    },
  }
  return world
}

/** Rows of one of this stream's tables, for the tests' "nothing was stored" checks. */
export async function countRows(app: FastifyInstance, table: 'practice_answers' | 'practice_sets' | 'practice_tests' | 'practice_test_responses' | 'study_plans' | 'learning_statements' | 'skill_masteries') {
  const row = await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The learner's xAPI statements with one verb (newest first). */
export async function statementsOf(app: FastifyInstance, userId: string, verb: string) {
  const rows = await app.db.selectFrom('learning_statements').selectAll().where('user_id', '=', userId).where('verb', '=', verb).orderBy('stored_at', 'desc').execute()
  return rows.map((r) => ({ ...r, statement: JSON.parse(r.statement) as Record<string, any> }))
}

/** Keys a payload must never carry to a learner before they answer. */
export function forbiddenKeys(value: unknown): string[] {
  const found: string[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (/^(correct\w*|mapping|areaMapping|rationale|scoring|rules|responses|outcomes|key)$/i.test(k)) found.push(k)
        walk(child)
      }
    }
  }
  walk(value)
  return found
}
