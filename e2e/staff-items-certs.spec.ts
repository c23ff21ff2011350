// Staff journeys of issue 12, item 2, through the web: a candidate sits a module (set up in the demo
// session in progress, as the delivery journeys do), then staff correct the key of an item the
// candidate answered from its page, see the dry run, confirm with a reason, watch the rescoring job
// finish and see the result it changed; staff create a proctor and find them on the Proctors page at
// once, record and renew their certification, renew a center, and read the Certifications page.
import { expect, test, type Page } from '@playwright/test'
import {
  apiLogin, beginTest, CANDIDATE_PASSWORD, candidateInLiveSession, deviceOf, goToQuestion, keepProctorPresent, logIn, MODULES, openBeginPage, question, saveStatus,
  visit, visitModal, type AttemptView,
} from './support.js'

test.use({ actionTimeout: 15_000 })

const J = 'staff-items-certs'
const stamp = Date.now() % 1_000_000

const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

interface Drawn { attempts: number; candidates: number }

/** How many scored attempts (and candidates) drew the active version of an item: the dry run staff see. */
async function scoredDrawing(baseURL: string, itemId: string): Promise<Drawn> {
  const staff = await apiLogin(baseURL, 'admin@demo.test')
  try {
    const path = `/api/v1/admin/items/${encodeURIComponent(itemId)}`
    const detail = await staff.get<{ version: number; activeVersion: number | null }>(path)
    return await staff.get<Drawn>(`${path}/scoring-corrections/preview?version=${detail.activeVersion ?? detail.version}`)
  } finally {
    await staff.dispose()
  }
}

/**
 * The index of the form's single-choice item that the fewest scored attempts have drawn. Earlier journeys
 * share the server and sit MM too (an MM form draws 8 of each skill's 12 items, so after a dozen sittings
 * every item has been drawn): the correction rescores their attempts as well, and the fewer the better.
 */
async function leastDrawnSingleChoice(baseURL: string, items: AttemptView['items']): Promise<number> {
  let best = -1
  let fewest = Infinity
  for (const [i, item] of items.entries()) {
    if (item.type !== 'single_choice') continue
    const { attempts } = await scoredDrawing(baseURL, item.id)
    if (attempts < fewest) [best, fewest] = [i, attempts]
  }
  return best
}

test('staff correct an item key from its page, watch the rescoring finish and see the change', async ({ page, browser, baseURL }) => {
  const s = await candidateInLiveSession(baseURL!, { label: 'Keyfix', modules: ['MM'], checkIn: true })
  const stop = await keepProctorPresent(s)
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  try {
    // The candidate answers one single-choice question and submits.
    const candidate = await context.newPage()
    await logIn(candidate, s.email, CANDIDATE_PASSWORD)
    await openBeginPage(candidate, s.registrationId, MODULES.MM)
    const attemptId = await beginTest(candidate)
    const form = await s.candidate.get<AttemptView>(`/api/v1/attempts/${attemptId}`, await deviceOf(candidate))
    const n = (await leastDrawnSingleChoice(baseURL!, form.items)) + 1
    expect(n, 'a single-choice question on the form').toBeGreaterThan(0)
    const itemId = form.items[n - 1]!.id
    await goToQuestion(candidate, n)
    const radio = question(candidate, n).getByRole('radio').first()
    await radio.check()
    const chosenText = normal(await radio.evaluate((el) => el.closest('label')?.textContent ?? ''))
    await expect(saveStatus(candidate)).toHaveText(/Saved/, { timeout: 20_000 })
    await candidate.getByRole('button', { name: 'Review answers' }).click()
    await candidate.getByRole('button', { name: 'Submit test' }).click()
    await candidate.getByRole('dialog', { name: 'Submit your test?' }).getByRole('button', { name: 'Submit now' }).click()
    await expect(candidate.getByTestId('finished')).toBeVisible()
    // What the dry run must count: every scored attempt that drew the version, this candidate's included.
    const drawn = await scoredDrawing(baseURL!, itemId)
    expect(drawn.attempts).toBeGreaterThan(0)

    // Staff open the item and propose a corrected key: the candidate's choice becomes the key (or, if
    // it was the key already, another choice does), so the candidate's result changes either way.
    await logIn(page, 'admin@demo.test')
    await page.goto(`/staff/items/${itemId}`)
    const panel = page.getByRole('region', { name: 'Correct the key and rescore' })
    await expect(panel).toBeVisible()
    const choices = panel.getByRole('group', { name: 'The correct choice' })
    const options = choices.getByRole('radio')
    const count = await options.count()
    let candidateOption = -1
    for (let i = 0; i < count; i++) {
      const text = normal(await options.nth(i).evaluate((el) => el.closest('label')?.textContent ?? ''))
      if (chosenText && (text.includes(chosenText) || chosenText.includes(text.replace(/^\S+\s/, '')))) candidateOption = i
    }
    expect(candidateOption, `the candidate's choice "${chosenText}" among the key's choices`).toBeGreaterThanOrEqual(0)
    const wasRight = await options.nth(candidateOption).isChecked()
    await options.nth(wasRight ? (candidateOption + 1) % count : candidateOption).check()
    await panel.getByRole('button', { name: 'Check what it affects' }).click()
    await expect(panel.getByText(`${plural(drawn.attempts, 'scored attempt')} by ${plural(drawn.candidates, 'candidate')}`)).toBeVisible()
    await visit(page, J, '01-item-key-dry-run')

    await panel.getByRole('button', { name: 'Confirm the correction…' }).click()
    const dialog = page.getByRole('dialog', { name: /Correct the key of version \d+/ })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Correct and rescore' }).click()
    await expect(dialog.getByRole('alert')).toContainText('Give the reason for the correction')
    await dialog.getByLabel('Reason').fill('The keyed option was wrong: the review found the other answer correct.')
    await visitModal(page, J, '02-confirm-dialog')
    await dialog.getByRole('button', { name: 'Correct and rescore' }).click()

    // This candidate's result changes whichever way the key moved; others' change only if they chose the old or the new key.
    await expect(panel.getByText(new RegExp(`Rescoring finished: ${plural(drawn.attempts, 'attempt')} rescored, [1-9]\\d* results? changed, [1-9]\\d* candidates? told\\.`))).toBeVisible({ timeout: 30_000 })
    const changes = page.getByRole('table', { name: /Results the correction changed/ })
    await expect(changes).toBeVisible()
    const row = changes.getByRole('row', { name: new RegExp(s.name) })
    await expect(row).toContainText('→')
    await expect(row).toContainText('MM')
    const history = page.getByRole('table', { name: /Corrections of this item/ })
    await expect(history.getByRole('row').nth(1)).toContainText('scored with the key of version')
    await expect(history.getByRole('row').nth(1)).toContainText(`Done: ${plural(drawn.attempts, 'attempt')}`)
    await visit(page, J, '03-rescored-changes')
  } finally {
    stop()
    await context.close()
    await s.dispose()
  }
})

async function createProctor(page: Page, email: string) {
  await page.goto('/staff/users')
  const form = page.getByRole('form', { name: 'Create a user' })
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('First name').fill('Pat')
  await form.getByLabel('Last name').fill(`Newproctor${stamp}`)
  await form.getByRole('group', { name: 'Roles' }).getByLabel('Proctor').check()
  await form.getByRole('button', { name: 'Create user' }).click()
  await expect(form.getByRole('status')).toContainText('Created Pat')
}

test('staff create a proctor, find them on the Proctors page at once, certify and renew them, renew a center', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  const name = `Pat Newproctor${stamp}`
  // The Proctors page is read (and cached) before the proctor exists, as a person would have it open.
  await page.goto('/staff/proctors')
  await expect(page.getByRole('table', { name: /Proctors and their certification periods/ })).toBeVisible()
  await createProctor(page, `pat.newproctor.${stamp}@example.com`)

  // Within the app (no reload, so the earlier list is still cached): the dashboard's Proctors link.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click()
  await page.getByRole('link', { name: 'Proctors', exact: true }).click()
  const table = page.getByRole('table', { name: /Proctors and their certification periods/ })
  const row = table.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('No certification yet')
  await visit(page, J, '04-proctors-new-proctor')

  await row.getByRole('button', { name: `Record certification ${name}` }).click()
  const record = page.getByRole('form', { name: `Certification of ${name}` })
  await record.getByRole('button', { name: 'Save certification' }).click()
  await expect(record.getByRole('alert')).toContainText('Enter the date')
  const today = new Date().toISOString().slice(0, 10)
  const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10)
  await record.getByLabel('Training completed on').fill(today)
  await record.getByLabel('Agreement signed on').fill(today)
  await record.getByLabel('Conflict-of-interest declared on').fill(today)
  await record.getByLabel('Certified until').fill(soon)
  await record.getByRole('button', { name: 'Save certification' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'certification has been saved' })).toBeVisible()
  await expect(row).toContainText('Ending soon')
  await expect(row).toContainText(/20 days left|19 days left/)

  await row.getByRole('button', { name: `Renew ${name}` }).click()
  const renew = page.getByRole('dialog', { name: `Renew the certification of ${name}` })
  await expect(renew.getByLabel(/The program's certification period \(24 months\), from the current end/)).toBeChecked()
  await visitModal(page, J, '05-renew-proctor-dialog')
  await renew.getByRole('button', { name: 'Renew' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${name} is certified until` })).toBeVisible()
  await expect(row).toContainText('Certified')
  await expect(row).toContainText(/7\d\d days left/)
  await visit(page, J, '06-proctors-renewed')

  // Renew the demo center to a chosen date.
  await page.goto('/staff/centers')
  const centers = page.getByRole('table', { name: /Centers and their certification periods/ })
  const center = centers.getByRole('row', { name: /MT1 Demo Assessment Center/ })
  await center.getByRole('button', { name: 'Renew MT1 Demo Assessment Center' }).click()
  const dialog = page.getByRole('dialog', { name: 'Renew the certification of MT1 Demo Assessment Center' })
  await dialog.getByLabel('Until a date I choose').check()
  await dialog.getByRole('button', { name: 'Renew' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Choose the date the certification ends')
  const nextYear = `${new Date().getUTCFullYear() + 2}-06-30`
  await dialog.getByLabel('Certified until').fill(nextYear)
  await visitModal(page, J, '07-renew-center-dialog')
  await dialog.getByRole('button', { name: 'Renew' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'MT1 Demo Assessment Center is certified until' })).toBeVisible()
  await visit(page, J, '08-centers-renewed')

  await page.goto('/staff/certifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Certifications' })).toBeVisible()
  await expect(page.getByRole('table', { name: /Certification periods/ }).getByRole('row', { name: new RegExp(name) })).toContainText('Proctor')
  await visit(page, J, '09-certifications')
})
