// Credentials that travel and NCRC stacking (issue 14): a holder records their NCRC with an upload
// of the certificate; program staff verify it from the person's record; the pathway shows it
// verified; the holder opens their public credential page from their credential list, where the
// badge, the stack and the LinkedIn link (its parameters checked, LinkedIn never opened) are; the
// registry states the stack too. axe on every page.
// The holder's credentials are written into the server's SQLite file the way awarding stores them
// (a real sitting per credential is the delivery journey's), so this journey skips on PostgreSQL.
import { randomInt } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { certificateNumberFrom } from '../src/common/rules/certificate-number.js'
import { apiRegister, logIn, serverDbGet, serverDbRun, simulatedTimeUnavailable, visit, watchErrors } from './support.js'

const J = 'credential-page'
const PASSWORD = 'a long enough password'
const stamp = Date.now() % 1_000_000
const newNumber = () => certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))
/** A tiny PNG (its signature is what the server checks). */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])

test.describe.configure({ mode: 'serial' })
test.skip(!!simulatedTimeUnavailable, simulatedTimeUnavailable)

test('a holder records an NCRC, staff verify it, and the public credential page carries the stack and the LinkedIn link', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  const email = `traveller-${stamp}@example.com`
  const lastName = `Traveller${stamp}`
  const user = await apiRegister(baseURL!, { email, password: PASSWORD, firstName: 'Noor', lastName })
  const userId = user.userId
  await user.dispose()
  serverDbRun('insert into registry_holders (user_id, first_name, last_name, state, listed) values (?, ?, ?, null, 0)', userId, 'Noor', lastName)
  const numbers: Record<string, string> = {}
  for (const [type, issuedOn] of [['MM', '2025-04-10'], ['SRMT', '2025-05-02'], ['QBA', '2025-06-20'], ['MS', '2025-05-02'], ['MT1', '2025-06-20']] as const) {
    const index = serverDbGet<{ value: number }>("update counters set value = value + 1 where name = 'credential_status_index' returning value")!.value
    numbers[type] = newNumber()
    serverDbRun(
      'insert into credentials (certificate_number, candidate_id, type, issued_on, status, status_index, status_reason, status_changed_at, created_at) values (?, ?, ?, ?, ?, ?, null, null, ?)',
      numbers[type], userId, type, issuedOn, 'active', index, new Date().toISOString(),
    )
  }
  const mt1 = numbers.MT1!

  // The holder records the NCRC on their account page, with a copy of the certificate.
  await logIn(page, email, PASSWORD)
  await page.goto('/account')
  const form = page.locator('form[aria-labelledby="ncrc-heading"]')
  await form.getByLabel('NCRC level').selectOption('Gold')
  await form.getByLabel(/NCRC certificate number/).fill(`NCRC-${stamp}`)
  await form.getByLabel(/Certificate date/).fill('2024-05-06')
  await form.getByLabel(/Certificate file/).setInputFiles({ name: 'ncrc-gold.png', mimeType: 'image/png', buffer: PNG })
  await form.getByRole('button', { name: 'Save NCRC details' }).click()
  await expect(form.getByText('Your NCRC details have been saved.')).toBeVisible()
  await expect(form.getByText(/Verification: Not verified yet/)).toBeVisible()
  await expect(form.getByText(/Uploaded: ncrc-gold\.png/)).toBeVisible()
  await visit(page, J, '01-ncrc-recorded')

  // Program staff open the person's record and verify it.
  await page.context().clearCookies()
  await logIn(page, 'admin@demo.test')
  await page.goto(`/staff/people/${userId}`)
  const panel = page.locator('section[aria-labelledby="ncrc-heading"]')
  await expect(panel.getByText(`NCRC-${stamp}`)).toBeVisible()
  await expect(panel.getByRole('link', { name: /ncrc-gold\.png/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Mark verified' }).click()
  await expect(page.getByText(`Noor ${lastName}'s NCRC is marked verified.`)).toBeVisible()
  await expect(panel.getByText('Verified', { exact: true })).toBeVisible()
  await panel.scrollIntoViewIfNeeded()
  await visit(page, J, '02-staff-verified')

  // The holder's pathway shows the NCRC verified, first of the steps.
  await page.context().clearCookies()
  await logIn(page, email, PASSWORD)
  const ncrcStep = page.locator('.pathway__step').first()
  await expect(ncrcStep).toContainText('National Career Readiness Certificate (NCRC)')
  await expect(ncrcStep).toContainText('Gold, verified')
  await visit(page, J, '03-pathway')

  // The credential list: named downloads, the LinkedIn link, the public page.
  await page.goto('/credentials')
  const item = page.locator('li.credential').filter({ has: page.getByRole('heading', { name: /Manufacturing Technician Level 1/ }) })
  await expect(item.getByRole('link', { name: /Download badge/ })).toHaveAttribute('download', `${mt1}-badge.json`)
  await expect(item.getByRole('link', { name: /Download certificate/ })).toHaveAttribute('download', `${mt1}-certificate.pdf`)
  await expect(item.getByText('MT1, stacked on NCRC Gold (verified)')).toBeVisible()
  const listLinkedIn = new URL((await item.getByRole('link', { name: /Add to LinkedIn profile/ }).getAttribute('href'))!)
  expect(listLinkedIn.searchParams.get('certId')).toBe(mt1)
  await visit(page, J, '04-credentials')
  await item.getByRole('link', { name: /Public credential page/ }).click()
  await expect(page).toHaveURL(new RegExp(`/credentials/${mt1}$`))

  // The public page, as anyone sees it (logged out).
  await page.context().clearCookies()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Manufacturing Technician Level 1' })).toBeVisible()
  await expect(page.getByText('Verified: this credential is genuine and active.')).toBeVisible()
  await expect(page.getByRole('img', { name: /Manufacturing Technician Level 1 \(MT1\) badge/ })).toBeVisible()
  await expect(page.getByText('MT1, stacked on NCRC Gold (verified)')).toBeVisible()
  await expect(page.getByText(`Noor ${lastName}`)).toBeVisible()
  await expect(page.getByText(`NCRC-${stamp}`)).toHaveCount(0)
  const linkedIn = new URL((await page.getByRole('link', { name: /Add to LinkedIn profile/ }).getAttribute('href'))!)
  expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add')
  expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
    startTask: 'CERTIFICATION_NAME', name: 'Manufacturing Technician Level 1', organizationName: 'Manufacturing Skills Institute',
    issueYear: '2025', issueMonth: '6', certUrl: `${baseURL}/credentials/${mt1}`, certId: mt1,
  })
  expect(Object.fromEntries(listLinkedIn.searchParams)).toEqual(Object.fromEntries(linkedIn.searchParams))
  await visit(page, J, '05-public-credential-page')

  // The registry states the stack as well.
  await page.getByRole('link', { name: "The registry's entry for this certificate" }).click()
  await expect(page.getByText('MT1, stacked on NCRC Gold (verified)')).toBeVisible()
  await visit(page, J, '06-registry')

  // A revoked certificate's page says so plainly and offers nothing to share.
  serverDbRun("update credentials set status = 'revoked', status_reason = 'journey', status_changed_at = ? where certificate_number = ?", new Date().toISOString(), numbers.QBA)
  await page.goto(`/credentials/${numbers.QBA}`)
  await expect(page.getByText('Revoked: this credential is no longer valid.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Add to LinkedIn profile/ })).toHaveCount(0)
  await visit(page, J, '07-revoked')
  expect(errors).toEqual([])
})
