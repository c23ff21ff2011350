// A session's whole life through the web, each person at their own computer (browser context):
// program staff publish a fee and schedule a session a few days ahead at a demo center with the demo
// proctor, and find it in the list and the calendar; a new candidate signs up, finds the session,
// sees the price, books it and asks for an invoice, which staff mark paid, and sees the confirmation
// number; the clock moves the session to now (the only step outside the web: sessionStartsNow in
// support.ts); the proctor checks the candidate in on the console, the candidate sits and submits a
// module, the proctor reports an incident naming them and closes the session; staff open a case from
// the incident and hold the result; the candidate sees it under review (no score) and appeals; a
// second staff member upholds the appeal, which releases the result; the candidate sees it, and the
// outbox shows the emails sent along the way. axe on every page, screenshots under
// e2e/screenshots/session-life/.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { beginTest, consoleGroup, logIn, question, questionHeading, saveStatus, sessionStartsNow, simulatedTimeUnavailable, visit, visitModal, watchErrors } from './support.js'

const J = 'session-life'
const CENTER = 'Tidewater Manufacturing Training Center'
// A few days ahead, clear of the demo sessions (now, tomorrow, 7, 10 and 14 days) and past the
// 48 hours before a session when registration closes.
const day = DateTime.now().setZone('America/New_York').plus({ days: 4 }).toFormat('yyyy-LL-dd')
const stamp = Date.now() % 1_000_000
const candidate = { first: 'Lena', last: `Lifecycle${stamp}`, email: `lena-${stamp}@example.com`, password: 'a long enough password' }
const NAME = `${candidate.first} ${candidate.last}`
const CONFIRMATION = /^MT1-[A-Z2-9]{4}-[A-Z2-9]{4}$/
const INCIDENT = `Candidate ${stamp} kept glancing at a phone under the desk during the test.`

const contexts: (() => Promise<unknown>)[] = []
test.afterEach(async () => {
  while (contexts.length > 0) await contexts.pop()!()
})

// The journeys share one server: the fee this one publishes is taken down again (an emptied field
// means "no online fee"), so later journeys find the schedule as seeded.
test.afterAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL })
  await logIn(page, 'admin@demo.test', 'mt1-demo')
  await page.goto('/staff/fees')
  await page.getByLabel(/\(MM\) fee in dollars/).fill('')
  await page.getByRole('button', { name: 'Save fees' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
  await page.close()
})

/** A person at their own computer: a browser context of their own (cookies, storage), logged in. */
async function personAt(browser: Browser, baseURL: string, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  contexts.push(() => context.close().catch(() => undefined))
  const page = await context.newPage()
  // Every question is asked on the page: a browser pop-up fails the journey.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected browser ${dialog.type()} pop-up: ${dialog.message()}`)
  })
  if (email) await logIn(page, email, password)
  return page
}

/** The outbox row of the email to `to` whose subject matches. */
const outboxRow = (page: Page, to: string, subject: string | RegExp) =>
  page.getByRole('table', { name: 'Emails sent' }).getByRole('row').filter({ hasText: to }).filter({ has: page.getByRole('rowheader', { name: subject }) })

test('staff run a session from scheduling to the irregularity decision and an appeal, through the web', async ({ browser, baseURL }) => {
  test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)
  test.setTimeout(300_000)

  // 1. Program staff publish the Math and Measurement fee and schedule the session.
  const staff = await personAt(browser, baseURL!, 'admin@demo.test')
  const staffErrors = watchErrors(staff)
  await staff.getByRole('link', { name: 'Fees and invoices' }).click()
  await staff.getByLabel(/\(MM\) fee in dollars/).fill('50.00')
  await staff.getByRole('button', { name: 'Save fees' }).click()
  await expect(staff.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
  await visit(staff, J, '01-staff-fees')

  await staff.goto('/dashboard')
  await staff.getByRole('link', { name: 'Sessions', exact: true }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await staff.locator('summary', { hasText: 'Schedule a session' }).click()
  const schedule = staff.getByRole('form', { name: 'Schedule a session' })
  await schedule.getByLabel('Center').selectOption({ label: CENTER })
  await schedule.getByLabel('Starts').fill(`${day}T09:00`)
  await schedule.getByLabel('Ends').fill(`${day}T13:00`)
  await schedule.getByLabel('Seats').fill('8')
  await schedule.getByRole('checkbox', { name: /proctor@demo\.test/ }).check()
  await visit(staff, J, '02-staff-schedule-form')
  await schedule.getByRole('button', { name: 'Schedule the session' }).click()
  await expect(schedule.getByRole('status')).toContainText('is scheduled with 8 seats')

  // In the list, narrowed to that day.
  const filters = staff.getByRole('search', { name: 'Filter sessions' })
  await filters.getByLabel('From').fill(day)
  await filters.getByLabel('To').fill(day)
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  const listed = staff.getByRole('table', { name: /sessions across every center/i }).getByRole('row').filter({ hasText: CENTER })
  await expect(listed).toHaveCount(1)
  await expect(listed).toContainText('0 of 8')
  await expect(listed).toContainText('Paul Nguyen')
  await visit(staff, J, '03-staff-sessions-list')

  // In the calendar, on its day (moving to its month with the buttons if it is the next one).
  await staff.getByRole('link', { name: 'Calendar' }).click()
  const month = DateTime.fromISO(day).toFormat('LLLL yyyy')
  for (let i = 0; i < 2 && !(await staff.getByRole('heading', { level: 2, name: month }).isVisible()); i++) {
    await staff.getByRole('button', { name: 'Next month' }).click()
  }
  const cell = staff.getByRole('table', { name: new RegExp(`Sessions in ${month}`) }).getByRole('cell').filter({ hasText: new RegExp(`^${DateTime.fromISO(day).day}\\b`) })
  const calendarLink = cell.getByRole('link', { name: new RegExp(CENTER) })
  await expect(calendarLink).toBeVisible()
  await visit(staff, J, '04-staff-calendar')
  await calendarLink.click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Session' })).toBeVisible()
  const sessionId = new URL(staff.url()).pathname.split('/').pop()!
  await expect(staff.getByText('0 of 8 taken')).toBeVisible()
  await visit(staff, J, '05-staff-session-page')

  // 2. A new candidate signs up, finds the session, sees the price and books Math and Measurement.
  const me = await personAt(browser, baseURL!, '')
  const myErrors = watchErrors(me)
  await me.goto('/register')
  await me.getByLabel('First name').fill(candidate.first)
  await me.getByLabel('Last name').fill(candidate.last)
  await me.getByLabel('Email', { exact: true }).fill(candidate.email)
  await me.getByLabel(/^Password/).fill(candidate.password)
  await visit(me, J, '06-candidate-sign-up')
  await me.getByRole('button', { name: 'Create account' }).click()
  await expect(me).toHaveURL(/\/dashboard/)

  await me.getByRole('link', { name: 'Find a session' }).first().click()
  await me.getByRole('combobox', { name: /^State/ }).selectOption('VA')
  await me.getByRole('combobox', { name: /^City/ }).selectOption('Norfolk')
  const option = me.locator('li.session-option').filter({ has: me.locator(`[id="session-${sessionId}"]`) })
  await option.getByRole('button', { name: /^Choose this session/ }).click()
  await option.getByRole('checkbox', { name: /\(SRMT\)/ }).uncheck()
  await option.getByRole('checkbox', { name: /\(QBA\)/ }).uncheck()
  const fees = option.getByRole('table', { name: 'What you will pay' })
  await expect(fees.getByRole('row', { name: /Math and Measurement \(MM\)/ })).toContainText('$50.00')
  await expect(fees.getByRole('row', { name: /^Total/ })).toContainText('$50.00')
  await visit(me, J, '07-candidate-price-before-booking')
  await option.getByRole('button', { name: 'Register', exact: true }).click()
  const booked = option.getByRole('status')
  await expect(booked).toContainText('Your seat is held until')
  await expect(booked).toContainText('$50.00')
  const confirmation = ((await option.locator('.confirmation-number strong').textContent()) ?? '').trim()
  expect(confirmation).toMatch(CONFIRMATION)
  await visit(me, J, '08-candidate-seat-held')

  // The fee: the candidate asks for an invoice on the payment screen.
  await booked.getByRole('link', { name: /see your registrations/i }).click()
  const myRow = me.getByRole('row').filter({ has: me.getByRole('rowheader', { name: confirmation }) })
  await expect(myRow).toContainText('$50.00 due')
  await me.getByRole('button', { name: 'Ask for an invoice' }).click()
  await expect(me.getByRole('status').filter({ hasText: 'An invoice has been requested.' })).toBeVisible()
  await expect(myRow).toContainText('$50.00 due: invoice requested')
  await visit(me, J, '09-candidate-invoice-asked')

  // Staff find the open registration invoice and mark it paid with the payment's reference.
  await staff.goto('/staff/invoices')
  const invoiceFilters = staff.getByRole('search', { name: 'Invoices' })
  await invoiceFilters.getByLabel('Status', { exact: true }).selectOption('open')
  await invoiceFilters.getByLabel('For', { exact: true }).selectOption('registration')
  await invoiceFilters.getByRole('button', { name: 'Filter' }).click()
  const invoiceRow = staff.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: candidate.email })
  await expect(invoiceRow).toContainText('$50.00')
  await visit(staff, J, '10-staff-invoices')
  await invoiceRow.getByRole('link').first().click()
  await expect(staff.getByRole('heading', { level: 1, name: /^Invoice / })).toBeVisible()
  const markPaid = staff.getByRole('form', { name: 'Mark paid' })
  await markPaid.getByLabel('Payment reference').fill(`CHK-${stamp}`)
  await markPaid.getByRole('button', { name: 'Mark paid' }).click()
  await expect(staff.getByRole('status').filter({ hasText: /is marked paid/ })).toBeVisible()
  await visit(staff, J, '11-staff-invoice-paid')

  // The candidate's registration is confirmed, under the same confirmation number.
  await me.reload()
  await expect(myRow).toContainText('Confirmed')
  await expect(myRow).toContainText('Paid by invoice')
  await visit(me, J, '12-candidate-confirmed')

  // 3. The clock: the days pass and the session starts now.
  sessionStartsNow(sessionId)

  // 4. The proctor opens the console from the dashboard and checks the candidate in.
  const proctor = await personAt(browser, baseURL!, 'proctor@demo.test')
  const proctorErrors = watchErrors(proctor)
  await proctor.getByRole('link', { name: new RegExp(`Open console for .* at ${CENTER}`) }).click()
  await expect(proctor).toHaveURL(new RegExp(`/proctor/sessions/${sessionId}$`))
  await expect(proctor.getByTestId('presence')).toContainText('You are present (console live)')
  const group = consoleGroup(proctor, NAME)
  await expect(group.getByText('Not checked in')).toBeVisible()
  await visit(proctor, J, '13-proctor-console')
  await group.getByRole('button', { name: `Check in ${NAME}` }).click()
  const checkIn = proctor.getByRole('dialog', { name: `Check in ${NAME}` })
  await checkIn.getByLabel("I have verified this candidate's photo ID").check()
  await visitModal(proctor, J, '14-proctor-check-in')
  await checkIn.getByRole('button', { name: 'Check in', exact: true }).click()
  await expect(group.getByText('Checked in', { exact: true })).toBeVisible()
  // At the center's clock, as the session's hours on the console are.
  await expect(group.getByText(/^at \d{1,2}:\d{2}\s[AP]M E[SD]T$/)).toBeVisible()

  // The candidate opens today's test, reads the instructions, begins and answers a few questions.
  await me.goto('/dashboard')
  await me.getByRole('link', { name: 'Today’s test' }).click()
  await expect(me.getByText('You are checked in and your proctor is present')).toBeVisible({ timeout: 15_000 })
  await visit(me, J, '15-candidate-sitting')
  await me.getByRole('link', { name: 'Start Math and Measurement', exact: true }).click()
  await expect(me.getByRole('heading', { name: 'Before you begin' })).toBeVisible()
  await visit(me, J, '16-candidate-before-you-begin')
  await beginTest(me)
  const total = Number(/of (\d+)$/.exec((await questionHeading(me, 1).textContent()) ?? '')?.[1])
  expect(total).toBeGreaterThan(3)
  let answered = 0
  for (let n = 1; n <= total && answered < 3; n++) {
    await expect(questionHeading(me, n)).toBeVisible()
    const options = question(me, n).getByRole('radio')
    if ((await options.count()) > 0) {
      await options.nth(answered % 2).check()
      await expect(saveStatus(me)).toHaveText(/Saved/)
      answered++
    }
    if (answered < 3) await me.getByRole('button', { name: 'Next', exact: true }).click()
  }
  expect(answered, 'single-choice questions answered').toBe(3)
  await visit(me, J, '17-candidate-answering')
  await me.getByRole('button', { name: 'Submit test' }).click()
  const submit = me.getByRole('dialog', { name: 'Submit your test?' })
  await visitModal(me, J, '18-candidate-submit-dialog')
  await submit.getByRole('button', { name: 'Submit now' }).click()
  await expect(me.getByRole('heading', { level: 1, name: 'Math and Measurement: test submitted' })).toBeVisible()
  await visit(me, J, '19-candidate-submitted')

  // The proctor reports what they saw, naming the candidate, and closes the session.
  await expect(group.getByText('Scored')).toBeVisible({ timeout: 15_000 })
  await proctor.getByLabel('What happened', { exact: true }).selectOption('misconduct')
  await proctor.getByLabel('Candidate (optional)').selectOption({ label: NAME })
  await proctor.getByLabel('What happened, in your words').fill(INCIDENT)
  await proctor.getByLabel('Action taken').fill('Phone taken and kept at the desk; candidate warned.')
  await proctor.getByRole('button', { name: 'Report incident' }).click()
  await expect(proctor.getByText('Incident recorded: Suspected misconduct.')).toBeVisible()
  await visit(proctor, J, '20-proctor-incident-reported')
  await proctor.getByRole('button', { name: 'Close session' }).click()
  const close = proctor.getByRole('dialog', { name: 'Close the session?' })
  await visitModal(proctor, J, '21-proctor-close-dialog')
  await close.getByRole('button', { name: 'Close session' }).click()
  await expect(close).toBeHidden()
  await expect(proctor.getByRole('status').filter({ hasText: 'The session is closed.' })).toBeVisible()
  await visit(proctor, J, '22-proctor-session-closed')

  // 5. Staff open a case from the incident and hold the result, with the reason the candidate is told.
  await staff.goto('/dashboard')
  await staff.getByRole('link', { name: 'Irregularities' }).first().click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Irregularities' })).toBeVisible()
  const incident = staff.getByRole('row').filter({ hasText: INCIDENT })
  await expect(incident).toContainText(NAME)
  await expect(incident).toContainText('Awaiting review')
  await visit(staff, J, '23-staff-irregularities')
  await incident.getByRole('button', { name: /Open case/ }).click()
  const open = staff.getByRole('dialog', { name: 'Open an irregularity case' })
  await open.getByLabel(`${NAME}: MM result`).check()
  await open.getByLabel('Note for the record').fill('The proctor saw a phone during the test; reviewing the MM result.')
  await visitModal(staff, J, '24-staff-open-case')
  await open.getByRole('button', { name: 'Open case' }).click()
  await expect(staff).toHaveURL(/\/staff\/irregularities\/[^/]+$/)
  const caseUrl = new URL(staff.url()).pathname
  await staff.getByRole('button', { name: 'Hold the result' }).click()
  const hold = staff.getByRole('dialog', { name: 'Hold the result' })
  await hold.getByLabel('Reason').fill('A proctor reported a phone in use during the test; the result is held while we review.')
  await visitModal(staff, J, '25-staff-hold-dialog')
  await hold.getByRole('button', { name: 'Hold result' }).click()
  await expect(staff.getByRole('status')).toContainText('Hold the result: done')
  await expect(staff.getByText('Result held', { exact: true }).first()).toBeVisible()
  await visit(staff, J, '26-staff-case-held')

  // The candidate's results page says the result is under review, without the score; they appeal.
  await me.goto('/dashboard')
  await me.getByRole('link', { name: 'Your results' }).click()
  await expect(me).toHaveURL(/\/results$/)
  await expect(me.getByRole('heading', { name: 'Results under review' })).toBeVisible()
  await expect(me.getByRole('heading', { name: 'MM: Under review: this result is withheld' })).toBeVisible()
  await expect(me.getByText('Your score is not shown')).toBeVisible()
  await expect(me.getByText('%')).toHaveCount(0)
  await visit(me, J, '27-candidate-under-review')
  await me.getByLabel('Your statement').fill('My phone was switched off in my bag; what the proctor saw was the calculator the instructions allow.')
  await me.getByRole('button', { name: 'Send my appeal' }).click()
  await expect(me.getByText(/Appeal waiting for a decision/)).toBeVisible()
  await visit(me, J, '28-candidate-appealed')

  // 6. A second staff member decides the appeal: upheld, which releases the result.
  const reviewer = await personAt(browser, baseURL!, 'reviewer@demo.test')
  const reviewerErrors = watchErrors(reviewer)
  await reviewer.goto(caseUrl)
  await expect(reviewer.getByRole('heading', { name: 'Appeal' })).toBeVisible()
  await expect(reviewer.getByText(/calculator the instructions allow/)).toBeVisible()
  await visit(reviewer, J, '29-reviewer-appeal-pending')
  await reviewer.getByLabel('Uphold: reverse the decision and release the result').check()
  await reviewer.getByLabel('Reason').fill('The center confirms the calculator was the approved model; nothing shows the phone was used.')
  await reviewer.getByRole('button', { name: 'Decide the appeal' }).click()
  await expect(reviewer.getByRole('status')).toContainText('Appeal upheld')
  await expect(reviewer.getByText('Released', { exact: true }).first()).toBeVisible()
  await visit(reviewer, J, '30-reviewer-appeal-upheld')

  // The candidate sees the result.
  await me.reload()
  await expect(me.getByRole('heading', { name: 'MM: Released after review' })).toBeVisible()
  // The result card again, with its score.
  await expect(me.getByRole('region', { name: 'Math and Measurement (MM)' }).locator('.result-card__percent')).toHaveText(/\d%$/)
  await visit(me, J, '31-candidate-result-released')

  // The outbox shows the emails of the candidate's journey.
  await staff.goto('/dashboard')
  await staff.getByRole('link', { name: 'Outbox' }).first().click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  for (const subject of ['Your MT1 seat is held until payment', `Your MT1 assessment is confirmed (${confirmation})`, 'Your MT1 result is under review', 'Your MT1 appeal has been upheld']) {
    await expect(outboxRow(staff, candidate.email, subject), subject).toHaveCount(1)
  }
  const upheld = outboxRow(staff, candidate.email, 'Your MT1 appeal has been upheld')
  await upheld.getByRole('button', { name: /Show message/ }).click()
  await expect(staff.locator('pre.message-body')).toContainText('your result is released')
  await visit(staff, J, '32-staff-outbox')

  expect(staffErrors).toEqual([])
  expect(myErrors).toEqual([])
  expect(proctorErrors).toEqual([])
  expect(reviewerErrors).toEqual([])
})
