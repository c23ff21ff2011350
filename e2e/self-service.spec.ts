// Candidate self-service journey (issue 12): a refused sign-up shows an error summary linked to its
// field; staff publish one module's fee; a new candidate finds a session by state and city (and sees
// what to try when a city has none), sees the price of each module before booking, books, sees the
// confirmation number, prints the receipt and downloads the calendar invitation, moves the booking to
// another session and cancels it, each time after reading the policy, through dialogs, not pop-ups.
import { expect, test, type Page } from '@playwright/test'
import { visit, visitModal } from './support.js'

const J = 'self-service'
const stamp = Date.now()
const candidate = { first: 'Sam', last: `Finder${stamp % 100000}`, email: `sam-${stamp}@example.com`, password: 'a long enough password' }
const CONFIRMATION = /^MT1-[A-Z2-9]{4}-[A-Z2-9]{4}$/

test.describe.configure({ mode: 'serial' })

// The journey fails on the first browser pop-up: every question is asked on the page.
test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected browser ${dialog.type()} pop-up: ${dialog.message()}`)
  })
})

async function logIn(page: Page, email: string, password: string) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

/** Staff set the fee schedule on the fees page: an empty amount takes that module's fee down. */
async function setFees(page: Page, amounts: Record<'MM' | 'SRMT' | 'QBA', string>) {
  await logIn(page, 'admin@demo.test', 'mt1-demo')
  await page.goto('/staff/fees')
  for (const [module, amount] of Object.entries(amounts)) await page.getByLabel(new RegExp(`\\(${module}\\) fee in dollars`)).fill(amount)
  await page.getByRole('button', { name: 'Save fees' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
}

// Earlier journeys may have left fees published (they share the server): this one sets the whole
// schedule it needs, and takes its fee down at the end so later journeys find none, as seeded.
test('staff publish the fee of one module only', async ({ page }) => {
  await setFees(page, { MM: '50.00', SRMT: '', QBA: '' })
})

test.afterAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL })
  await setFees(page, { MM: '', SRMT: '', QBA: '' })
  await page.close()
})

test('a refused sign-up shows an error summary linked to the field to fix', async ({ page }) => {
  await page.context().clearCookies()
  await page.goto('/register')
  await page.getByLabel('First name').fill(candidate.first)
  await page.getByLabel('Last name').fill(candidate.last)
  await page.getByLabel('Email', { exact: true }).fill(candidate.email)
  await page.getByLabel(/^Password/).fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Your account was not created' })
  await expect(summary).toBeVisible()
  await expect(summary).toBeFocused()
  const link = summary.getByRole('link', { name: /Password: Use at least 10 characters/ })
  await expect(link).toBeVisible()
  await visit(page, J, '01-sign-up-refused')
  await link.click()
  await expect(page.getByLabel(/^Password/)).toBeFocused()
  await expect(page.getByLabel(/^Password/)).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel(/^Password/).fill(candidate.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/dashboard/)
})

test('the candidate finds a session by state and city, sees the price and books', async ({ page }) => {
  await logIn(page, candidate.email, candidate.password)
  await page.goto('/sessions')
  await expect(page.getByRole('heading', { level: 2, name: 'Find a session near you' })).toBeVisible()
  await page.getByRole('combobox', { name: 'State' }).selectOption('VA')
  await page.getByRole('combobox', { name: 'City' }).selectOption('Roanoke')
  await expect(page).toHaveURL(/state=VA&city=Roanoke/)
  await expect(page.getByText('No upcoming sessions in Roanoke, VA.')).toBeVisible()
  await expect(page.getByText('Choose “All cities in VA” to see nearby centers.')).toBeVisible()
  await visit(page, J, '02-finder-empty')

  await page.getByRole('combobox', { name: 'City' }).selectOption('Norfolk')
  await expect(page.getByRole('heading', { level: 2, name: 'Tidewater Manufacturing Training Center' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'MT1 Demo Assessment Center' })).toHaveCount(0)
  await page.getByRole('combobox', { name: 'City' }).selectOption('Richmond')
  await expect(page.getByRole('heading', { level: 2, name: 'MT1 Demo Assessment Center' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Tidewater Manufacturing Training Center' })).toHaveCount(0)
  await visit(page, J, '03-finder-richmond')

  // The first session still open for registration (tomorrow's closed 48 hours ahead) with a seat
  // left: journeys that ran earlier on this server may have filled a small session in Richmond.
  await page.locator('li.session-option').filter({ hasNotText: /Full \(waitlist open\)/ })
    .getByRole('button', { name: /^Choose this session/ }).first().click()
  const fees = page.getByRole('table', { name: 'What you will pay' })
  await expect(fees).toBeVisible()
  await expect(fees.getByRole('row', { name: /Math and Measurement \(MM\)/ })).toContainText('$50.00')
  await expect(fees.getByRole('row', { name: /\(QBA\)/ })).toContainText('Set by voucher or invoice')
  await expect(fees.getByRole('row', { name: /Total of published fees/ })).toContainText('$50.00')
  await expect(page.getByText(/publishes no online fee for SRMT, QBA/)).toBeVisible()
  await visit(page, J, '04-price-before-booking')

  // Without MM nothing is charged online: the seat is confirmed at once.
  await page.getByRole('checkbox', { name: /Math and Measurement/ }).uncheck()
  await expect(fees.getByRole('row', { name: /\(MM\)/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Register', exact: true }).click()
  await expect(page.getByText('You are registered.')).toBeVisible()
  const number = (await page.locator('.confirmation-number strong').textContent())?.trim() ?? ''
  expect(number).toMatch(CONFIRMATION)
  await visit(page, J, '05-registered')

  await page.getByRole('link', { name: 'View and print your receipt' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Registration receipt' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: `Confirmation number ${number}` })).toBeVisible()
  await expect(page.getByText('600 East Main Street, Richmond, VA 23219')).toBeVisible()
  await expect(page.getByRole('table', { name: 'What was booked' })).toContainText('Spatial Reasoning and Manufacturing Technology (SRMT)')
  await visit(page, J, '06-receipt')
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Add to your calendar (.ics)' }).click()])
  expect(ics.suggestedFilename()).toBe(`mt1-${number}.ics`)

  // My registrations shows the number too.
  await page.goto('/dashboard')
  const row = page.getByRole('row', { name: new RegExp(number) })
  await expect(row).toBeVisible()
  await visit(page, J, '07-my-registrations')
})

test('the candidate moves the booking after reading the policy, then cancels it', async ({ page }) => {
  await logIn(page, candidate.email, candidate.password)
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONFIRMATION }) }).first()
  const oldNumber = (await row.getByRole('rowheader').textContent())?.trim() ?? ''
  await row.getByRole('link', { name: /^Reschedule/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Move a registration' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Before you move your registration' })).toBeVisible()
  await expect(page.getByText(/until 48 hours before its session starts/)).toBeVisible()
  // Only sessions offering both modules: the Norfolk session has no SRMT; Richmond's others, and the
  // Peoria and Fresno centers' sessions, do. (Journeys that ran earlier on this server may have added
  // Richmond sessions, so Richmond has at least one; Peoria and Fresno have their seeded one each.)
  const choices = page.getByRole('table', { name: 'Sessions you can move to' })
  await expect(choices.getByRole('row').filter({ hasText: 'MT1 Demo Assessment Center' }).first()).toBeVisible()
  await expect(choices).not.toContainText('Tidewater')
  for (const center of ['Prairie State Manufacturing Assessment Center', 'Central Valley Technical Assessment Center']) {
    await expect(choices.getByRole('row').filter({ hasText: center })).toHaveCount(1)
  }
  await visit(page, J, '08-reschedule')
  // Stay in Richmond: its next session.
  await choices.getByRole('row').filter({ hasText: 'MT1 Demo Assessment Center' }).filter({ hasNotText: 'Full (waitlist)' }).first().getByRole('button', { name: /^Move here/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Move your registration?' })
  await expect(dialog).toBeVisible()
  await visitModal(page, J, '09-reschedule-dialog')
  await dialog.getByRole('button', { name: 'Move my registration' }).click()
  await expect(page.getByText('Your registration has moved.')).toBeVisible()
  const newNumber = (await page.locator('.notice--success .receipt__number').textContent())?.trim() ?? ''
  expect(newNumber).toMatch(CONFIRMATION)
  expect(newNumber).not.toBe(oldNumber)
  await visit(page, J, '10-moved')

  await page.getByRole('link', { name: 'Back to your registrations' }).click()
  const moved = page.getByRole('row', { name: new RegExp(newNumber) })
  await moved.getByRole('link', { name: /^Cancel/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel a registration' })).toBeVisible()
  await expect(page.getByText(/A voucher you paid with is given back/)).toBeVisible()
  await visit(page, J, '11-cancel')
  await page.getByRole('button', { name: 'Cancel this registration…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Cancel this registration?' })
  await expect(confirm).toBeVisible()
  // A confirmation starts on its harmless button.
  await expect(confirm.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused()
  await visitModal(page, J, '12-cancel-dialog')
  await confirm.getByLabel(/Why are you cancelling/).fill('My shift changed.')
  await confirm.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByText('Your registration is cancelled.')).toBeVisible()
  await visit(page, J, '13-cancelled')

  await page.goto('/dashboard')
  await expect(page.getByRole('row', { name: new RegExp(newNumber) })).toContainText('Cancelled')
})

test('the privacy notice, terms and accessibility statement are linked from the footer', async ({ page }) => {
  await page.goto('/')
  const footer = page.getByRole('navigation', { name: 'Footer' })
  await footer.getByRole('link', { name: 'Privacy notice' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible()
  await visit(page, J, '14-privacy')
  await footer.getByRole('link', { name: 'Terms of use' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible()
  await visit(page, J, '15-terms')
  await footer.getByRole('link', { name: 'Accessibility statement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
  await visit(page, J, '16-accessibility')
})
