// Issue 2 journey: a visitor reads the modules page, registers, logs in, sees the candidate
// dashboard and logs out; a handbook request is answered by program staff.
import { expect, test } from '@playwright/test'
import { visit } from './support.js'

const J = 'foundation'

test('a visitor becomes a candidate and staff answer a handbook request', async ({ page }) => {
  const email = `visitor-${Date.now()}@example.com`
  const password = 'a long enough password'

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await visit(page, J, '01-home')

  await page.getByRole('navigation', { name: /main|primary/i }).getByRole('link', { name: /modules/i }).first().click()
  await expect(page).toHaveURL(/\/modules$/)
  await expect(page.getByRole('heading', { name: /Math and Measurement/i })).toBeVisible()
  await expect(page.getByText(/Spatial Reasoning and Manufacturing Technology/).first()).toBeVisible()
  await expect(page.getByText(/Financial Literacy and Business Acumen/).first()).toBeVisible()
  await visit(page, J, '02-modules')

  for (const [path, name] of [['/about', '03-about'], ['/eligibility', '04-eligibility'], ['/apply', '05-apply'], ['/accommodations', '06-accommodations'], ['/employers', '07-employers'], ['/centers', '08-centers']] as const) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await visit(page, J, name)
  }
  await expect(page.getByText('MT1 Demo Assessment Center').first()).toBeVisible()

  // The handbook request, made in writing on the public site.
  await page.goto('/handbook')
  await page.getByLabel('Your name').fill('Jordan Visitor')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel(/Organization/).fill('Visitor Fabrication LLC')
  await page.getByRole('button', { name: /request the handbook/i }).click()
  await expect(page.getByRole('status').filter({ hasText: /received|thank/i })).toBeVisible()
  await visit(page, J, '09-handbook-requested')

  // Register.
  await page.goto('/register')
  await visit(page, J, '10-register')
  await page.getByLabel('First name').fill('Jordan')
  await page.getByLabel('Last name').fill('Visitor')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: false }).first().fill(password)
  await page.getByRole('button', { name: /create account|register/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Jordan|dashboard/i)

  // Log out, then log in again.
  await page.getByRole('button', { name: /log out/i }).click()
  await expect(page.getByRole('link', { name: /log in/i }).first()).toBeVisible()
  await page.goto('/login')
  await visit(page, J, '11-login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('not the password')
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page.getByRole('alert')).toContainText(/not right|incorrect|wrong/i)
  await visit(page, J, '12-login-error')
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  await expect(page.getByText(/Manufacturing Specialist/).first()).toBeVisible()
  await visit(page, J, '13-candidate-dashboard')
  await page.getByRole('button', { name: /log out/i }).click()
  await expect(page.getByRole('link', { name: /log in/i }).first()).toBeVisible()

  // Program staff answer the request.
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill('admin@demo.test')
  await page.getByLabel('Password', { exact: true }).fill('mt1-demo')
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  await visit(page, J, '14-staff-dashboard')
  await page.goto('/staff/handbook-requests')
  const request = page.getByRole('row').filter({ hasText: email })
  await expect(request).toBeVisible()
  await visit(page, J, '15-handbook-queue')
  await request.getByRole('button', { name: /mark fulfilled/i }).click()
  const fulfil = page.getByRole('form', { name: /fulfilled$/ })
  await fulfil.getByLabel('Fulfilment note').fill('PDF sent by email today.')
  await visit(page, J, '16-fulfil-form')
  await fulfil.getByRole('button', { name: /confirm fulfilled/i }).click()
  await expect(page.getByText(/fulfilled/i).first()).toBeVisible()
  await visit(page, J, '17-fulfilled')

  // The requester was told, through the outbox on this install without SMTP.
  await page.goto('/staff/outbox')
  await expect(page.getByText('Your MT1 Handbook', { exact: true }).first()).toBeVisible()
  await visit(page, J, '18-outbox')
})

test('the public pages read well on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [path, name] of [['/', 'm01-home'], ['/modules', 'm02-modules'], ['/login', 'm03-login']] as const) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await visit(page, J, name)
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
  expect(overflow).toBe(false)
})
