// Scheduling and registration journey: staff set fees, an employer buys a voucher, a new candidate
// records an NCRC, registers and pays with the voucher, asks for accommodations that staff approve,
// the proctor sees them on the roster; then a 1-seat session fills, a second candidate waits, the
// first cancels and the second is promoted.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { visit } from './support.js'

const J = 'registration'
const DEMO_PASSWORD = 'mt1-demo'
const PASSWORD = 'a long enough password'
const DAY = 86_400_000
const stamp = Date.now()
const candidateA = { first: 'Riley', last: `Alpha${stamp % 100000}`, email: `riley-${stamp}@example.com` }
const candidateB = { first: 'Morgan', last: `Bravo${stamp % 100000}`, email: `morgan-${stamp}@example.com` }

let voucherCode = ''
let sevenDaySessionId = ''
let oneSeatSessionId = ''

test.describe.configure({ mode: 'serial' })

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

async function registerAccount(page: Page, who: { first: string; last: string; email: string }) {
  await page.context().clearCookies()
  await page.goto('/register')
  await page.getByLabel('First name').fill(who.first)
  await page.getByLabel('Last name').fill(who.last)
  await page.getByLabel('Email', { exact: true }).fill(who.email)
  await page.getByLabel('Password', { exact: false }).first().fill(PASSWORD)
  await page.getByRole('button', { name: /create account|register/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

function sessionOption(page: Page, sessionId: string) {
  return page.locator('li.session-option').filter({ has: page.locator(`[id="session-${sessionId}"]`) })
}

test('staff set the fees per module', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await expect(page.getByRole('link', { name: 'Fees and invoices' })).toBeVisible()
  await visit(page, J, '01-staff-dashboard')
  await page.getByRole('link', { name: 'Fees and invoices' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fees and invoices' })).toBeVisible()
  await page.getByLabel(/\(MM\) fee in dollars/).fill('50.00')
  await page.getByLabel(/\(SRMT\) fee in dollars/).fill('70.00')
  await page.getByRole('button', { name: 'Save fees' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
  await visit(page, J, '02-staff-fees')

  const fees = await (await page.request.get('/api/v1/fees')).json()
  expect(fees.items).toEqual(expect.arrayContaining([{ module: 'MM', amountCents: 5000 }, { module: 'SRMT', amountCents: 7000 }]))
})

test('an employer buys a voucher for MM and SRMT', async ({ page }) => {
  await logIn(page, 'employer@demo.test')
  await page.getByRole('link', { name: /buy vouchers/i }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsor candidates' })).toBeVisible()
  await visit(page, J, '03-employer')
  const buy = page.getByRole('form', { name: 'Buy vouchers' })
  await buy.getByRole('checkbox', { name: /\(MM\)/ }).check()
  await buy.getByRole('checkbox', { name: /\(SRMT\)/ }).check()
  await buy.getByLabel('How many vouchers').fill('1')
  await page.getByRole('button', { name: 'Buy vouchers' }).click()
  const result = page.getByRole('status').filter({ hasText: /voucher bought/ })
  await expect(result).toBeVisible()
  voucherCode = ((await result.locator('code').first().textContent()) ?? '').trim()
  expect(voucherCode).toMatch(/^MT1-/)
  await expect(page.getByRole('table', { name: /your vouchers/i }).getByText(voucherCode)).toBeVisible()
  await visit(page, J, '04-employer-voucher-bought')

  // An onsite testing request.
  const onsite = page.getByRole('form', { name: 'Ask for onsite testing' })
  await onsite.getByLabel('Company name').fill(`Precision Parts ${stamp}`)
  await onsite.getByLabel('Street address').fill('10 Industrial Way')
  await onsite.getByLabel('City').fill('Richmond')
  await onsite.getByLabel(/^State/).fill('VA')
  await onsite.getByLabel('ZIP code').fill('23220')
  await onsite.getByLabel('Preferred date').fill(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10))
  await onsite.getByLabel('Number of candidates').fill('8')
  await onsite.getByRole('button', { name: 'Send the request' }).click()
  await expect(onsite.getByRole('status')).toContainText(/onsite request has been sent/)
  await expect(page.getByRole('heading', { name: `Precision Parts ${stamp}` })).toBeVisible()
  await visit(page, J, '04b-employer-onsite-requested')
})

test('a new candidate records an NCRC, registers, pays with the voucher and asks for accommodations', async ({ page }) => {
  await registerAccount(page, candidateA)
  await visit(page, J, '05-candidate-dashboard')

  // NCRC at Bronze: the Silver advice, never a block.
  await page.getByRole('link', { name: 'Record your NCRC' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  await page.getByLabel('NCRC level').selectOption('Bronze')
  await page.getByLabel(/NCRC certificate number/).fill('NCRC-12345')
  await page.getByLabel(/Home state/).fill('VA')
  await page.getByRole('button', { name: 'Save NCRC details' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your NCRC details have been saved.' })).toBeVisible()
  await expect(page.getByText(/Your NCRC is Bronze\. A Silver NCRC or higher is strongly encouraged/)).toBeVisible()
  await visit(page, J, '06-account-ncrc')

  // Find the demo center's sessions: tomorrow (closed), 7 and 14 days ahead.
  const sessions = (await (await page.request.get('/api/v1/sessions')).json()).items as { id: string; centerName: string; startsAt: string }[]
  const demo = sessions.filter((s) => s.centerName === 'MT1 Demo Assessment Center' && Date.parse(s.startsAt) > Date.now())
  const near = (days: number) => demo.reduce((best, s) => (Math.abs(Date.parse(s.startsAt) - Date.now() - days * DAY) < Math.abs(Date.parse(best.startsAt) - Date.now() - days * DAY) ? s : best))
  sevenDaySessionId = near(7).id
  const tomorrowId = near(1).id

  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Find a session' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find a session' })).toBeVisible()
  await expect(sessionOption(page, tomorrowId).getByText(/Registration closed/).first()).toBeVisible()
  await expect(sessionOption(page, tomorrowId).getByRole('button')).toHaveCount(0)
  await visit(page, J, '07-sessions')

  const option = sessionOption(page, sevenDaySessionId)
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('checkbox', { name: /\(QBA\)/ }).uncheck()
  await expect(option.getByRole('checkbox', { name: /\(MM\)/ })).toBeChecked()
  await expect(option.getByRole('checkbox', { name: /\(SRMT\)/ })).toBeChecked()
  await visit(page, J, '08-register-form')
  await option.getByRole('button', { name: 'Register' }).click()
  const result = option.getByRole('status')
  await expect(result).toContainText(/Your seat is held until/)
  await expect(result).toContainText('$120.00')
  await expect(result).toContainText(/Silver NCRC or higher is strongly encouraged/)
  await visit(page, J, '09-registered-held')

  // Pay with the employer's voucher.
  await result.getByRole('link', { name: /see your registrations/i }).click()
  // My registrations is a table; a held seat's payment forms are in the row under it.
  const card = page.getByRole('row').filter({ hasText: 'MM, SRMT' })
  await expect(card.getByText('Seat held: payment due')).toBeVisible()
  await visit(page, J, '10-dashboard-payment-due')
  const pay = page.getByRole('form', { name: /Pay with a voucher for/ })
  await pay.getByLabel('Voucher code').fill(voucherCode)
  await pay.getByRole('button', { name: 'Pay with a voucher' }).click()
  await expect(card.getByText('Confirmed', { exact: true })).toBeVisible()
  await visit(page, J, '11-dashboard-confirmed')

  // Ask for accommodations, with documentation.
  await page.getByRole('link', { name: 'Request accommodations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Request accommodations' })).toBeVisible()
  await visit(page, J, '12-accommodations-form')
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('alert')).toContainText(/Choose at least one area/)
  await page.getByRole('group', { name: /areas of documented disability/i }).getByRole('checkbox', { name: 'Reading' }).check()
  const adjustments = page.getByRole('group', { name: /adjustments you ask for/i })
  await adjustments.getByRole('checkbox', { name: 'Read-aloud' }).check()
  await adjustments.getByRole('checkbox', { name: 'Extended time (1.5×)' }).check()
  await page.getByLabel('Your statement').fill('I have dyslexia, documented by my school; reading long passages takes me much longer.')
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Your request has been sent/ })).toBeVisible()

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-docs-'))
  const fake = path.join(dir, 'not-really.pdf')
  fs.writeFileSync(fake, 'This is plain text pretending to be a PDF.\n')
  const pdf = path.join(dir, 'evaluation.pdf')
  fs.writeFileSync(pdf, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'))

  const request = page.locator('.records > li').first()
  await request.getByLabel('Documentation file').setInputFiles(fake)
  await request.getByRole('button', { name: 'Upload document' }).click()
  await expect(request.getByRole('alert')).toContainText(/PDF, PNG or JPEG/)
  await visit(page, J, '13-upload-refused')

  await request.getByLabel('Documentation file').setInputFiles(pdf)
  await request.getByRole('button', { name: 'Upload document' }).click()
  await expect(request.getByRole('status').filter({ hasText: /Uploaded evaluation\.pdf/ })).toBeVisible()
  await expect(request.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('value', '100')
  await expect(request.getByRole('link', { name: 'evaluation.pdf' })).toBeVisible()
  await visit(page, J, '14-upload-done')
})

test('staff approve the accommodations and the proctor sees them on the roster', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  // The dashboard links the page twice (staff pages, and needs attention once its counts load):
  // staff follow the one that says a request is waiting.
  await page.getByRole('list', { name: 'Needs attention' }).getByRole('link', { name: 'Accommodation requests' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accommodation requests' })).toBeVisible()
  const request = page.getByRole('row').filter({ hasText: candidateA.email })
  await expect(request.getByRole('link', { name: /Download evaluation\.pdf/ })).toBeVisible()
  await expect(request.getByText('Read-aloud')).toBeVisible()
  await request.getByRole('button', { name: /read and decide/i }).click()
  const decision = page.getByRole('form', { name: /^Decision for / })
  await visit(page, J, '15-staff-accommodations')
  await decision.getByRole('radio', { name: /approve everything/i }).check()
  await decision.getByLabel('Reason').fill('The school evaluation documents the reading disability.')
  await decision.getByRole('button', { name: 'Record the decision' }).click()
  await expect(page.getByRole('status').filter({ hasText: /was approved/ })).toBeVisible()
  await expect(page.getByText('No requests are waiting for a decision.')).toBeVisible()

  // The other staff pages render and pass axe.
  await page.goto('/staff/centers')
  // Centers are rows of a table now (one row header per center), not a heading each.
  const centers = page.getByRole('table', { name: /^Centers and their certification periods/ })
  await expect(centers.getByRole('rowheader', { name: /^MT1 Demo Assessment Center\b/ })).toBeVisible()
  const onsiteRequest = page.locator('.records > li').filter({ hasText: `Precision Parts ${stamp}` })
  await onsiteRequest.locator('summary').click()
  await expect(onsiteRequest.getByRole('group', { name: 'Proctors' }).getByRole('checkbox', { name: /Paul Nguyen/ })).toBeVisible()
  await visit(page, J, '16-staff-centers')
  await page.goto('/staff/proctors')
  await expect(page.getByRole('table', { name: /^Proctors and their certification periods/ }).getByText('proctor@demo.test')).toBeVisible()
  await page.getByRole('button', { name: /Edit Paul Nguyen/ }).click()
  await expect(page.getByLabel('Certified until')).toBeVisible()
  await visit(page, J, '17-staff-proctors')

  // The proctor opens the roster of the 7-day session.
  await logIn(page, 'proctor@demo.test')
  await page.getByRole('link', { name: /your sessions and rosters/i }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await visit(page, J, '18-proctor-sessions')
  await page.locator(`a[href="/sessions/${sevenDaySessionId}/roster"]`).click()
  const row = page.getByRole('row').filter({ hasText: candidateA.email })
  await expect(row.getByText('Read-aloud')).toBeVisible()
  await expect(row.getByText('Extended time (1.5×)')).toBeVisible()
  await expect(row.getByText('Confirmed')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', `/api/v1/sessions/${sevenDaySessionId}/roster?format=csv`)
  await visit(page, J, '19-proctor-roster')
})

test('a 1-seat session: the second candidate waits and is promoted when the first cancels', async ({ page }) => {
  // The center administrator schedules a 1-seat session five days ahead with the demo proctor.
  await logIn(page, 'center@demo.test')
  await page.getByRole('link', { name: /manage your center's sessions/i }).click()
  await expect(page.getByRole('heading', { name: 'Schedule a session' })).toBeVisible()
  await page.getByLabel('Seats').fill('1')
  await page.getByRole('group', { name: 'Proctors' }).getByRole('checkbox', { name: /Paul Nguyen/ }).check()
  await visit(page, J, '20-center-schedule-form')
  await page.getByRole('button', { name: 'Schedule the session' }).click()
  await expect(page.getByRole('status').filter({ hasText: /is scheduled with 1 seat\./ })).toBeVisible()
  const mine = (await (await page.request.get('/api/v1/me/sessions')).json()).items as { id: string; seats: number }[]
  oneSeatSessionId = mine.find((s) => s.seats === 1)!.id
  await visit(page, J, '21-center-scheduled')

  // A cohort upload on the 14-day session: progress, then the per-row report.
  const fourteen = (await (await page.request.get('/api/v1/sessions')).json()).items
    .filter((s: { centerName: string; startsAt: string }) => s.centerName === 'MT1 Demo Assessment Center')
    .sort((a: { startsAt: string }, b: { startsAt: string }) => b.startsAt.localeCompare(a.startsAt))[0]
  await page.goto(`/sessions/${fourteen.id}/roster`)
  await expect(page.getByRole('heading', { name: 'Register a cohort' })).toBeVisible()
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-cohort-')), 'cohort.csv')
  fs.writeFileSync(csv, `name,email,modules\nTaylor Cohort,taylor-${stamp}@example.com,MM\nNo Email,not-an-email,MM\n`)
  await page.getByLabel('Cohort CSV file').setInputFiles(csv)
  await page.getByRole('button', { name: 'Upload cohort' }).click()
  await expect(page.getByRole('status').filter({ hasText: /The cohort is done: 2 of 2 rows processed/ })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Cohort progress' })).toHaveAttribute('value', '2')
  await expect(page.getByRole('table', { name: /cohort report/i }).getByText('the email address is not valid')).toBeVisible()
  await expect(page.getByRole('table', { name: /candidates registered/i }).getByText(`taylor-${stamp}@example.com`)).toBeVisible()
  await visit(page, J, '22-center-cohort-report')

  // The first candidate takes the only seat (QBA has no fee: confirmed at once).
  await logIn(page, candidateA.email, PASSWORD)
  await page.goto('/sessions')
  let option = sessionOption(page, oneSeatSessionId)
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('checkbox', { name: /\(MM\)/ }).uncheck()
  await option.getByRole('checkbox', { name: /\(SRMT\)/ }).uncheck()
  await option.getByRole('button', { name: 'Register' }).click()
  await expect(option.getByRole('status')).toContainText(/You are registered/)

  // A second new candidate joins the waitlist.
  await registerAccount(page, candidateB)
  await page.getByRole('link', { name: 'Find a session' }).click()
  option = sessionOption(page, oneSeatSessionId)
  await expect(option.getByText(/Full \(waitlist open\)/)).toBeVisible()
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('checkbox', { name: /\(MM\)/ }).uncheck()
  await option.getByRole('checkbox', { name: /\(SRMT\)/ }).uncheck()
  await expect(option.getByRole('checkbox', { name: /join the waitlist/i })).toBeChecked()
  await option.getByRole('button', { name: 'Register' }).click()
  await expect(option.getByRole('status')).toContainText(/You are on the waitlist at position 1/)
  await visit(page, J, '23-waitlisted')

  // The first candidate cancels.
  await logIn(page, candidateA.email, PASSWORD)
  // Cancelling is a screen that states the policy, then a dialog (no browser pop-up).
  const seat = page.getByRole('row').filter({ hasText: 'QBA' })
  await expect(seat.getByText('Confirmed', { exact: true })).toBeVisible()
  await seat.getByRole('link', { name: /^Cancel/ }).click()
  await page.getByRole('button', { name: 'Cancel this registration…' }).click()
  await page.getByRole('dialog', { name: 'Cancel this registration?' }).getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByText('Your registration is cancelled.')).toBeVisible()
  await page.getByRole('link', { name: 'Back to your registrations' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'QBA' }).getByText('Cancelled', { exact: true })).toBeVisible()
  await visit(page, J, '24-cancelled')

  // The second is promoted and told.
  await logIn(page, candidateB.email, PASSWORD)
  const promoted = page.getByRole('row').filter({ hasText: 'QBA' })
  await expect(promoted.getByText('Confirmed', { exact: true })).toBeVisible()
  await visit(page, J, '25-promoted-dashboard')

  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/outbox')
  const email = page.getByRole('row').filter({ hasText: candidateB.email }).filter({ hasText: 'A seat opened up' })
  await expect(email.first()).toBeVisible()
  await visit(page, J, '26-outbox-seat-opened')
})

test('the registration pages fit a 320 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 })
  await logIn(page, candidateB.email, PASSWORD)
  for (const [url, name] of [['/sessions', 'm01-sessions'], ['/dashboard', 'm02-dashboard'], ['/accommodations/request', 'm03-accommodations']] as const) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await visit(page, J, name)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow, `${url} scrolls sideways`).toBe(false)
  }
  await page.goto('/sessions')
  await page.locator('li.session-option').filter({ has: page.getByRole('button', { name: /choose this session/i }) }).first().getByRole('button', { name: /choose this session/i }).click()
  await visit(page, J, 'm04-register-form')
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
})
