// The study plan journey (issue 13): a candidate who failed Spatial Reasoning and Manufacturing
// Technology opens a study plan from the score report, follows a lesson link, practises a skill until
// it is mastered (the earlier right answers go through the API to keep the journey short; the
// mastering answer is given in the browser), takes an untimed practice test and reads its diagnostic,
// and, with every skill of the plan mastered (again the earlier answers through the API), is invited
// to book the retake. axe on every page, screenshots under e2e/screenshots/study-plan/.
import { expect, test, type Locator } from '@playwright/test'
import type { Interaction } from '../src/common/items/presentation.js'
import type { PracticeSetView, StudyPlanView } from '../src/common/schemas/practice.js'
import { keyAsPresented } from '../test/helpers/practice-keys.js'
import { CANDIDATE_PASSWORD, candidateInLiveSession, logIn, visit, watchErrors, type ApiUser } from './support.js'

const J = 'study-plan'
const SRMT = 'Spatial Reasoning and Manufacturing Technology'

type ShownItem = { id: string; presentation: { body: unknown } }

/** The interactions of an item's presentation, in document order. */
function interactionsOf(nodes: unknown): Interaction[] {
  const out: Interaction[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const i = (v as { interaction?: Interaction }).interaction
      if (i) out.push(i)
      else Object.values(v).forEach(walk)
    }
  }
  walk(nodes)
  return out
}

/** The key of an item in the identifiers its set or test shows, as staff see the key. */
async function keyOf(staff: ApiUser, item: ShownItem): Promise<Record<string, unknown>> {
  return keyAsPresented(await staff.get(`/api/v1/admin/items/${item.id}`), item)
}

/** Gives the right answers of `count` questions of a skill through the API, set after set. */
async function answerRight(learner: ApiUser, staff: ApiUser, skill: string, count: number): Promise<void> {
  while (count > 0) {
    const set = await learner.post<PracticeSetView>('/api/v1/learning/practice-sets', { skill })
    for (const item of set.items.slice(0, count)) {
      const answered = await learner.post(`/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { response: await keyOf(staff, item as ShownItem) })
      expect(answered.feedback.correct, `${skill}: the key of ${item.id} scores`).toBe(true)
      count--
    }
  }
}

const pairs = (v: unknown): string[][] => (Array.isArray(v) ? v : [v]).map((p) => (Array.isArray(p) ? p.map(String) : String(p).trim().split(/\s+/)))

/** Answers one item on screen with `key` the way a person would: choosing, typing, selecting, moving. */
async function answerOnScreen(region: Locator, item: ShownItem, key: Record<string, unknown>): Promise<void> {
  let texts = 0
  let selects = 0
  for (const i of interactionsOf(item.presentation.body)) {
    const value = key[i.responseId]
    switch (i.kind) {
      case 'choice':
        for (const id of [value].flat() as string[]) await region.locator(`input[value="${id}"]`).check()
        break
      case 'textEntry':
        await region.locator('input[type="text"]').nth(texts++).fill(String(value))
        break
      case 'inlineChoice':
        await region.locator('select').nth(selects++).selectOption(String(value))
        break
      case 'match':
        for (const [source, target] of pairs(value)) await region.locator('select.item-select').nth(i.sources.findIndex((s) => s.id === source)).selectOption(target!)
        break
      case 'gapMatch': {
        const gaps: string[] = []
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk)
          else if (v && typeof v === 'object' && 'gap' in v) gaps.push((v as { gap: string }).gap)
          else if (v && typeof v === 'object') Object.values(v).forEach(walk)
        }
        walk(i.content)
        for (const [text, gap] of pairs(value)) await region.getByRole('combobox', { name: /^Blank/ }).nth(gaps.indexOf(gap!)).selectOption(text!)
        break
      }
      case 'hotspot':
        for (const id of [value].flat() as string[]) await region.locator('.item-hotspot__area').nth(i.hotspots.findIndex((h) => h.id === id)).click()
        break
      case 'order': {
        const order = i.choices.map((c) => c.id)
        const want = value as string[]
        for (const [position, id] of want.entries()) {
          for (let at = order.indexOf(id); at > position; at--) {
            await region.locator('li.item-order__option').nth(at).getByRole('button', { name: /^Move up/ }).click()
            order.splice(at - 1, 2, order[at]!, order[at - 1]!)
          }
        }
        break
      }
      default:
        throw new Error(`the journey cannot answer a ${i.kind} interaction on screen`)
    }
  }
}

test('a candidate who failed SRMT studies the plan from the score report, masters its skills and is invited to book the retake', async ({ page, baseURL }) => {
  test.setTimeout(300_000)
  const errors = watchErrors(page)
  const sitting = await candidateInLiveSession(baseURL!, { label: 'Planner', modules: ['SRMT'], checkIn: true })
  const { candidate, staff } = sitting

  // The candidate sits SRMT in the demo session running now and submits with no answers: below 75% in every skill.
  await sitting.proctor.post(`/api/v1/sessions/${sitting.sessionId}/presence`)
  const device = { 'x-attempt-device': `e2e-study-plan-${Date.now()}` }
  const attempt = await candidate.post<{ id: string }>('/api/v1/attempts', { registrationId: sitting.registrationId, module: 'SRMT' }, device)
  const submitted = await candidate.post<{ result: { passed: boolean } }>(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
  expect(submitted.result.passed).toBe(false)

  // The score report offers the study plan, the skills' Learning Lab pages and the practice test.
  await logIn(page, sitting.email, CANDIDATE_PASSWORD)
  await page.goto('/results')
  const card = page.getByRole('region', { name: `${SRMT} (SRMT)` })
  const lab = card.getByRole('region', { name: 'Train for the retake in the Learning Lab' })
  await expect(lab).toBeVisible()
  await expect(lab.getByRole('link', { name: 'Spatial Reasoning in the Learning Lab' })).toHaveAttribute('href', '/learning/skills/SPAT')
  await expect(lab.getByRole('link', { name: `Take a practice test of ${SRMT}` })).toHaveAttribute('href', '/learning/practice-tests?module=SRMT')
  await visit(page, J, '01-score-report')

  await lab.getByRole('button', { name: /^Make a study plan/ }).click()
  await expect(page).toHaveURL(/\/learning\/study-plans\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1, name: `Study plan: ${SRMT}` })).toBeVisible()
  const planId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
  const plan = await candidate.get<StudyPlanView>(`/api/v1/learning/study-plans/${planId}`)
  expect(plan.skills.map((s) => s.skill)).toEqual(['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC'])
  await expect(page.getByText('0 of 6 skills mastered')).toBeVisible()
  await visit(page, J, '02-study-plan')

  // A lesson of the first skill, from the plan.
  const spat = page.getByRole('region', { name: 'Spatial Reasoning', exact: true })
  const lesson = plan.skills[0]!.lessons[0]
  expect(lesson, 'the plan lists the lessons of Spatial Reasoning').toBeTruthy()
  await spat.getByRole('link', { name: lesson!.title }).click()
  await expect(page).toHaveURL(new RegExp(`/learning/lessons/${lesson!.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: lesson!.title })).toBeVisible()
  await visit(page, J, '03-lesson')
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: `Study plan: ${SRMT}` })).toBeVisible()

  // Practising Spatial Reasoning: nine right answers already given, the tenth here masters it.
  await answerRight(candidate, staff, 'SPAT', 9)
  await spat.getByRole('link', { name: 'Practise Spatial Reasoning' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Practise Spatial Reasoning' })).toBeVisible()
  await expect(page.getByText('9 of your last 9 answers right.')).toBeVisible()
  await page.getByRole('button', { name: 'Start a practice set' }).click()
  const question = page.getByRole('region', { name: /^Question 1 of \d+$/ })
  await expect(question).toBeVisible()
  await visit(page, J, '04-practice-question')
  const set = await candidate.get<PracticeSetView>(`/api/v1/learning/practice-sets/${new URL(page.url()).searchParams.get('set')}`)
  await answerOnScreen(question, set.items[0] as ShownItem, await keyOf(staff, set.items[0] as ShownItem))
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByRole('heading', { name: 'Correct' })).toBeFocused()
  await expect(page.getByText('10 of your last 10 answers right: mastered.')).toBeVisible()
  await expect(page.getByText('You have mastered Spatial Reasoning.')).toBeVisible()
  await visit(page, J, '05-feedback-mastered')
  expect((await candidate.get<{ items: { skill: string; mastered: boolean }[] }>('/api/v1/learning/mastery')).items.find((m) => m.skill === 'SPAT')!.mastered).toBe(true)

  // An untimed practice test of SRMT, on the test screen, and its diagnostic.
  await page.goto('/learning/practice-tests?module=SRMT')
  await expect(page.getByRole('radio', { name: new RegExp(`^${SRMT} \\(SRMT\\)`) })).toBeChecked()
  await expect(page.getByRole('radio', { name: /^Untimed/ })).toBeChecked()
  await visit(page, J, '06-practice-tests')
  await page.getByRole('button', { name: 'Start the practice test' }).click()
  await expect(page).toHaveURL(/\/learning\/practice-tests\/[^/]+\/take$/)
  const testId = new URL(page.url()).pathname.split('/').at(-2)!
  const first = page.getByRole('region', { name: /^Question 1 of \d+$/ })
  await expect(first).toBeVisible()
  await expect(page.getByRole('button', { name: 'Time left' })).toHaveCount(0)
  const running = await candidate.get<{ items: ShownItem[] }>(`/api/v1/learning/practice-tests/${testId}`)
  await answerOnScreen(first, running.items[0]!, await keyOf(staff, running.items[0]!))
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/)
  await visit(page, J, '07-practice-test')
  await page.getByRole('button', { name: 'Submit test' }).click()
  await page.getByRole('button', { name: 'Submit now' }).click()
  await expect(page).toHaveURL(new RegExp(`/learning/practice-tests/${testId}$`))
  await expect(page.getByRole('heading', { name: 'Diagnostic' })).toBeVisible()
  await expect(page.getByText('Would not have passed')).toBeVisible()
  await expect(page.getByRole('table', { name: `Skill subscores, ${SRMT} practice test` })).toBeVisible()
  await visit(page, J, '08-diagnostic')

  // The plan's other skills mastered (through the API): the plan invites the candidate to book the retake.
  for (const skill of plan.skills.slice(1)) await answerRight(candidate, staff, skill.skill, 10)
  await page.goto(`/learning/study-plans/${planId}`)
  await expect(page.getByText('6 of 6 skills mastered')).toBeVisible()
  const invitation = page.getByRole('region', { name: 'Every skill in your plan is mastered' })
  await expect(invitation).toContainText('The earliest session you can book starts')
  await visit(page, J, '09-plan-complete')
  const mail = (await staff.get<{ items: { subject: string; text: string }[] }>(`/api/v1/admin/outbox?to=${encodeURIComponent(sitting.email)}`)).items
    .filter((m) => m.subject === `Your study plan for ${SRMT} is complete: book your retake`)
  expect(mail).toHaveLength(1)
  expect(mail[0]!.text).toContain('/sessions?module=SRMT')
  await invitation.getByRole('link', { name: /^Book your retake/ }).click()
  await expect(page).toHaveURL(/\/sessions\?module=SRMT$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Find a session' })).toBeVisible()

  // The progress page: mastery per skill, the practice test, the plan.
  await page.goto('/learning/progress')
  const mastery = page.getByRole('table', { name: 'Mastery of each skill' })
  await expect(mastery.getByRole('row', { name: /Spatial Reasoning/ })).toContainText('10 of 10')
  await expect(page.getByRole('table', { name: 'Your practice tests' }).getByRole('row')).toHaveCount(2)
  await visit(page, J, '10-progress')

  expect(errors).toEqual([])
  await sitting.dispose()
})
