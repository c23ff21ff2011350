// Irregularities, held results and appeals, through the web: a proctor checks a candidate in and
// reports an incident on the console; the candidate sits and submits a module; program staff find the
// incident in the queue, open a case on the result and hold it; the candidate sees "under review" (no
// score) and appeals; the staff member who held it may not decide the appeal, a second staff member
// (reviewer@demo.test) denies it; the hold is then released and the candidate sees the result again.
// The candidate's account and registration for the session running now are arranged through the API,
// as the delivery journeys do (staff's walk-in registration has no screen yet). axe on every page,
// screenshots under e2e/screenshots/irregularities/.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { CANDIDATE_PASSWORD, MODULES, beginTest, candidateInLiveSession, consoleGroup, logIn, openBeginPage, openConsole, visit, visitModal, watchErrors } from './support.js'

const J = 'irregularities'

const cleanups: (() => Promise<unknown>)[] = []
test.afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function openBrowser(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  cleanups.push(() => context.close().catch(() => undefined))
  return context.newPage()
}

test('an incident, a held result, an appeal decided by another staff member, and the hold released', async ({ page, browser, baseURL }) => {
  const s = await candidateInLiveSession(baseURL!, { label: 'Irene', modules: ['MM'], checkIn: false })
  cleanups.push(() => s.dispose())
  const errors = watchErrors(page)

  // The proctor checks the candidate in on the console.
  const proctor = await openBrowser(browser, baseURL!)
  await logIn(proctor, 'proctor@demo.test')
  await openConsole(proctor, s.sessionId)
  const group = consoleGroup(proctor, s.name)
  await group.getByRole('button', { name: `Check in ${s.name}` }).click()
  const checkIn = proctor.getByRole('dialog', { name: `Check in ${s.name}` })
  await checkIn.getByLabel("I have verified this candidate's photo ID").check()
  await checkIn.getByRole('button', { name: 'Check in', exact: true }).click()
  await expect(group.getByText('Checked in', { exact: true })).toBeVisible()

  // The candidate sits Math and Measurement and submits it.
  await logIn(page, s.email, CANDIDATE_PASSWORD)
  await openBeginPage(page, s.registrationId, MODULES.MM)
  await beginTest(page)
  await page.getByRole('button', { name: 'Submit test' }).click()
  await page.getByRole('dialog', { name: 'Submit your test?' }).getByRole('button', { name: 'Submit now' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Math and Measurement: test submitted' })).toBeVisible()

  // The proctor reports what they saw.
  await proctor.getByLabel('What happened', { exact: true }).selectOption('misconduct')
  await proctor.getByLabel('Candidate (optional)').selectOption({ label: s.name })
  await proctor.getByLabel('What happened, in your words').fill('Candidate looked at notes on a phone during question 4.')
  await proctor.getByLabel('Action taken').fill('Phone taken and kept at the desk; candidate warned.')
  await proctor.getByRole('button', { name: 'Report incident' }).click()
  await expect(proctor.getByText('Incident recorded: Suspected misconduct.')).toBeVisible()
  await visit(proctor, J, '01-console-incident-reported')

  // Staff find it in the queue, awaiting review, and open a case on the MM result.
  const staff = await openBrowser(browser, baseURL!)
  await logIn(staff, 'admin@demo.test')
  await staff.getByRole('link', { name: 'Irregularities' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Irregularities' })).toBeVisible()
  const row = staff.getByRole('row').filter({ hasText: 'Candidate looked at notes on a phone' })
  await expect(row).toContainText(s.name)
  await expect(row).toContainText('Awaiting review')
  await expect(row.getByRole('link', { name: /Session report/ })).toBeVisible()
  await visit(staff, J, '02-queue')
  await row.getByRole('button', { name: /Open case/ }).click()
  const open = staff.getByRole('dialog', { name: 'Open an irregularity case' })
  await open.getByRole('button', { name: 'Open case' }).click()
  await expect(open.getByRole('alert')).toContainText('Choose at least one result the case concerns.')
  await open.getByLabel(`${s.name}: MM result`).check()
  await open.getByLabel('Note for the record').fill('Proctor saw notes on a phone; reviewing the MM result.')
  await visitModal(staff, J, '03-open-case')
  await open.getByRole('button', { name: 'Open case' }).click()
  await expect(staff).toHaveURL(/\/staff\/irregularities\/[^/]+$/)
  const caseUrl = new URL(staff.url()).pathname
  await expect(staff.getByText('Open: under review, result not held')).toBeVisible()

  // Hold the result, with the reason the candidate is told.
  await staff.getByRole('button', { name: 'Hold the result' }).click()
  const hold = staff.getByRole('dialog', { name: 'Hold the result' })
  await hold.getByLabel('Reason').fill('A proctor reported notes on a phone during the test; the result is held while we review.')
  await hold.getByRole('button', { name: 'Hold result' }).click()
  await expect(staff.getByRole('status')).toContainText('Hold the result: done')
  await expect(staff.getByText('Result held', { exact: true }).first()).toBeVisible()
  await visit(staff, J, '04-case-held')

  // The candidate sees "under review", no score, and appeals.
  await page.goto('/results')
  await expect(page.getByRole('heading', { name: 'Results under review' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'MM: Under review: this result is withheld' })).toBeVisible()
  await expect(page.getByText('Your score is not shown')).toBeVisible()
  await expect(page.getByText('%')).toHaveCount(0)
  await visit(page, J, '05-results-under-review')
  await page.getByRole('button', { name: 'Send my appeal' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter your statement.')
  await page.getByLabel('Your statement').fill('The phone was off and in my bag; what the proctor saw was my formula sheet, which the instructions allow.')
  await page.getByRole('button', { name: 'Send my appeal' }).click()
  await expect(page.getByText(/Appeal waiting for a decision/)).toBeVisible()
  await visit(page, J, '06-results-appealed')

  // The staff member who held the result may not decide the appeal.
  await staff.goto(caseUrl)
  await expect(staff.getByText('You took the decision under appeal, so another staff member decides the appeal.')).toBeVisible()
  await expect(staff.getByRole('button', { name: 'Release the result' })).toHaveCount(0)

  // A second staff member denies it.
  const reviewer = await openBrowser(browser, baseURL!)
  await logIn(reviewer, 'reviewer@demo.test')
  await reviewer.goto(caseUrl)
  await expect(reviewer.getByRole('heading', { name: 'Appeal' })).toBeVisible()
  await visit(reviewer, J, '07-case-appeal-pending')
  await reviewer.getByLabel('Deny: the decision stands').check()
  await reviewer.getByLabel('Reason').fill('The proctor report is specific; the hold stands until the review ends.')
  await reviewer.getByRole('button', { name: 'Decide the appeal' }).click()
  await expect(reviewer.getByRole('status')).toContainText('Appeal denied')
  await expect(reviewer.getByText('Appeal denied', { exact: true }).first()).toBeVisible()

  // The review ends: the first staff member releases the hold.
  await staff.reload()
  await staff.getByRole('button', { name: 'Release the result' }).click()
  const release = staff.getByRole('dialog', { name: 'Release the result' })
  await release.getByLabel('Reason').fill('The video review shows a permitted formula sheet; the result stands.')
  await visitModal(staff, J, '08-release-dialog')
  await release.getByRole('button', { name: 'Release result' }).click()
  await expect(staff.getByText('Released', { exact: true }).first()).toBeVisible()
  const timeline = staff.locator('.case-timeline > li')
  await expect(timeline).toHaveText([/Case opened/, /Result held/, /Candidate emailed/, /Candidate appealed/, /Appeal denied/, /Candidate emailed/, /Result released/, /Candidate emailed/])
  await visit(staff, J, '09-case-released')

  // The candidate sees the result again.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'MM: Released after review' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Math and Measurement/ }).first()).toBeVisible()
  await visit(page, J, '10-results-released')
  expect(errors).toEqual([])
})
