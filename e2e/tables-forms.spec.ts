// Tables and forms, issue 12 part 1, through the web only: program staff sort the item bank by a
// column (aria-sort follows), page through it, load the server's next items, and see its empty
// state; a refused form shows an error summary whose link puts the cursor in the field to fix; a
// token is revoked through a dialog, not the browser's confirm(); the public handbook form links
// its server-side refusal to the field too.
import { expect, test, type Page } from '@playwright/test'
import { visit, visitModal } from './support.js'

const J = 'tables-forms'
const stamp = Date.now().toString(36)

async function logInAsStaff(page: Page) {
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill('admin@demo.test')
  await page.getByLabel('Password', { exact: true }).fill('mt1-demo')
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

/** "Items, sorted by Identifier ascending": the caption's hidden sort note (Chromium reads a space before its comma). */
const sortedBy = (caption: string, column: string, order: 'ascending' | 'descending') => new RegExp(`^${caption} ?, sorted by ${column} ${order}$`)

/**
 * Identifiers in the order a person reads a sorted column: case-insensitive, numbers by value (the
 * DataTable's alphanumeric sort). Earlier journeys share the item bank: item-bank.spec.ts imports
 * the shared QTI sample, whose item is named "choice", and that sorts before "MT1-…", not after.
 */
const byIdentifier = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })

/** The row headers (first column) of a table, top to bottom. */
async function rowHeaders(page: Page, table: string | RegExp): Promise<string[]> {
  return (await page.getByRole('table', { name: table }).locator('tbody th[scope=row]').allTextContents()).map((t) => t.trim())
}

test('staff sort and page the item bank, and see its empty state', async ({ page }) => {
  // No browser pop-up may stand in for a page's own dialog.
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected browser dialog: ${dialog.message()}`)
  })
  await logInAsStaff(page)
  await page.goto('/staff/items')
  const table = page.getByRole('table', { name: /^Items/ })
  await expect(table).toBeVisible()
  const identifier = table.getByRole('columnheader', { name: /Identifier/ })
  await expect(identifier).not.toHaveAttribute('aria-sort')

  // Sort by identifier: ascending, then descending; the rows follow and the caption says so.
  await identifier.getByRole('button').click()
  await expect(identifier).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('table', { name: sortedBy('Items', 'Identifier', 'ascending') })).toBeVisible()
  const ascending = await rowHeaders(page, sortedBy('Items', 'Identifier', 'ascending'))
  expect(ascending.length).toBe(25)
  expect(ascending).toEqual([...ascending].sort(byIdentifier))
  await identifier.getByRole('button').click()
  await expect(identifier).toHaveAttribute('aria-sort', 'descending')
  const descending = await rowHeaders(page, sortedBy('Items', 'Identifier', 'descending'))
  expect(byIdentifier(descending[0]!, ascending[0]!)).toBeGreaterThan(0)
  expect(descending).toEqual([...descending].sort((a, b) => byIdentifier(b, a)))
  await visit(page, J, '01-items-sorted-descending')

  // Page through the loaded items; the server's next items are offered on the last page.
  const pages = page.getByRole('navigation', { name: /Items.* pages/ })
  await expect(pages).toContainText('Page 1 of 2')
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0)
  await pages.getByRole('button', { name: 'Next page' }).click()
  await expect(pages).toContainText('Page 2 of 2')
  const second = await rowHeaders(page, sortedBy('Items', 'Identifier', 'descending'))
  expect(byIdentifier(second[0]!, descending[24]!)).toBeLessThan(0)
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(pages).toContainText(/Page 2 of [3-9]/)
  await visit(page, J, '02-items-page-2')

  // A filter nothing matches: the table says so instead of showing empty rows.
  await page.getByLabel('Identifier or title').fill(`no-such-item-${stamp}`)
  await page.getByRole('button', { name: 'Filter', exact: true }).click()
  await expect(page.getByText('No items match.')).toBeVisible()
  await expect(page.getByRole('table', { name: /^Items/ })).toHaveCount(0)
  await visit(page, J, '03-items-empty')

  // A package that is not a zip: the server's refusal is linked to the file field.
  await page.getByRole('button', { name: 'Import a package' }).click()
  const importForm = page.getByRole('region', { name: 'Import a package' })
  await importForm.getByRole('button', { name: 'Import the package' }).click()
  await expect(importForm.getByRole('link', { name: /Choose a \.zip package first\./ })).toBeVisible()
  await importForm.getByLabel('QTI 3.0 content package (.zip)').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') })
  await importForm.getByRole('button', { name: 'Import the package' }).click()
  const refused = importForm.getByRole('link', { name: /^QTI 3\.0 content package \(\.zip\): / })
  await expect(refused).toBeVisible()
  await visit(page, J, '03b-import-refused')
  await refused.click()
  await expect(importForm.getByLabel('QTI 3.0 content package (.zip)')).toBeFocused()
})

test('a refused form lists its problems and each link puts the cursor in the field', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected browser dialog: ${dialog.message()}`)
  })
  await logInAsStaff(page)
  await page.goto('/staff/users')
  const users = page.getByRole('table', { name: 'Users' })
  await expect(users.getByRole('columnheader', { name: /Email/ })).toBeVisible()
  await users.getByRole('columnheader', { name: /Email/ }).getByRole('button').click()
  await expect(users.getByRole('columnheader', { name: /Email/ })).toHaveAttribute('aria-sort', 'ascending')

  // The server refuses a malformed email: its message sits in the summary and beside the field.
  const form = page.getByRole('form', { name: 'Create a user' })
  await form.getByLabel('Email').fill('not-an-email')
  await form.getByLabel('First name').fill('Ada')
  await form.getByLabel('Last name').fill(`Lovelace ${stamp}`)
  await form.getByRole('button', { name: 'Create user' }).click()
  const summary = form.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeVisible()
  await expect(summary).toBeFocused()
  const link = summary.getByRole('link', { name: 'Email: Enter an email address like name@example.com.' })
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  await visit(page, J, '04-create-user-refused')
  await link.click()
  await expect(form.getByLabel('Email')).toBeFocused()

  // Fixed, it goes through and the summary goes away.
  await form.getByLabel('Email').fill(`ada-${stamp}@example.com`)
  await form.getByRole('button', { name: 'Create user' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Created Ada Lovelace ${stamp}` })).toBeVisible()
  await expect(form.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0)
  await expect(users.getByRole('row').filter({ hasText: `ada-${stamp}@example.com` })).toBeVisible()

  // An API token form with nothing chosen: both problems at once, each linked.
  await page.goto('/staff/api-tokens')
  const tokenForm = page.getByRole('form', { name: 'Create a token' })
  await tokenForm.getByRole('checkbox', { name: /Verify certificates in bulk/ }).uncheck()
  await tokenForm.getByRole('button', { name: 'Create token' }).click()
  const tokenSummary = tokenForm.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(tokenSummary.getByRole('link')).toHaveCount(2)
  await tokenSummary.getByRole('link', { name: /What the token may do/ }).click()
  await expect(tokenForm.getByRole('checkbox', { name: /Verify certificates in bulk/ })).toBeFocused()
  await visit(page, J, '05-token-form-refused')

  // Then a real token, revoked through the page's own dialog (Escape or Cancel keep it).
  await tokenForm.getByLabel('Token name').fill(`Tables check ${stamp}`)
  await tokenForm.getByLabel('Find the user').fill('admin@demo.test')
  await tokenForm.getByRole('button', { name: 'Find' }).click()
  await tokenForm.getByRole('radio', { name: /admin@demo\.test/ }).check()
  await tokenForm.getByRole('checkbox', { name: /Verify certificates in bulk/ }).check()
  await tokenForm.getByRole('button', { name: 'Create token' }).click()
  await expect(page.getByRole('heading', { name: `Token “Tables check ${stamp}” created for admin@demo.test` })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()
  const tokenRow = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: `Tables check ${stamp}` })
  await tokenRow.getByRole('button', { name: /Revoke/ }).click()
  const dialog = page.getByRole('dialog', { name: `Revoke the token “Tables check ${stamp}”?` })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await visitModal(page, J, '06-revoke-dialog')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(tokenRow.getByText('Active')).toBeVisible()
  await tokenRow.getByRole('button', { name: /Revoke/ }).click()
  await dialog.getByRole('button', { name: 'Revoke token' }).click()
  await expect(page.getByRole('status').filter({ hasText: `The token “Tables check ${stamp}” is revoked.` })).toBeVisible()
  await expect(tokenRow.getByText(/^Revoked/)).toBeVisible()
  await visit(page, J, '07-token-revoked')
})

test('the public handbook form links a refusal to the field it is about', async ({ page }) => {
  await page.goto('/handbook')
  await page.getByLabel('Your name').fill(`Rae ${stamp}`)
  await page.getByLabel('Email', { exact: true }).fill(`rae-${stamp}@example.com`)
  await page.getByRole('radio', { name: 'Printed copy by mail' }).check()
  await page.getByRole('button', { name: 'Request the handbook' }).click()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeFocused()
  await visit(page, J, '08-handbook-refused')
  await summary.getByRole('link', { name: /^Mailing address: / }).click()
  await expect(page.getByLabel('Mailing address')).toBeFocused()
})
