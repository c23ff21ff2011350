// Voucher ledger journey: staff set the fees; an employer buys a batch of vouchers (seeing the price
// and total first) against a numbered invoice and downloads it; a candidate redeems a code on the
// registration payment screen and is told which voucher paid; the employer's page and the staff
// ledger show who used the code; staff mark the invoice paid with a reference, see its history and
// download its PDF.
import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { visit } from './support.js'

const J = 'vouchers'
const DEMO_PASSWORD = 'mt1-demo'
const DAY = 86_400_000
const stamp = Date.now()
const candidate = { first: 'Vera', last: `Voucher${stamp % 100000}`, email: `vera-${stamp}@example.com` }
const organization = `Acme Manufacturing ${stamp % 10000}`

let code = ''
let invoiceNumber = ''

test.describe.configure({ mode: 'serial' })

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

async function expectPdfDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const file = await download.path()
  expect(download.suggestedFilename()).toMatch(/^INV-\d{4}-\d{6}\.pdf$/)
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
}

test('staff set the fees that price vouchers', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Fees and invoices' }).click()
  await page.getByLabel(/\(MM\) fee in dollars/).fill('50.00')
  await page.getByLabel(/\(SRMT\) fee in dollars/).fill('70.00')
  await page.getByRole('button', { name: 'Save fees' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The fees have been saved.' })).toBeVisible()
  await visit(page, J, '01-staff-fees')
})

test('an employer sees the price and total, buys a batch and gets its invoice', async ({ page }) => {
  await logIn(page, 'employer@demo.test')
  await page.getByRole('link', { name: /buy vouchers/i }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsor candidates' })).toBeVisible()
  const buy = page.getByRole('form', { name: 'Buy vouchers' })

  // Nothing chosen: the error summary names the field.
  await buy.getByRole('button', { name: 'Buy vouchers' }).click()
  await expect(buy.getByRole('alert')).toContainText('Choose at least one module.')
  await visit(page, J, '02-employer-buy-refused')

  await buy.getByRole('checkbox', { name: /\(MM\)/ }).check()
  await buy.getByRole('checkbox', { name: /\(SRMT\)/ }).check()
  await buy.getByLabel('How many vouchers').fill('3')
  await buy.getByLabel(/Organization to invoice/).fill(organization)
  await expect(buy.locator('.voucher-quote')).toContainText('$120.00')
  await expect(buy.locator('.voucher-quote')).toContainText('$360.00')
  await visit(page, J, '03-employer-price-before-buying')

  await buy.getByRole('button', { name: 'Buy vouchers' }).click()
  const result = page.getByRole('status').filter({ hasText: /vouchers bought/ })
  await expect(result).toContainText('3 vouchers bought')
  await expect(result).toContainText('$360.00')
  invoiceNumber = ((await result.locator('strong').nth(1).textContent()) ?? '').trim()
  expect(invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/)
  code = ((await result.locator('code').first().textContent()) ?? '').trim()
  expect(code).toMatch(/^MT1-/)
  await expectPdfDownload(page, () => result.getByRole('link', { name: 'download the invoice PDF' }).click())

  const batches = page.getByRole('table', { name: 'Your voucher batches' })
  await expect(batches.getByRole('row').filter({ hasText: invoiceNumber })).toContainText('0 of 3')
  await expect(page.getByRole('table', { name: /your vouchers in the batch/i }).getByText(code)).toBeVisible()
  await visit(page, J, '04-employer-bought')
})

test('a candidate redeems the code on the payment screen and sees which voucher paid', async ({ page }) => {
  await page.context().clearCookies()
  await page.goto('/register')
  await page.getByLabel('First name').fill(candidate.first)
  await page.getByLabel('Last name').fill(candidate.last)
  await page.getByLabel('Email', { exact: true }).fill(candidate.email)
  await page.getByLabel('Password', { exact: false }).first().fill('a long enough password')
  await page.getByRole('button', { name: /create account|register/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)

  // The demo center's session a week ahead (the public list, read only to know which one to choose).
  const sessions = (await (await page.request.get('/api/v1/sessions')).json()).items as { id: string; centerName: string; startsAt: string }[]
  const week = sessions
    .filter((s) => s.centerName === 'MT1 Demo Assessment Center' && Date.parse(s.startsAt) > Date.now() + 3 * DAY)
    .sort((a, b) => Math.abs(Date.parse(a.startsAt) - Date.now() - 7 * DAY) - Math.abs(Date.parse(b.startsAt) - Date.now() - 7 * DAY))[0]!

  await page.getByRole('link', { name: 'Find a session' }).click()
  const option = page.locator('li.session-option').filter({ has: page.locator(`[id="session-${week.id}"]`) })
  await option.getByRole('button', { name: /choose this session/i }).click()
  await option.getByRole('checkbox', { name: /\(QBA\)/ }).uncheck()
  await option.getByRole('button', { name: 'Register' }).click()
  const held = option.getByRole('status')
  await expect(held).toContainText('$120.00')
  await held.getByRole('link', { name: /see your registrations/i }).click()

  // The registrations are a table: the held one's row, and under it the row with its payment forms.
  const table = page.getByRole('table', { name: 'Registrations with their confirmation numbers' })
  const row = table.getByRole('row').filter({ hasText: 'MM, SRMT' })
  await expect(row.getByText('Seat held: payment due')).toBeVisible()
  const pay = table.getByRole('form', { name: 'Pay with a voucher for MT1 Demo Assessment Center' })
  await expect(pay.getByText(/will see that you used it/)).toBeVisible()
  await visit(page, J, '05-candidate-payment-screen')
  await pay.getByLabel('Voucher code').fill(code.toLowerCase())
  await pay.getByRole('button', { name: 'Pay with a voucher' }).click()
  await expect(row.getByText('Confirmed', { exact: true })).toBeVisible()
  await expect(row.getByText(`Paid by voucher ${code}`)).toBeVisible()
  await expect(pay).toHaveCount(0)
  await visit(page, J, '06-candidate-paid-by-voucher')
})

test("the employer's page shows who used the code", async ({ page }) => {
  await logIn(page, 'employer@demo.test')
  await page.goto('/employer')
  const batches = page.getByRole('table', { name: 'Your voucher batches' })
  await expect(batches.getByRole('row').filter({ hasText: invoiceNumber })).toContainText('1 of 3')
  const row = page.getByRole('table', { name: /your vouchers in the batch/i }).getByRole('row').filter({ hasText: code })
  await expect(row).toContainText(`${candidate.first} ${candidate.last}`)
  await expect(row).toContainText('MT1 Demo Assessment Center')
  await visit(page, J, '07-employer-sees-holder')
})

test('staff see the holder in the ledger, mark the invoice paid with a reference and download its PDF', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Voucher ledger' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Voucher ledger' })).toBeVisible()
  await page.getByRole('search', { name: 'Voucher batches' }).getByLabel('Organization', { exact: true }).fill(organization)
  await page.getByRole('search', { name: 'Voucher batches' }).getByRole('button', { name: 'Filter' }).click()
  const batch = page.getByRole('table', { name: 'Voucher batches' }).getByRole('row').filter({ hasText: invoiceNumber })
  await expect(batch).toContainText(organization)
  await batch.getByRole('button', { name: /show codes/i }).click()
  await expect(page.getByRole('table', { name: /vouchers in the batch/i }).getByRole('row').filter({ hasText: code })).toContainText(`${candidate.first} ${candidate.last}`)
  await visit(page, J, '08-staff-ledger')

  await batch.getByRole('link', { name: invoiceNumber }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoiceNumber}` })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Invoice history' })).toContainText('Issued')
  await visit(page, J, '09-staff-invoice-open')

  const markPaid = page.getByRole('form', { name: 'Mark paid' })
  await markPaid.getByRole('button', { name: 'Mark paid' }).click()
  await expect(markPaid.getByRole('alert')).toContainText(/payment's reference/)
  await markPaid.getByLabel('Payment reference').fill('CHK-20417')
  await markPaid.getByRole('button', { name: 'Mark paid' }).click()
  await expect(page.getByRole('status').filter({ hasText: /is marked paid/ })).toBeVisible()
  const history = page.getByRole('table', { name: 'Invoice history' })
  await expect(history.getByRole('row').filter({ hasText: 'Marked paid' })).toContainText('CHK-20417')
  await expectPdfDownload(page, () => page.getByRole('link', { name: 'Download the PDF' }).click())
  await visit(page, J, '10-staff-invoice-paid')

  await page.getByRole('link', { name: 'All invoices' }).click()
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: invoiceNumber })).toContainText('Paid')
  await visit(page, J, '11-staff-invoices')
})
