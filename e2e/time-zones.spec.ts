// Time zones journey: a candidate whose computer runs on Pacific time finds a session at the Central
// (Peoria, Illinois) demo center and sees its times as the center's clock reads them, with CST or
// CDT, on the sessions page and on their registration; a center administrator schedules in the
// center's zone and is told when a time does not exist there; staff set a center's time zone.
import { expect, test, type Page } from '@playwright/test'
import { formatZonedDate, formatZonedHours, formatZonedRange } from '../src/common/time-zones.js'
import { visit } from './support.js'

const J = 'time-zones'
const DEMO_PASSWORD = 'mt1-demo'
const CENTRAL_CENTER = 'Prairie State Manufacturing Assessment Center'
const CHICAGO = 'America/Chicago'
const LOS_ANGELES = 'America/Los_Angeles'
const stamp = Date.now()
const candidate = { first: 'Dana', last: `Westcoast${stamp % 100000}`, email: `dana-${stamp}@example.com` }

test.describe.configure({ mode: 'serial' })
// The browser's own zone differs from every demo center's.
test.use({ timezoneId: LOS_ANGELES })

async function logIn(page: Page, email: string) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

test("a candidate on Pacific time sees a Central center's times in the center's zone", async ({ page }) => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(LOS_ANGELES)
  await page.context().clearCookies()
  await page.goto('/register')
  await page.getByLabel('First name').fill(candidate.first)
  await page.getByLabel('Last name').fill(candidate.last)
  await page.getByLabel('Email', { exact: true }).fill(candidate.email)
  await page.getByLabel('Password', { exact: false }).first().fill('a long enough password')
  await page.getByRole('button', { name: /create account|register/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)

  // What the center's session is, to know what its clock says (the page is what is checked).
  const sessions = (await (await page.request.get('/api/v1/sessions')).json()).items as { id: string; centerName: string; startsAt: string; endsAt: string; timeZone: string }[]
  const session = sessions.find((s) => s.centerName === CENTRAL_CENTER)!
  expect(session.timeZone).toBe(CHICAGO)
  const centerHours = formatZonedHours(session.startsAt, session.endsAt, CHICAGO)
  const browserHours = formatZonedHours(session.startsAt, session.endsAt, LOS_ANGELES)
  expect(centerHours).toMatch(/ C[SD]T$/)

  await page.getByRole('link', { name: 'Find a session' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find a session' })).toBeVisible()
  const group = page.getByRole('region', { name: CENTRAL_CENTER })
  await expect(group.getByText('Peoria, IL · times in Central Time, CST/CDT')).toBeVisible()
  const heading = group.locator(`[id="session-${session.id}"]`)
  await expect(heading).toContainText(formatZonedDate(session.startsAt, CHICAGO))
  await expect(heading).toContainText(centerHours)
  await expect(heading).not.toContainText(browserHours)
  await visit(page, J, '01-sessions-in-center-zone')

  const option = page.locator('li.session-option').filter({ has: page.locator(`[id="session-${session.id}"]`) })
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('button', { name: 'Register' }).click()
  await expect(option.getByText(/You are registered|Your seat is held/)).toBeVisible()
  await visit(page, J, '02-registered')

  await page.goto('/dashboard')
  const registration = page.getByRole('table', { name: 'Registrations with their confirmation numbers' }).getByRole('row').filter({ hasText: CENTRAL_CENTER })
  await expect(registration).toHaveCount(1)
  await expect(registration.getByRole('cell', { name: formatZonedRange(session.startsAt, session.endsAt, CHICAGO), exact: true })).toBeVisible()
  await expect(registration).not.toContainText(browserHours)
  await visit(page, J, '03-registration-in-center-zone')
})

test("a center administrator schedules on the center's clock, and a skipped hour is refused", async ({ page }) => {
  await logIn(page, 'center@demo.test')
  await page.getByRole('link', { name: /manage your center's sessions/i }).click()
  await expect(page.getByRole('heading', { name: 'Schedule a session' })).toBeVisible()
  // The demo center is in Richmond, Virginia: Eastern, whatever the browser's zone.
  const starts = page.getByLabel('Starts (Eastern Time, EST/EDT)')
  await expect(starts).toBeVisible()
  await expect(page.getByText('times in Eastern Time, EST/EDT')).toBeVisible()
  // 2:30 AM on 14 March 2027 does not exist in Richmond: the clocks go from 2:00 to 3:00.
  await starts.fill('2027-03-14T02:30')
  await page.getByLabel('Ends (Eastern Time, EST/EDT)').fill('2027-03-14T06:00')
  await page.getByRole('group', { name: 'Proctors' }).getByRole('checkbox', { name: /Paul Nguyen/ }).check()
  await page.getByRole('button', { name: 'Schedule the session' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: /2:30 AM on March 14, 2027 does not exist in Eastern Time, EST\/EDT/ })).toBeVisible()
  await expect(starts).toHaveAttribute('aria-invalid', 'true')
  await visit(page, J, '04-skipped-hour-refused')

  await starts.fill('2027-03-14T09:00')
  await page.getByLabel('Ends (Eastern Time, EST/EDT)').fill('2027-03-14T13:00')
  await page.getByRole('button', { name: 'Schedule the session' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The session of Sunday, March 14, 2027, 9:00 AM – 1:00 PM EDT is scheduled with 10 seats.' })).toBeVisible()
  // The center's sessions are a table now: the new one's row reads on Richmond's clock.
  const scheduled = page.getByRole('table', { name: /Your sessions by start/ }).getByRole('row').filter({ has: page.getByRole('link', { name: 'Manage the session of Mar 14, 2027 at MT1 Demo Assessment Center' }) })
  await expect(scheduled.getByRole('rowheader')).toHaveText('Mar 14, 2027, 9:00 AM – 1:00 PM EDT')
  await visit(page, J, '05-scheduled-in-center-zone')
})

test("staff set a center's time zone", async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Centers and onsite testing' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Centers and onsite testing' })).toBeVisible()
  // The centers are a table now: the center's row holds its time zone form.
  const card = page.getByRole('table', { name: 'Centers and their certification periods' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Blue Ridge Technical Assessment Center/ }) })
  await card.getByText('Time zone: Eastern Time, EST/EDT').click()
  const form = card.getByRole('form', { name: 'Time zone of Blue Ridge Technical Assessment Center' })
  await form.getByLabel('Time zone', { exact: true }).selectOption({ label: 'Another IANA time zone…' })
  await form.getByLabel('IANA time zone name').fill('Eastern/Roanoke')
  await form.getByRole('button', { name: /Set time zone/ }).click()
  await expect(form.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible()
  await expect(form.getByLabel('IANA time zone name')).toHaveAttribute('aria-invalid', 'true')
  await visit(page, J, '06-staff-zone-refused')

  await form.getByLabel('IANA time zone name').fill('America/Chicago')
  await form.getByLabel('Reason for the change').fill('Entered as Eastern by mistake during a test of the form')
  await form.getByRole('button', { name: /Set time zone/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Blue Ridge Technical Assessment Center now shows its times in Central Time, CST/CDT (America/Chicago).' })).toBeVisible()
  await expect(card.getByText('Time zone: Central Time, CST/CDT')).toBeVisible()
  await visit(page, J, '07-staff-zone-set')

  // Put it back where Roanoke is, by the list this time (the form is still open).
  await form.getByLabel('Time zone', { exact: true }).selectOption('America/New_York')
  await form.getByRole('button', { name: /Set time zone/ }).click()
  await expect(card.getByText('Time zone: Eastern Time, EST/EDT')).toBeVisible()
})
