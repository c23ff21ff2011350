// Shared journey helpers: axe on every page (zero violations is the bar) and screenshots saved for
// people to look at under e2e/screenshots/.
import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

const shotsDir = path.resolve(import.meta.dirname, 'screenshots')

/** Runs axe (WCAG 2.1 A/AA and best practices) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  expect(summary, `axe violations on ${label}`).toEqual([])
}

export async function screenshot(page: Page, journey: string, name: string): Promise<void> {
  const dir = path.join(shotsDir, journey)
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
}

/** Looks at a page the way the journeys require: wait for it to settle, check axe, save a screenshot. */
export async function visit(page: Page, journey: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, name)
  await screenshot(page, journey, name)
}
