// The Learning Lab's lessons (issue 13): a visitor finds the Learning Lab from the public home page,
// sees the catalogue and is asked to sign in; a new candidate signs in, opens a skill and a lesson,
// uses the table of contents, makes the text 200% and switches on high contrast, has a section read
// aloud, follows a deep link to a section, marks the lesson finished and sees the tick on the skill
// page and on the Learning Lab's home; the dashboard links to the Learning Lab. The lessons are
// whatever the program ships: the journey picks the first lesson with three sections or more.
import { expect, test, type Page } from '@playwright/test'
import type { LearningCatalogueView, LessonView } from '../src/common/schemas/learning.js'
import { apiLogin, apiRegister, expectAccessible, horizontalOverflow, screenshot, visit, watchErrors } from './support.js'

const J = 'learning-lab'
const stamp = Date.now()
const reader = { firstName: 'Lena', lastName: `Reader${stamp % 100000}`, email: `lena-${stamp}@example.com`, password: 'a long enough password' }

/**
 * Watches the browser's own speech synthesis without replacing it: every utterance it is asked to
 * speak is noted (text and language) and then handed to the real speak(). The app is not changed.
 */
async function watchSpeech(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: { text: string; lang: string }[] }
    w.__spoken = []
    if (!('speechSynthesis' in window)) return
    const real = window.speechSynthesis.speak.bind(window.speechSynthesis)
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang })
      real(u)
    }
  })
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken)

test('a candidate reads a lesson in the Learning Lab: contents, text size, contrast, read-aloud, a deep link, finishing it', async ({ page, baseURL }) => {
  test.setTimeout(240_000)
  const errors = watchErrors(page)
  await watchSpeech(page)
  // The lesson the journey reads: the first one the program ships with at least three sections.
  const catalogue = await (await page.request.get('/api/v1/learning/skills')).json() as LearningCatalogueView
  const skills = catalogue.modules.flatMap((m) => m.skills.map((s) => ({ ...s, module: m })))
  const skill = skills.find((s) => s.lessons.some((l) => l.sections.length >= 3))
  expect(skill, 'the program ships a lesson with three sections or more (program/mt1/lessons)').toBeTruthy()
  const summary = skill!.lessons.find((l) => l.sections.length >= 3)!
  const [first, second, third] = summary.sections

  // The public home page leads to the Learning Lab; a visitor sees the catalogue and "Sign in to start".
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning Lab' }).click()
  await expect(page).toHaveURL(/\/learning$/)
  await expect(page.getByRole('heading', { level: 1, name: 'MT1 Learning Lab' })).toBeFocused()
  await expect(page.getByText('Skills training aligned to the MT1 Skills Standards')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(skill!.module.name) })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: skill!.name })).toBeVisible()
  await expect(page.getByRole('link', { name: `Practise ${skill!.name}` })).toHaveAttribute('href', `/learning/practice/${skill!.code}`)
  await expect(page.getByText('Finished', { exact: true })).toHaveCount(0)
  await visit(page, J, '01-home-visitor')

  // A visitor who opens a lesson is asked to sign in; signing in brings them back to it.
  await apiRegister(baseURL!, reader)
  await page.getByRole('link', { name: summary.title }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to read this lesson' })).toBeVisible()
  await visit(page, J, '02-lesson-sign-in')
  await page.getByRole('link', { name: 'Sign in to start' }).click()
  await page.getByLabel('Email', { exact: true }).fill(reader.email)
  await page.getByLabel('Password', { exact: true }).fill(reader.password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(new RegExp(`/learning/lessons/${summary.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: summary.title })).toBeVisible()

  // The Learning Lab's home, signed in: the study plan and progress, no sign-in prompt.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Learning Lab' }).click()
  await expect(page.getByRole('link', { name: 'Your study plan' })).toHaveAttribute('href', '/learning/plan')
  await expect(page.getByRole('link', { name: 'Your progress' })).toHaveAttribute('href', '/learning/progress')
  await expect(page.getByRole('link', { name: 'Sign in to start' })).toHaveCount(0)
  await expect(page.getByText(`0 of ${skill!.lessons.length} lessons finished`).first()).toBeVisible()
  await visit(page, J, '03-home-signed-in')

  // The skill page: its outline, its lessons in order, practice.
  await page.getByRole('link', { name: skill!.name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: skill!.name })).toBeFocused()
  await expect(page.getByText(skill!.outline)).toBeVisible()
  const lessonLinks = page.getByRole('list').filter({ has: page.getByRole('link', { name: skill!.lessons[0]!.title }) }).getByRole('link')
  await expect(lessonLinks).toHaveText(skill!.lessons.map((l) => l.title))
  await expect(page.getByRole('link', { name: 'Practise this skill' })).toHaveAttribute('href', `/learning/practice/${skill!.code}`)
  await expect(page.getByRole('link', { name: 'Start the first lesson' })).toHaveAttribute('href', `/learning/lessons/${skill!.lessons[0]!.id}`)
  await visit(page, J, '04-skill')

  // The lesson: title, minutes, contents, sections in order under the title.
  await page.getByRole('link', { name: summary.title }).click()
  await expect(page.getByRole('heading', { level: 1, name: summary.title })).toBeFocused()
  await expect(page.getByText(`about ${summary.minutes} minutes`)).toBeVisible()
  const contents = page.getByRole('navigation', { name: 'In this lesson' })
  await expect(contents.getByRole('link')).toHaveText(summary.sections.map((s) => s.heading))
  await expect(page.locator('main h2.lesson-section__heading')).toHaveText(summary.sections.map((s) => s.heading))
  const lesson = await (await page.request.get(`/api/v1/learning/lessons/${summary.id}`)).json() as LessonView
  await visit(page, J, '05-lesson')

  // The table of contents: a link moves to its section and focuses the heading, by keyboard too.
  await contents.getByRole('link', { name: third!.heading }).click()
  await expect(page).toHaveURL(new RegExp(`#${third!.id}$`))
  await expect(page.getByRole('heading', { level: 2, name: third!.heading })).toBeFocused()
  await expect(page.getByRole('heading', { level: 2, name: third!.heading })).toBeInViewport()
  await contents.getByRole('link', { name: second!.heading }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: second!.heading })).toBeFocused()
  // Tab from the focused heading goes on into that section: its read-aloud button comes first.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: `Read aloud “${second!.heading}”` })).toBeFocused()

  // Text size 200% (the root font size), nothing scrolls sideways; then high contrast on the whole page.
  const tools = page.getByRole('region', { name: 'Reading tools' })
  await tools.getByLabel('Text size').selectOption('200')
  await expect(page.locator('html')).toHaveAttribute('style', /font-size: 200%/)
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
  await page.evaluate(() => window.scrollTo(0, 0))
  await visit(page, J, '06-lesson-text-200')
  await tools.getByRole('button', { name: 'High contrast' }).click()
  await expect(tools.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('body')).toHaveClass(/contrast-theme/)
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
  await visit(page, J, '07-lesson-contrast-200')
  await tools.getByLabel('Text size').selectOption('100')
  await visit(page, J, '08-lesson-contrast')

  // Read-aloud: the section's own text, through the browser's speech synthesis.
  await page.getByRole('button', { name: `Read aloud “${first!.heading}”` }).click()
  await expect.poll(() => spoken(page)).toEqual([{ text: lesson.sections[0]!.spokenText, lang: 'en-US' }])
  expect(lesson.sections[0]!.spokenText.startsWith(`${first!.heading}.`)).toBe(true)
  await page.getByRole('button', { name: `Read aloud “${third!.heading}”` }).click()
  await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toEqual([lesson.sections[0]!.spokenText, lesson.sections[2]!.spokenText])

  // The settings stay with the reader: the next lesson opens as this one was left (contrast on).
  // Leaving the lesson puts the rest of the site back as it was.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: skill!.name, exact: true }).click()
  await expect(page.locator('body')).not.toHaveClass(/contrast-theme/)

  // A deep link to a section: the page opens there with the section's heading focused.
  await page.goto(`/learning/lessons/${summary.id}#${third!.id}`)
  const target = page.getByRole('heading', { level: 2, name: third!.heading })
  await expect(target).toBeFocused()
  await expect(target).toBeInViewport()
  await expect(page.locator('section.lesson-section--target')).toHaveAccessibleName(third!.heading)
  await expect(page.locator('body')).toHaveClass(/contrast-theme/)
  // What the reader sees on arrival: the window where the link put it, not the page from the top.
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, '09-deep-link')
  await screenshot(page, J, '09-deep-link', { fullPage: false })
  await page.getByRole('region', { name: 'Reading tools' }).getByRole('button', { name: 'High contrast' }).click()
  await expect(page.locator('body')).not.toHaveClass(/contrast-theme/)

  // Finishing the lesson: once, with a tick on the skill page and the Learning Lab's home.
  await page.getByRole('button', { name: 'I have finished this lesson' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'You finished this lesson on' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'I have finished this lesson' })).toHaveCount(0)
  await visit(page, J, '10-lesson-finished')
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: skill!.name, exact: true }).click()
  const finishedItem = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: summary.title }) })
  await expect(finishedItem.getByText('Finished')).toBeVisible()
  await expect(page.getByText(`1 of ${skill!.lessons.length} lessons finished.`)).toBeVisible()
  const unfinished = skill!.lessons.find((l) => l.id !== summary.id)
  if (unfinished) await expect(page.getByRole('link', { name: 'Read the next lesson' })).toHaveAttribute('href', `/learning/lessons/${unfinished.id}`)
  for (const other of skill!.lessons.filter((l) => l.id !== summary.id)) {
    await expect(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: other.title }) }).getByText('Finished')).toHaveCount(0)
  }
  await visit(page, J, '11-skill-finished')
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Learning Lab' }).click()
  const onHome = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: summary.title }), hasNot: page.getByRole('heading') })
  await expect(onHome.getByText('Finished')).toBeVisible()
  await expect(page.getByText(`1 of ${skill!.lessons.length} lessons finished`)).toBeVisible()

  // The record behind the tick: one completion, whatever the page is asked again.
  const api = await apiLogin(baseURL!, reader.email, reader.password)
  const again = await api.post<{ alreadyCompleted: boolean }>(`/api/v1/learning/lessons/${summary.id}/completion`)
  expect(again.alreadyCompleted).toBe(true)
  await api.dispose()

  // The dashboard's way in.
  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Open the Learning Lab' }).click()
  await expect(page).toHaveURL(/\/learning$/)
  await expect(page.getByRole('heading', { level: 1, name: 'MT1 Learning Lab' })).toBeVisible()
  expect(errors).toEqual([])
})

test('a link from a result lands on its module in the Learning Lab; an unknown skill or lesson says so', async ({ page }) => {
  const catalogue = await (await page.request.get('/api/v1/learning/skills')).json() as LearningCatalogueView
  const module = catalogue.modules[2]!
  await page.goto(`/learning#module-${module.code}`)
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(module.name) })
  await expect(heading).toBeFocused()
  await expect(heading).toBeInViewport()

  await page.goto('/learning/skills/NOPE')
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that skill' })).toBeVisible()
  await visit(page, J, '20-unknown-skill')
  // A lesson asks a visitor to sign in first, whatever its id; signed in, an unknown one is named.
  await page.goto('/learning/lessons/MEAS-99')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to read this lesson' })).toBeVisible()
})
