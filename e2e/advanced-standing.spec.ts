// Colleges and advanced standing (issue 14): a visitor reads the partner colleges and what they
// grant; an MT1 holder applies from their certificates page to the demo college (its agreement: MT1
// → up to 6 credits toward an A.A.S. in Manufacturing Technology); the college partner
// (college@demo.test) sees the request with the credential already verified by the server, grants
// three credits with a course equivalent; the holder sees them on their pathway; a second request
// that would take them past six credits at the college is refused with the reason; a request for the
// remaining three is withdrawn after confirming (its credits count again); staff see the
// agreement and the request. axe on every page.
// The holder's MT1 credential (and registry holder row) is written into the server's SQLite file the
// way awarding stores it (a real sitting per credential is the delivery journey's), so this journey
// skips on PostgreSQL, like the registry journey.
import { randomInt } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { certificateNumberFrom } from '../src/common/rules/certificate-number.js'
import { apiRegister, logIn, serverDbGet, serverDbRun, simulatedTimeUnavailable, visit, visitModal, watchErrors } from './support.js'

const J = 'advanced-standing'
const PASSWORD = 'a long enough password'
const stamp = Date.now() % 1_000_000
const EMAIL = `standing-${stamp}@example.com`
const NAME = { firstName: 'Dana', lastName: `Credito${stamp}` }

test.describe.configure({ mode: 'serial' })
test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)

/** A new candidate holding MT1 (issued today), as awarding would store it. */
async function holder(baseURL: string): Promise<string> {
  const api = await apiRegister(baseURL, { email: EMAIL, password: PASSWORD, ...NAME })
  await api.dispose()
  serverDbRun('insert into registry_holders (user_id, first_name, last_name, state, listed) values (?, ?, ?, null, 0)', api.userId, NAME.firstName, NAME.lastName)
  const index = serverDbGet<{ value: number }>("update counters set value = value + 1 where name = 'credential_status_index' returning value")!.value
  const number = certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))
  serverDbRun(
    'insert into credentials (certificate_number, candidate_id, type, issued_on, status, status_index, status_reason, status_changed_at, created_at) values (?, ?, ?, ?, ?, ?, null, null, ?)',
    number, api.userId, 'MT1', new Date().toISOString().slice(0, 10), 'active', index, new Date().toISOString(),
  )
  return number
}

test('a college partner grants a holder three credits, shown on the pathway; a request past six is refused', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  const number = await holder(baseURL!)

  // Anyone reads the partners and what they grant.
  await page.goto('/partners')
  await expect(page.getByRole('heading', { level: 1, name: 'Partner colleges' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Piedmont Valley Community College' })).toBeVisible()
  await expect(page.getByRole('table', { name: /What Piedmont Valley Community College grants/ })).toContainText('A.A.S. in Manufacturing Technology')
  await visit(page, J, '01-partners')

  // The holder applies from their certificates page for three of the six credits.
  await logIn(page, EMAIL, PASSWORD)
  await page.goto('/credentials')
  const form = page.getByRole('form', { name: 'Apply for advanced standing' })
  await expect(form.getByLabel('Certificate')).toHaveValue(number)
  await expect(form.getByLabel('Institution and program')).toContainText('Piedmont Valley Community College — A.A.S. in Manufacturing Technology')
  await form.getByLabel(/Credits to request/).fill('3')
  await form.getByRole('button', { name: 'Send the request' }).click()
  await expect(form.getByRole('status')).toContainText('Your request to Piedmont Valley Community College for 3 credits is sent')
  const mine = page.getByRole('table', { name: 'Your requests for advanced standing' })
  await expect(mine).toContainText('Awaiting decision')
  await visit(page, J, '02-holder-applied')

  // The college partner sees it verified by the server, and grants three credits.
  await page.context().clearCookies()
  await logIn(page, 'college@demo.test')
  await page.getByRole('link', { name: 'Advanced standing requests' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Advanced standing' })).toBeVisible()
  // The request's own row (the decision form opens in a row of its own below it).
  const row = page.getByRole('row').filter({ hasText: number }).filter({ hasNot: page.getByRole('form') })
  await expect(row).toContainText(`${NAME.firstName} ${NAME.lastName}`)
  await expect(row).toContainText('Signed credential verified; registry: active')
  await expect(row).toContainText('Awaiting decision: 3 credits asked')
  await visit(page, J, '03-college-requests')
  await row.getByRole('button', { name: /Decide/ }).click()
  const decision = page.getByRole('form', { name: new RegExp(`Decide: .*${number}`) })
  await expect(decision.getByLabel('Credits granted')).toHaveValue('3')
  await decision.getByLabel(/Course equivalents/).fill('MFG 110 Manufacturing Processes')
  await visit(page, J, '04-decision-form')
  await decision.getByRole('button', { name: 'Grant' }).click()
  await expect(row).toContainText('Granted')
  await expect(row).toContainText('Granted 3 credits: MFG 110 Manufacturing Processes')
  await visit(page, J, '05-granted')

  // The holder sees the credit on their pathway.
  await page.context().clearCookies()
  await logIn(page, EMAIL, PASSWORD)
  const standing = page.getByRole('region', { name: 'Advanced-standing credit' })
  await expect(standing).toContainText('3 credits at Piedmont Valley Community College toward A.A.S. in Manufacturing Technology (MFG 110 Manufacturing Processes)')
  await visit(page, J, '06-pathway')

  // Asking for all six more would take them past six at the college: refused with the reason.
  await page.goto('/credentials')
  await expect(page.getByRole('table', { name: 'Your requests for advanced standing' })).toContainText('3 credits granted: MFG 110 Manufacturing Processes')
  await form.getByRole('button', { name: 'Send the request' }).click()
  const refusal = 'At most 6 advanced-standing credits in all can be granted to one holder at one institution. You already have 3 granted or awaiting a decision there, so at most 3 more can be requested; this request for 6 would exceed 6.'
  await expect(form.getByText(refusal).first()).toBeVisible()
  await visit(page, J, '07-over-the-cap')

  // The remaining three are asked for, then withdrawn after confirming: the credits count again.
  await form.getByLabel(/Credits to request/).fill('3')
  await form.getByRole('button', { name: 'Send the request' }).click()
  await expect(form.getByRole('status')).toContainText('for 3 credits is sent')
  const requests = page.getByRole('table', { name: 'Your requests for advanced standing' })
  const pending = requests.getByRole('row').filter({ hasText: 'Awaiting decision' })
  await expect(pending).toHaveCount(1)
  await pending.getByRole('button', { name: /Withdraw/ }).click()
  const confirm = page.getByRole('dialog', { name: 'Withdraw your request to Piedmont Valley Community College?' })
  await confirm.getByLabel(/Reason/).fill('I am transferring to another program.')
  await visitModal(page, J, '07b-withdraw-dialog')
  await confirm.getByRole('button', { name: 'Withdraw the request' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(page.getByText('You withdrew your request to Piedmont Valley Community College.')).toBeVisible()
  await expect(requests.getByRole('row').filter({ hasText: 'Withdrawn' })).toContainText('You withdrew it (3 credits asked)')
  await expect(requests.getByRole('row').filter({ hasText: 'Awaiting decision' })).toHaveCount(0)
  await visit(page, J, '07c-withdrawn')

  // Program staff see every agreement and every request (reading, not deciding).
  await page.context().clearCookies()
  await logIn(page, 'admin@demo.test')
  await page.goto('/staff/advanced-standing')
  await expect(page.getByRole('table', { name: 'Each agreement and its terms' })).toContainText('Piedmont Valley Community College: A.A.S. in Manufacturing Technology')
  const staffRows = page.getByRole('row').filter({ hasText: number })
  const staffRow = staffRows.filter({ hasText: 'Granted 3 credits' })
  await expect(staffRow).toHaveCount(1)
  await expect(staffRows.filter({ hasText: 'Withdrawn by the holder' })).toHaveCount(1)
  await expect(staffRow.getByRole('button', { name: /Decide/ })).toHaveCount(0)
  await expect(page.getByRole('form', { name: 'New articulation agreement' }).getByLabel('Partner college')).toContainText('Piedmont Valley Community College')
  await visit(page, J, '08-staff')
  expect(errors).toEqual([])
})
