// Session operations through the web: staff schedule a session and find it in the list and the
// calendar, then edit it; a candidate registers, the center's administrator moves the session and
// the candidate is emailed what changed (the staff outbox shows it); staff cancel the session with a
// reason; an employer's onsite request is scheduled by staff as a private event that the employer
// fills from a roster.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { visit, visitModal } from './support.js'

const J = 'session-operations'
const DEMO_PASSWORD = 'mt1-demo'
const CENTER = 'MT1 Demo Assessment Center'
// Far from the demo sessions (now, tomorrow, 7 and 14 days), so the demo proctor is free.
const day = DateTime.now().plus({ days: 20 }).toFormat('yyyy-LL-dd')
const eventDay = DateTime.now().plus({ days: 25 }).toFormat('yyyy-LL-dd')
const stamp = Date.now() % 100000

let sessionId = ''

test.describe.configure({ mode: 'serial' })

async function logIn(page: Page, email: string) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

/** The staff outbox entry sent to `to` whose subject is `subject`. */
async function outboxEntry(page: Page, to: string, subject: string) {
  await page.goto('/staff/outbox')
  const entry = page.locator('li, tr').filter({ hasText: to }).filter({ hasText: subject })
  await expect(entry.first()).toBeVisible()
  return entry.first()
}

/** Opens an outbox entry's message: the outbox table shows it in the row just below the entry's. */
async function openMessage(entry: Locator) {
  await entry.getByRole('button', { name: /show message/i }).click()
  return entry.locator('xpath=following-sibling::tr[1]')
}

test('staff schedule a session, find it in the list and the calendar, and edit it', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Sessions', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await expect(page.getByRole('table', { name: /sessions across every center/i })).toBeVisible()
  await visit(page, J, '01-staff-sessions-list')

  await page.locator('summary', { hasText: 'Schedule a session' }).click()
  const form = page.getByRole('form', { name: 'Schedule a session' })
  await form.getByLabel('Center').selectOption({ label: CENTER })
  await form.getByLabel('Starts').fill(`${day}T09:00`)
  await form.getByLabel('Ends').fill(`${day}T13:00`)
  await form.getByLabel('Seats').fill('6')
  await form.getByRole('checkbox', { name: /proctor@demo\.test/ }).check()
  await visit(page, J, '02-schedule-form')
  await form.getByRole('button', { name: 'Schedule the session' }).click()
  await expect(form.getByRole('status')).toContainText('is scheduled with 6 seats')

  // The list, narrowed to that day.
  const filters = page.getByRole('search', { name: 'Filter sessions' })
  await filters.getByLabel('From').fill(day)
  await filters.getByLabel('To').fill(day)
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  const table = page.getByRole('table', { name: /sessions across every center/i })
  const row = table.getByRole('row').filter({ hasText: CENTER })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('0 of 6')
  await expect(row).toContainText('Paul Nguyen')
  await visit(page, J, '03-list-filtered')

  // The calendar: move to the month of that day with the buttons, then find the session on its day.
  await page.getByRole('link', { name: 'Calendar' }).click()
  const target = DateTime.fromISO(day).toFormat('LLLL yyyy')
  for (let i = 0; i < 2 && !(await page.getByRole('heading', { level: 2, name: target }).isVisible()); i++) {
    await page.getByRole('button', { name: 'Next month' }).click()
  }
  await expect(page.getByRole('heading', { level: 2, name: target })).toBeVisible()
  const grid = page.getByRole('table', { name: new RegExp(`Sessions in ${target}`) })
  const cell = grid.getByRole('cell').filter({ hasText: new RegExp(`^${DateTime.fromISO(day).day}\\b`) })
  const link = cell.getByRole('link', { name: new RegExp(CENTER) })
  await expect(link).toBeVisible()
  await visit(page, J, '04-calendar')
  // Page Down inside the grid shows the next month; Page Up comes back.
  await page.getByRole('region', { name: `Sessions in ${target}` }).focus()
  await page.keyboard.press('PageDown')
  const next = DateTime.fromISO(day).plus({ months: 1 }).toFormat('LLLL yyyy')
  await expect(page.getByRole('heading', { level: 2, name: next })).toBeVisible()
  await page.keyboard.press('PageUp')
  await expect(page.getByRole('heading', { level: 2, name: target })).toBeVisible()

  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Session' })).toBeVisible()
  sessionId = new URL(page.url()).pathname.split('/').pop()!
  await expect(page.getByText('0 of 6 taken')).toBeVisible()
  await visit(page, J, '05-session-page')

  const edit = page.getByRole('form', { name: 'Edit the session' })
  await edit.getByLabel('Seats').fill('0')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused()
  await visit(page, J, '06-edit-refused')
  await edit.getByLabel('Seats').fill('8')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The session is saved' })).toBeVisible()
  await expect(page.getByText('0 of 8 taken')).toBeVisible()
  await visit(page, J, '07-session-edited')
})

test("a center administrator moves the session and its registered candidate is emailed what changed", async ({ page }) => {
  await logIn(page, 'candidate@demo.test')
  await page.goto('/sessions')
  const option = page.locator('li.session-option').filter({ has: page.locator(`[id="session-${sessionId}"]`) })
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('button', { name: 'Register' }).click()
  await expect(option.getByRole('status')).toContainText(/confirmed|held/i)
  // Whether the seat is confirmed or held for payment depends on the fees other journeys left
  // published on the shared server; the center must count it as what it is.
  const held = /held/i.test((await option.getByRole('status').textContent()) ?? '')

  await logIn(page, 'center@demo.test')
  await page.goto('/center')
  await expect(page.getByRole('table', { name: /Your sessions by start/ })).toBeVisible()
  await visit(page, J, '08-center-page')
  await page.locator(`a[href="/center/sessions/${sessionId}"]`).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your session' })).toBeVisible()
  await expect(page.getByText(held ? '0 confirmed, 1 awaiting payment, 0 waitlisted' : '1 confirmed, 0 awaiting payment, 0 waitlisted')).toBeVisible()
  await visit(page, J, '09-center-session')
  const edit = page.getByRole('form', { name: 'Edit the session' })
  await edit.getByLabel('Starts').fill(`${day}T10:00`)
  await edit.getByLabel('Ends').fill(`${day}T14:00`)
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The session is saved' })).toBeVisible()
  await expect(page.getByText(/10:00 AM/).first()).toBeVisible()
  await visit(page, J, '10-center-session-moved')

  await logIn(page, 'admin@demo.test')
  const mail = await outboxEntry(page, 'candidate@demo.test', 'Your MT1 session has changed')
  await expect(await openMessage(mail)).toContainText('The time changed from')
  await visit(page, J, '11-outbox-session-changed')
})

test('staff cancel the session with a reason, and the candidate is told', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.goto(`/staff/sessions/${sessionId}`)
  await page.getByRole('button', { name: 'Cancel the session' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cancel this session?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel the session' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Give the reason')
  await visitModal(page, J, '12-cancel-dialog-refused')
  await dialog.getByLabel('Reason for cancelling').fill('The center has lost power for the week')
  await dialog.getByRole('button', { name: 'Cancel the session' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'The session is cancelled' })).toBeVisible()
  await expect(page.getByText('The center has lost power for the week')).toBeVisible()
  await expect(page.getByRole('form', { name: 'Edit the session' })).toHaveCount(0)
  await visit(page, J, '13-session-cancelled')

  const mail = await outboxEntry(page, 'candidate@demo.test', 'Your MT1 session is cancelled')
  await expect(await openMessage(mail)).toContainText('Reason: The center has lost power for the week')
  await visit(page, J, '14-outbox-session-cancelled')
})

test("an employer's onsite request becomes a scheduled event they fill from a roster", async ({ page }) => {
  const company = `Keystone Tooling ${stamp}`
  await logIn(page, 'employer@demo.test')
  await page.goto('/employer')
  const request = page.getByRole('form', { name: 'Ask for onsite testing' })
  await request.getByLabel('Company name').fill(company)
  await request.getByLabel('Street address').fill('77 Foundry Way')
  await request.getByLabel('City').fill('Harrisonburg')
  await request.getByLabel('State').fill('VA')
  await request.getByLabel('ZIP code').fill('22801')
  await request.getByLabel('Preferred date').fill(eventDay)
  await request.getByLabel('Number of candidates').fill('5')
  await request.getByRole('button', { name: 'Send the request' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your onsite request has been sent' })).toBeVisible()

  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/centers')
  await page.getByText(`Approve the request from ${company}`).click()
  const approve = page.getByRole('form', { name: `Approve onsite testing at ${company}` })
  // Harrisonburg, Virginia, keeps Eastern time, as the Norfolk center does.
  await approve.getByRole('combobox', { name: "Time zone of the company's address" }).selectOption('America/New_York')
  // Held at a certified center rather than the company's address: still a private event.
  await approve.getByLabel('Where').selectOption({ label: 'At Tidewater Manufacturing Training Center, Norfolk, VA' })
  await approve.getByRole('checkbox', { name: /proctor@demo\.test/ }).check()
  await visit(page, J, '15-staff-approve-onsite')
  await approve.getByRole('button', { name: 'Approve and schedule' }).click()
  await expect(page.getByText(`The onsite event at ${company} is approved and scheduled.`)).toBeVisible()
  // Staff find the private event among every center's sessions.
  await page.goto(`/staff/sessions?from=${eventDay}&to=${eventDay}`)
  await expect(page.getByRole('table', { name: /sessions across every center/i }).getByRole('row').filter({ hasText: 'Tidewater' })).toContainText('private event')

  await logIn(page, 'employer@demo.test')
  await page.goto('/employer')
  const card = page.locator('li.card').filter({ hasText: company })
  await expect(card.getByText(/Scheduled: .* at Tidewater Manufacturing Training Center, 1200 Harbor Way/)).toBeVisible()
  await expect(card).toContainText('0 of 5 seats taken')
  await visit(page, J, '16-employer-page-scheduled')
  await card.getByRole('link', { name: new RegExp(`Your scheduled event: roster and registrations for ${company}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your onsite event' })).toBeVisible()
  await expect(page.getByText('No one is registered yet')).toBeVisible()
  await expect(page.getByText('Tidewater Manufacturing Training Center', { exact: true })).toBeVisible()
  await visit(page, J, '17-employer-event-empty')
  const roster = [
    'name,email,modules',
    `Dana Whitfield,dana-${stamp}@keystone.example,MM SRMT`,
    `Luis Ortega,luis-${stamp}@keystone.example,MM`,
  ].join('\n')
  await page.getByLabel('Cohort CSV file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
  await page.getByRole('button', { name: 'Upload cohort' }).click()
  await expect(page.getByText(/The cohort is done/)).toBeVisible()
  const registrants = page.getByRole('table', { name: 'Employees registered for this event' })
  await expect(registrants.getByRole('row').filter({ hasText: `dana-${stamp}@keystone.example` })).toBeVisible()
  await expect(registrants.getByRole('row').filter({ hasText: `luis-${stamp}@keystone.example` })).toBeVisible()
  await expect(page.getByText('2 of 5 taken')).toBeVisible()
  await visit(page, J, '18-employer-event-filled')
})
