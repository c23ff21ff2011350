// Staff and a person's record: a new candidate signs up; staff find them on the Users page, open
// their record, book them with an override (the dialog names the 48-hour rule it sets aside), waive
// the fee, book and reschedule another module, mark a missed sitting a no-show once the session is
// over (elapsed time is simulated), and see it all in the person's trail and on the audit log page
// with names; the dashboard counts what needs attention.
import { expect, test, type Page } from '@playwright/test'
import { logIn, serverDbGet, serverDbRun, simulatedTimeUnavailable, visit, visitModal, watchErrors } from './support.js'

const J = 'staff-person'
const HOUR = 3_600_000
const stamp = Date.now() % 100_000
const person = { first: 'Ana', last: `Ruiz${stamp}`, email: `ana-ruiz-${stamp}@example.com` }
const fullName = `${person.first} ${person.last}`

test.describe.configure({ mode: 'serial' })
test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)

/**
 * The demo seed's scheduled sessions at the demo center, soonest first (ids the select options carry
 * as values). Earlier journeys share this database and add sessions of their own (some today, some
 * offering one module only), so only the seed's own sessions (created with it, before any journey)
 * are the "tomorrow, in 7 and in 14 days" this journey books.
 */
function scheduledSessions(): { id: string; starts_at: string }[] {
  const rows: { id: string; starts_at: string }[] = []
  for (let i = 0; ; i++) {
    const row = serverDbGet<{ id: string; starts_at: string }>(
      `SELECT s.id, s.starts_at FROM test_sessions s JOIN centers c ON c.id = s.center_id
       WHERE s.status = 'scheduled' AND c.name = 'MT1 Demo Assessment Center'
         AND s.created_at = (SELECT MIN(created_at) FROM test_sessions)
       ORDER BY s.starts_at LIMIT 1 OFFSET ${i}`,
    )
    if (!row) return rows
    rows.push(row)
  }
}

async function openRecord(page: Page) {
  await page.goto('/staff/users')
  await page.getByLabel('Name or email').fill(person.email)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: fullName }).click()
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible()
}

const registrationRow = (page: Page, module: string) =>
  page.getByRole('table', { name: 'Registrations' }).getByRole('row').filter({ has: page.getByRole('cell', { name: module, exact: true }) })

test('a new candidate signs up', async ({ page }) => {
  await page.goto('/register')
  await page.getByLabel('First name').fill(person.first)
  await page.getByLabel('Last name').fill(person.last)
  await page.getByLabel('Email', { exact: true }).fill(person.email)
  await page.getByLabel('Password', { exact: false }).first().fill('a long enough password')
  await page.getByRole('button', { name: /create account|register/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
})

test('staff see what needs attention, and set fees so bookings wait for payment', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  const attention = page.getByRole('list', { name: 'Needs attention' })
  await expect(attention.getByRole('link', { name: 'Accommodation requests' })).toBeVisible()
  await expect(attention.getByText('Proctor certifications')).toBeVisible()
  await visit(page, J, '01-dashboard-attention')
  await page.goto('/staff/fees')
  await page.getByLabel(/\(MM\) fee in dollars/).fill('50.00')
  await page.getByLabel(/\(QBA\) fee in dollars/).fill('50.00')
  await page.getByRole('button', { name: 'Save fees' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
})

test('staff find the person, book them with an override, waive the fee, and reschedule another booking', async ({ page }) => {
  const errors = watchErrors(page)
  const [tomorrow, week, fortnight] = scheduledSessions()
  expect(fortnight, 'the demo has sessions tomorrow, in 7 and in 14 days').toBeDefined()
  await logIn(page, 'admin@demo.test')
  await openRecord(page)
  await expect(page.getByText('No registrations.')).toBeVisible()
  await visit(page, J, '02-person-record-new')

  // Tomorrow's session is inside the 48-hour window: the dialog says so before staff confirm.
  await page.getByRole('button', { name: 'Register with an override' }).click()
  const book = page.getByRole('dialog', { name: 'Register with an override' })
  await book.getByLabel('Session').selectOption(tomorrow!.id)
  await book.getByRole('checkbox', { name: /Math and Measurement/ }).check()
  await expect(book.getByText(/starts within 48 hours/)).toBeVisible()
  await book.getByRole('button', { name: 'Register' }).click()
  await expect(book.getByRole('alert')).toContainText('Reason')
  await book.getByLabel('Reason', { exact: true }).fill('Walk-in agreed with the center by phone')
  await visitModal(page, J, '03-override-dialog')
  await book.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByRole('status')).toContainText('Registered for MM')
  await expect(registrationRow(page, 'MM')).toContainText('Seat held: payment due')

  await registrationRow(page, 'MM').getByRole('button', { name: /Waive fee/ }).click()
  const waive = page.getByRole('dialog', { name: 'Waive the fee' })
  await waive.getByLabel('Reason', { exact: true }).fill('Sponsored by the state workforce board')
  await visitModal(page, J, '04-waive-dialog')
  await waive.getByRole('button', { name: 'Waive the fee' }).click()
  await expect(page.getByRole('status')).toContainText('was waived')
  await expect(registrationRow(page, 'MM')).toContainText('Confirmed')
  await expect(registrationRow(page, 'MM')).toContainText('Waived')

  // A second booking, in a week, moved to the session a week later.
  await page.getByRole('button', { name: 'Register with an override' }).click()
  await book.getByLabel('Session').selectOption(week!.id)
  await book.getByRole('checkbox', { name: /Quality and Business Acumen/ }).check()
  await expect(book.getByText(/sets .* aside/)).toHaveCount(0)
  await book.getByLabel('Reason', { exact: true }).fill('Booked by phone for the candidate')
  await book.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByRole('status')).toContainText('Registered for QBA')

  await registrationRow(page, 'QBA').getByRole('button', { name: /Reschedule/ }).click()
  const move = page.getByRole('dialog', { name: 'Reschedule' })
  await move.getByRole('button', { name: 'Move the registration' }).click()
  await expect(move.getByRole('alert')).toBeVisible()
  await move.getByLabel('New session').selectOption(fortnight!.id)
  await move.getByLabel('Reason', { exact: true }).fill('Shift change at work; asked by phone')
  await visitModal(page, J, '05-reschedule-dialog')
  await move.getByRole('button', { name: 'Move the registration' }).click()
  await expect(page.getByRole('status')).toContainText('Moved to')
  await expect(registrationRow(page, 'QBA').filter({ hasText: 'Cancelled' })).toHaveCount(1)
  await expect(registrationRow(page, 'QBA').filter({ hasText: 'Seat held: payment due' })).toHaveCount(1)
  await visit(page, J, '06-person-record-booked')
  expect(errors).toEqual([])
})

test('once the session is over, staff mark the missed sitting a no-show, and the trail and audit log name it all', async ({ page }) => {
  const [tomorrow] = scheduledSessions()
  // Elapsed time: tomorrow's session took place this morning and is over; the candidate never came.
  const now = Date.now()
  expect(serverDbRun('UPDATE test_sessions SET starts_at = ?, ends_at = ? WHERE id = ?', new Date(now - 5 * HOUR).toISOString(), new Date(now - HOUR).toISOString(), tomorrow!.id)).toBe(1)

  await logIn(page, 'admin@demo.test')
  await openRecord(page)
  await registrationRow(page, 'MM').getByRole('button', { name: /Mark no-show/ }).click()
  const noShow = page.getByRole('dialog', { name: 'Mark a no-show' })
  await noShow.getByLabel('Note').fill('Did not arrive and did not call.')
  await visitModal(page, J, '07-no-show-dialog')
  await noShow.getByRole('button', { name: 'Mark a no-show' }).click()
  await expect(page.getByRole('status')).toContainText('Marked a no-show')
  await expect(registrationRow(page, 'MM')).toContainText('No-show')

  const trail = page.getByRole('table', { name: `Audit trail of ${fullName}` })
  for (const action of ['registration.no_show', 'registration.rescheduled', 'registration.fee_waived', 'registration.override', 'user.registered']) {
    await expect(trail.getByText(action, { exact: true }).first()).toBeVisible()
  }
  await expect(trail.getByRole('row').filter({ hasText: 'registration.no_show' })).toContainText('Did not arrive and did not call.')
  await expect(trail.getByRole('row').filter({ hasText: 'registration.no_show' })).toContainText(`Registration of ${fullName} at MT1 Demo Assessment Center`)
  await visit(page, J, '08-person-record-trail')

  // The audit log page: filtered to no-shows, with the staff member and the record by name.
  await page.goto('/staff/audit')
  await page.getByLabel('Record type').selectOption('registration')
  await page.getByLabel('Action').fill('registration.no_show')
  await page.getByRole('button', { name: 'Filter' }).click()
  const log = page.getByRole('table', { name: /Audit entries/ })
  const row = log.getByRole('row').filter({ hasText: fullName })
  await expect(row).toContainText('Avery Staff')
  await expect(row).toContainText('admin@demo.test')
  await expect(row.getByRole('link', { name: new RegExp(`Registration of ${fullName}`) })).toBeVisible()
  await visit(page, J, '09-audit-log-filtered')

  // By actor: everything the candidate did, from the link on their record.
  await row.getByRole('link', { name: new RegExp(`Registration of ${fullName}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible()
  await page.getByRole('link', { name: `Everything ${fullName} did, in the audit log` }).click()
  await expect(page.getByRole('table', { name: /Audit entries/ }).getByText('user.registered')).toBeVisible()
})

