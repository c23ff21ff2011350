// National certificant registry journey: a visitor verifies a certificate by number (typed, and at
// the QR address), mistypes one and tries an unknown one; the holder opts in to the name search and
// is found; an employer verifies a pasted list; program staff revoke the certificate with a reason
// (the public page shows it revoked at once) and reinstate it. axe on every page.
// The holder's credentials (and registry holder row) are written into the server's SQLite file the way awarding stores them
// (a real sitting per credential is the delivery journey's), so this journey skips on PostgreSQL.
import { randomInt } from 'node:crypto'
import { expect, request as apiRequest, test, type Page } from '@playwright/test'
import { certificateNumberFrom } from '../src/common/rules/certificate-number.js'
import { serverDbGet, serverDbRun, simulatedTimeUnavailable, visit } from './support.js'

const J = 'registry'
const DEMO_PASSWORD = 'mt1-demo'
const PASSWORD = 'a long enough password'
const stamp = Date.now() % 1_000_000
const newNumber = () => certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))

test.describe.configure({ mode: 'serial' })
test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

/** A new candidate, registered through the API, holding MM, SRMT and MS. */
async function holder(baseURL: string) {
  const email = `holder-${stamp}@example.com`
  const ctx = await apiRequest.newContext({ baseURL })
  const res = await ctx.post('/api/v1/auth/register', { data: { email, password: PASSWORD, firstName: 'Imani', lastName: `Registrova${stamp}` } })
  expect(res.status()).toBe(201)
  const userId = ((await res.json()) as { user: { id: string } }).user.id
  await ctx.dispose()
  const numbers: Record<string, string> = {}
  // Awarding makes the candidate a registry holder (the registry's copy of the name) with the first credential.
  serverDbRun('insert into registry_holders (user_id, first_name, last_name, state, listed) values (?, ?, ?, null, 0)', userId, 'Imani', `Registrova${stamp}`)
  for (const [type, issuedOn] of [['MM', '2025-04-10'], ['SRMT', '2025-05-02'], ['MS', '2025-05-02']] as const) {
    const index = serverDbGet<{ value: number }>("update counters set value = value + 1 where name = 'credential_status_index' returning value")!.value
    numbers[type] = newNumber()
    serverDbRun(
      'insert into credentials (certificate_number, candidate_id, type, issued_on, status, status_index, status_reason, status_changed_at, created_at) values (?, ?, ?, ?, ?, ?, null, null, ?)',
      numbers[type], userId, type, issuedOn, 'active', index, new Date().toISOString(),
    )
  }
  return { email, numbers, name: `Imani Registrova${stamp}` }
}

test('a certificate is verified, found by name, checked in bulk, revoked and reinstated', async ({ page, baseURL }) => {
  const h = await holder(baseURL!)
  const ms = h.numbers.MS!

  // A visitor types the number the way people do: lower case, spaces for dashes.
  await page.goto('/')
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Verify a certificate' }).click()
  await expect(page).toHaveURL(/\/registry$/)
  await visit(page, J, '01-registry')
  await page.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(ms.toLowerCase().replace(/-/g, ' '))
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  const result = page.getByRole('status').filter({ has: page.getByRole('heading', { level: 2 }) })
  await expect(result.getByRole('heading', { name: /Valid/ })).toBeVisible()
  await expect(result).toContainText(h.name)
  await expect(result).toContainText('Manufacturing Specialist (MS)')
  await visit(page, J, '02-valid')

  // One character off: the check character tells it apart from an unknown number.
  const wrongCheck = ms.slice(0, -1) + (ms.endsWith('0') ? '1' : '0')
  await page.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(wrongCheck)
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(page.getByText('This number looks mistyped')).toBeVisible()
  await visit(page, J, '03-mistyped')
  await page.goto(`/registry/${newNumber()}`)
  await expect(page.getByText('No certificate has this number').first()).toBeVisible()

  // The holder opts in to the name search on their account page.
  await logIn(page, h.email, PASSWORD)
  await page.goto('/account')
  await page.getByLabel('List me in the registry search by name and state').check()
  await page.getByRole('button', { name: 'Save registry choice' }).click()
  await expect(page.getByText('You are listed in the registry search.')).toBeVisible()
  await visit(page, J, '04-account-opt-in')
  await page.goto('/registry')
  await page.getByLabel('Name', { exact: true }).fill(`registrova${stamp}`)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('table', { name: /Listed holders matching/ }).getByRole('rowheader', { name: new RegExp(h.name) })).toBeVisible()
  await visit(page, J, '05-search')

  // An employer checks a pasted list, with names.
  await logIn(page, 'employer@demo.test')
  await page.goto('/registry')
  await page.getByRole('textbox', { name: 'Certificate numbers', exact: true }).fill(`${h.numbers.MM}, ${h.name}\n${newNumber()}\nnot-a-number`)
  await page.getByRole('button', { name: 'Verify', exact: true }).last().click()
  await expect(page.getByText('3 checked: 1 valid, 0 revoked, 1 not found, 1 mistyped.')).toBeVisible()
  await visit(page, J, '06-bulk')

  // Staff revoke the MS with a reason; the public page shows it at once.
  await logIn(page, 'admin@demo.test')
  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Registry and revocation' }).click()
  await expect(page).toHaveURL(/\/staff\/registry$/)
  await page.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(ms)
  await page.getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('heading', { name: 'Revoke this certificate' })).toBeVisible()
  await expect(page.getByRole('button', { name: `Open ${h.numbers.MM}` })).toBeVisible()
  await visit(page, J, '07-staff-credential')
  await page.getByLabel('Reason').fill('Awarded on a voided sitting (incident report 17).')
  await page.getByRole('button', { name: 'Revoke certificate' }).click()
  await expect(page.getByText(/is now revoked/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Reinstate this certificate' })).toBeVisible()
  await visit(page, J, '08-staff-revoked')

  await page.goto(`/registry/${ms}`)
  await expect(page.getByRole('heading', { name: /Revoked: this certificate is no longer valid/ })).toBeVisible()
  await visit(page, J, '09-public-revoked')

  await page.goto('/staff/registry')
  await page.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(ms)
  await page.getByRole('button', { name: 'Open' }).click()
  await page.getByLabel('Reason').fill('The sitting was reinstated on appeal.')
  await page.getByRole('button', { name: 'Reinstate certificate' }).click()
  await expect(page.getByText(/is now active/)).toBeVisible()
  await expect(page.getByRole('table', { name: /Credentials by type and status/ })).toBeVisible()
  await visit(page, J, '10-staff-figures')
})
