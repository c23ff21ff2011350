// Portable credentials, end to end: a new candidate passes QBA in the demo session running now (through
// the API: the test screen has journeys of its own), records their NCRC, opens their certificates and
// downloads their Comprehensive Learner Record (CLR 2.0), saved as MT1-learner-record-<name>.json,
// which bundles the signed QBA badge and names the NCRC; and anyone reads the program in CTDL.
// axe on every page.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { CANDIDATE_PASSWORD, candidateInLiveSession, keepProctorPresent, logIn, visit, watchErrors, type LiveSitting } from './support.js'

const J = 'clr'

test.describe.configure({ mode: 'serial' })

let sitting: LiveSitting | undefined
let stopPresence: (() => void) | undefined

test.afterAll(async () => {
  stopPresence?.()
  await sitting?.dispose()
})

interface AttemptView {
  id: string
  items: { id: string }[]
}

test('a holder downloads their learner record (CLR 2.0) from the credentials page', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  sitting = await candidateInLiveSession(baseURL!, { label: 'Clr', modules: ['QBA'], checkIn: true })
  stopPresence = await keepProctorPresent(sitting)
  const { staff, candidate } = sitting

  // QBA through the API alone, as a computer of its own, every answer the key staff read for this attempt.
  const device = { 'x-attempt-device': `e2e-clr-${Date.now()}` }
  const attempt = await candidate.post<AttemptView>('/api/v1/attempts', { registrationId: sitting.registrationId, module: 'QBA' }, device)
  for (const item of attempt.items) {
    const key = await staff.get<{ correctResponse: unknown }>(`/api/v1/admin/items/${encodeURIComponent(item.id)}?attemptId=${encodeURIComponent(attempt.id)}`)
    await candidate.put(`/api/v1/attempts/${attempt.id}/responses/${encodeURIComponent(item.id)}`, { response: key.correctResponse }, device)
  }
  const submitted = await candidate.post<{ awarded: { type: string; certificateNumber: string }[] }>(`/api/v1/attempts/${attempt.id}/submit`, {}, device)
  expect(submitted.awarded.map((a) => a.type)).toEqual(['QBA'])
  await candidate.put('/api/v1/me/profile', { ncrcLevel: 'Gold', ncrcNumber: 'NCRC-E2E-1' })

  await logIn(page, sitting.email, CANDIDATE_PASSWORD)
  await page.goto('/credentials')
  const record = page.getByRole('region', { name: 'Your learner record' })
  await expect(record).toBeVisible()
  const link = record.getByRole('link', { name: 'Download my learner record (CLR 2.0)' })
  await expect(link).toBeVisible()
  await visit(page, J, '01-credentials-with-learner-record')

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const [first, last] = sitting.name.split(' ')
  expect(download.suggestedFilename()).toBe(`MT1-learner-record-${first}-${last}.json`)
  const clr = JSON.parse(fs.readFileSync(await download.path(), 'utf8'))
  expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential'])
  expect(clr.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' })
  expect(clr.credentialSubject.verifiableCredential.map((c: { id: string }) => c.id)).toEqual([`${baseURL}/registry/${submitted.awarded[0]!.certificateNumber}`])
  expect(clr.credentialSubject.achievement.map((a: { humanCode: string }) => a.humanCode)).toContain('NCRC-Gold')
  expect(errors).toEqual([])
})

test('a candidate with no certificate yet is not offered a learner record', async ({ page, baseURL }) => {
  const other = await candidateInLiveSession(baseURL!, { label: 'Clrnone', modules: ['MM'], checkIn: false })
  try {
    await logIn(page, other.email, CANDIDATE_PASSWORD)
    await page.goto('/credentials')
    await expect(page.getByText('You have no certificates yet.')).toBeVisible()
    await expect(page.getByRole('link', { name: /learner record/ })).toHaveCount(0)
    await visit(page, J, '02-credentials-none-yet')
  } finally {
    await other.dispose()
  }
})

test('anyone reads the program in CTDL as JSON-LD', async ({ request, baseURL }) => {
  const res = await request.get('/api/v1/program/ctdl')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('application/ld+json; charset=utf-8')
  const doc = await res.json()
  expect(doc['@context']).toBe('https://credreg.net/ctdl/schema/context/json')
  const names = doc['@graph'].map((n: Record<string, { 'en-US': string }>) => n['ceterms:name']!['en-US'])
  expect(names).toEqual(expect.arrayContaining(['Manufacturing Skills Institute', 'Manufacturing Specialist', 'Manufacturing Technician Level 1']))
  for (const n of doc['@graph']) expect(n['@id']).toMatch(new RegExp(`^${baseURL}/api/v1/program/ctdl#ce-`))
})
