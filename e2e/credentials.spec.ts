// Results, certificates and the registry, end to end: a new candidate passes MM and SRMT in the demo
// session running now (MS is awarded) and QBA in a second session of the demo center (MT1 is
// awarded); reads the score reports and downloads the certificate PDF and the Open Badges 3.0 badge;
// an employer opens the address the certificate's QR code encodes, mistypes a number and verifies a
// CSV file of applicants; program staff revoke the MT1 certificate with a reason, and the public
// page, the badge's status list and the candidate's certificates all show it revoked, and the holder
// can no longer download the badge or the PDF; anyone opens the address the badge names as its
// achievement and reads what MT1 is and what earns it. axe on every page. Most answers go in through
// the API (the staff item endpoint gives each correct response, in the identifiers the attempt
// shows); SRMT and QBA are begun, finished and submitted on the test screen.
// The second session is scheduled through the API a few seconds ahead, the only way a session can be
// made, and the journey waits for it to start: real time, so this runs on PostgreSQL too.
import fs from 'node:fs'
import { randomInt } from 'node:crypto'
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { expect, test, type Browser, type BrowserContext, type Download, type Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { certificateNumberFrom } from '../src/common/rules/certificate-number.js'
import type { Award, MyCredentialsView, MyCredentialView as Credential } from '../src/common/schemas/results.js'
import { apiLogin, apiRegister, beginTest, deviceOf, logIn, mapButton, openBeginPage, question, questionHeading, visit, visitModal, watchErrors, type ApiUser } from './support.js'

const J = 'credentials'
const PASSWORD = 'a long enough password'
const stamp = Date.now() % 1_000_000
const FIRST = 'Rosalind'
const LAST = `Certova${stamp}`
const HOLDER = `${FIRST} ${LAST}`
const EMAIL = `rosalind-${stamp}@example.com`
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

test.describe.configure({ mode: 'serial' })

interface AttemptView {
  id: string
  status: string
  items: { id: string; type: string }[]
}
interface Submitted {
  result: { module: string; percent: number; passed: boolean }
  awarded: Award[]
}

// What the tests of this journey hand on to the next (serial: a failure skips the rest).
const people: { staff?: ApiUser; proctor?: ApiUser; secondProctor?: ApiUser; candidate?: ApiUser } = {}
const state: { mt1?: Credential; verifyUrl?: string; statusList?: { url: string; index: number }; achievementUrl?: string } = {}
const heartbeats: ReturnType<typeof setInterval>[] = []
const contexts: BrowserContext[] = []

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined)
})

test.afterAll(async () => {
  for (const timer of heartbeats.splice(0)) clearInterval(timer)
  for (const who of Object.values(people)) await who?.dispose()
})

const staff = () => people.staff!
const proctor = () => people.proctor!
const candidate = () => people.candidate!

// ---------------------------------------------------------------------------------------------
// Helpers

/** The proctor's console heartbeat for a session, kept up through the API. */
async function keepProctorPresent(sessionId: string, by = proctor()): Promise<void> {
  const beat = () => by.post(`/api/v1/sessions/${sessionId}/presence`)
  await beat()
  heartbeats.push(setInterval(() => void beat().catch(() => undefined), 10_000))
}

/** Staff register the candidate (the override: the session is under 48 hours away) and the proctor checks them in. */
async function registerAndCheckIn(sessionId: string, modules: string[], by = proctor()): Promise<string> {
  const registration = await staff().post<{ id: string; status: string }>('/api/v1/admin/registrations', {
    candidateId: candidate().userId,
    sessionId,
    modules,
    overrideReason: 'Walk-in approved by the program office',
  })
  expect(registration.status).toBe('confirmed')
  await by.post(`/api/v1/sessions/${sessionId}/checkins`, { registrationId: registration.id, idVerified: true })
  return registration.id
}

/**
 * The key of an item in the identifiers the attempt shows its candidate (each attempt has its own;
 * the authored ones are refused): program staff ask for it with the attempt's id.
 */
const correctResponses = new Map<string, unknown>()
async function correctResponse(attemptId: string, itemId: string): Promise<unknown> {
  const key = `${attemptId}/${itemId}`
  if (!correctResponses.has(key)) {
    const item = await staff().get<{ correctResponse: unknown }>(`/api/v1/admin/items/${encodeURIComponent(itemId)}?attemptId=${encodeURIComponent(attemptId)}`)
    correctResponses.set(key, item.correctResponse)
  }
  return correctResponses.get(key)
}

/** Saves the correct answer to every question of the attempt but one, as the candidate's computer (its device header) would. */
async function answerAllBut(attempt: AttemptView, skip: string | null, device: Record<string, string>): Promise<void> {
  for (const item of attempt.items) {
    if (item.id === skip) continue
    await candidate().put(`/api/v1/attempts/${attempt.id}/responses/${encodeURIComponent(item.id)}`, { response: await correctResponse(attempt.id, item.id) }, device)
  }
}

/**
 * Takes a module on the test screen: started from the sitting page, every answer but the last
 * single-choice one saved through the API from this computer (its device id), that one chosen on
 * the screen, then review, submit and the result. Returns the certificates the candidate then holds.
 */
async function passOnTestScreen(page: Page, registrationId: string, module: { code: string; name: string }, shots: { dialog?: string; finished: string }): Promise<Credential[]> {
  await openBeginPage(page, registrationId, module)
  const attemptId = await beginTest(page)

  // The test screen holds the attempt to this computer: the API calls carry its device id.
  const device = await deviceOf(page)
  const attempt = await candidate().get<AttemptView>(`/api/v1/attempts/${attemptId}`, device)
  const total = attempt.items.length
  const lastChoice = attempt.items.map((item) => item.type).lastIndexOf('single_choice')
  expect(lastChoice, `${module.code} has a single-choice question`).toBeGreaterThanOrEqual(0)
  const target = attempt.items[lastChoice]!
  await answerAllBut(attempt, target.id, device)

  // A reload shows the saved answers; the last one is chosen on the screen.
  await page.reload()
  await expect(page.getByRole('button', { name: /^Question map/ })).toContainText(`${total - 1} of ${total} answered`)
  const n = lastChoice + 1
  await mapButton(page, n).click()
  await expect(questionHeading(page, n)).toBeVisible()
  const right = (await correctResponse(attemptId, target.id)) as { RESPONSE: string }
  await question(page, n).locator(`input[value="${right.RESPONSE}"]`).check()
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/)
  await expect(mapButton(page, n)).toHaveAccessibleName(`Question ${n}, answered`)

  await page.getByRole('button', { name: 'Review answers' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Review your answers' })).toBeVisible()
  await page.getByRole('button', { name: 'Submit test' }).click()
  const dialog = page.getByRole('dialog', { name: 'Submit your test?' })
  await expect(dialog).toContainText(`You have answered ${total} of ${total} questions.`)
  if (shots.dialog) await visitModal(page, J, shots.dialog)
  await dialog.getByRole('button', { name: 'Submit now' }).click()

  const finished = page.getByTestId('finished')
  await expect(finished).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `${module.name}: test submitted` })).toBeVisible()
  await expect(finished.getByRole('heading', { name: 'Your result' })).toBeVisible()
  await expect(finished.getByText('Passed', { exact: true })).toBeVisible()
  await expect(finished.getByText('100%', { exact: true })).toBeVisible()
  await visit(page, J, shots.finished)

  const scored = await candidate().get<AttemptView & { result: { passed: boolean } | null }>(`/api/v1/attempts/${attemptId}`, device)
  expect(scored.status).toBe('scored')
  expect(scored.result?.passed).toBe(true)
  return myCredentials()
}

async function myCredentials(): Promise<Credential[]> {
  return (await candidate().get<MyCredentialsView>('/api/v1/me/credentials')).items
}

async function logInCandidate(page: Page): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email: EMAIL, password: PASSWORD } })
  expect(res.status()).toBe(200)
}

/** Another person at another computer: their own browser context, US English. */
async function openBrowser(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', viewport: { width: 1280, height: 900 } })
  contexts.push(context)
  return context.newPage()
}

async function savedBytes(download: Download): Promise<Buffer> {
  const file = await download.path()
  return fs.readFileSync(file)
}

/** "May 2, 2025": how the registry shows a calendar date (en-US). */
const longDay = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

/** The same number with one character of its body typed wrong: the check character catches it. */
function mistype(number: string): string {
  const at = 6 // MT1-4K7QZ-…: the third character of the first group
  const wrong = ALPHABET[(ALPHABET.indexOf(number[at]!) + 1) % ALPHABET.length]!
  return number.slice(0, at) + wrong + number.slice(at + 1)
}

// ---------------------------------------------------------------------------------------------

test('session 1: the candidate passes MM and SRMT in the session running now, and MS is awarded', async ({ page, baseURL }) => {
  people.staff = await apiLogin(baseURL!, 'admin@demo.test')
  people.proctor = await apiLogin(baseURL!, 'proctor@demo.test')
  people.candidate = await apiRegister(baseURL!, { email: EMAIL, firstName: FIRST, lastName: LAST, password: PASSWORD })
  const errors = watchErrors(page)

  const sessions = (await staff().get<{ items: { id: string; status: string }[] }>('/api/v1/sessions')).items
  const live = sessions.find((s) => s.status === 'in_progress')
  expect(live, 'the demo session in progress now').toBeTruthy()
  const registrationId = await registerAndCheckIn(live!.id, ['MM', 'SRMT'])
  await keepProctorPresent(live!.id)

  // MM through the API alone, as a computer of its own (an attempt starts only with a device id).
  const device = { 'x-attempt-device': `e2e-credentials-${stamp}` }
  const mm = await candidate().post<AttemptView>('/api/v1/attempts', { registrationId, module: 'MM' }, device)
  await answerAllBut(mm, null, device)
  const mmDone = await candidate().post<Submitted>(`/api/v1/attempts/${mm.id}/submit`, {}, device)
  expect(mmDone.result).toEqual(expect.objectContaining({ module: 'MM', passed: true, percent: 100 }))
  expect(mmDone.awarded.map((a) => a.type)).toEqual(['MM'])

  // SRMT on the test screen; its result screen names the certificates it earned, MS among them.
  await logInCandidate(page)
  const held = await passOnTestScreen(page, registrationId, { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology' }, { dialog: '01-srmt-submit-dialog', finished: '02-srmt-finished' })
  const earned = page.getByRole('region', { name: 'Credentials earned' })
  await expect(earned).toBeVisible()
  const ms = held.find((a) => a.type === 'MS')
  expect(ms, 'MS is awarded when MM and SRMT are both passed').toBeTruthy()
  await expect(earned.getByRole('listitem').filter({ hasText: /^SRMT: certificate / })).toBeVisible()
  await expect(earned.getByRole('listitem').filter({ hasText: `MS: certificate ${ms!.certificateNumber}` })).toBeVisible()
  expect(held.map((c) => c.type).sort()).toEqual(['MM', 'MS', 'SRMT'])
  expect(errors).toEqual([])
})

test('session 2: a second session of the demo center, where the candidate passes QBA and MT1 is awarded', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  const sessions = (await staff().get<{ items: { id: string; centerId: string; status: string }[] }>('/api/v1/sessions')).items
  const centerId = sessions.find((s) => s.status === 'in_progress')!.centerId

  // A proctor is in one session at a time and the demo proctor runs the session in progress, so
  // staff certify a second proctor for this one.
  const email = `second-proctor-${stamp}@example.com`
  const account = await apiRegister(baseURL!, { email, firstName: 'Pat', lastName: `Second${stamp}`, password: PASSWORD })
  await staff().patch(`/api/v1/admin/users/${account.userId}`, { roles: ['proctor'] })
  await account.dispose()
  const since = new Date(Date.now() - 30 * 24 * 3600_000).toISOString()
  await staff().put(`/api/v1/admin/proctors/${account.userId}/certification`, {
    trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(Date.now() + 365 * 24 * 3600_000).toISOString(), status: 'certified',
  })
  people.secondProctor = await apiLogin(baseURL!, email, PASSWORD)
  const secondProctor = people.secondProctor

  // Staff schedule it a few seconds ahead (a new session must start in the future), with that proctor.
  const startsAt = Date.now() + 4_000
  const second = await staff().post<{ id: string; startsAt: string }>('/api/v1/sessions', {
    centerId,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3600_000).toISOString(),
    seats: 10,
    modules: ['QBA'],
    proctorIds: [secondProctor.userId],
  })
  const registrationId = await registerAndCheckIn(second.id, ['QBA'], secondProctor)
  await keepProctorPresent(second.id, secondProctor)
  // Attempts start only once the session has: wait out the seconds that are left.
  const wait = Date.parse(second.startsAt) + 500 - Date.now()
  if (wait > 0) await page.waitForTimeout(wait)

  await logInCandidate(page)
  const held = await passOnTestScreen(page, registrationId, { code: 'QBA', name: 'Quality and Business Acumen' }, { finished: '03-qba-finished' })
  const mt1 = held.find((a) => a.type === 'MT1')
  expect(mt1, 'MT1 is awarded when all three modules are passed').toBeTruthy()
  await expect(page.getByRole('region', { name: 'Credentials earned' }).getByRole('listitem').filter({ hasText: `MT1: certificate ${mt1!.certificateNumber}` })).toBeVisible()

  // MT1 is dated the day its last module (QBA) was passed.
  expect(held.map((c) => c.type).sort()).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
  const byType = new Map(held.map((c) => [c.type, c]))
  expect(byType.get('MT1')!.issuedOn).toBe(byType.get('QBA')!.issuedOn)
  expect(byType.get('MT1')!.issuedOn >= byType.get('MS')!.issuedOn).toBe(true)
  expect(held.every((c) => c.status === 'active')).toBe(true)
  state.mt1 = byType.get('MT1')!
  expect(errors).toEqual([])
})

test('the candidate reads the score reports and downloads the certificate PDF and the badge', async ({ page, baseURL }) => {
  const mt1 = state.mt1!
  const errors = watchErrors(page)
  await logInCandidate(page)

  // Results: one card per module, each passed, with its score report as a PDF.
  await page.goto('/results')
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible()
  for (const name of ['Math and Measurement (MM)', 'Spatial Reasoning and Manufacturing Technology (SRMT)', 'Quality and Business Acumen (QBA)']) {
    const card = page.getByRole('region', { name })
    await expect(card.getByText('Passed', { exact: true })).toBeVisible()
    await expect(card.locator('.result-card__percent')).toHaveText('100%')
    await expect(card.getByRole('table', { name: /Skill subscores/ })).toBeVisible()
  }
  await visit(page, J, '04-results')
  const reportLink = page.getByRole('region', { name: 'Quality and Business Acumen (QBA)' }).getByRole('link', { name: /Download score report \(PDF\)/ })
  const [report] = await Promise.all([page.waitForEvent('download'), reportLink.click()])
  expect((await savedBytes(report)).subarray(0, 5).toString()).toBe('%PDF-')
  const reportRes = await page.request.get((await reportLink.getAttribute('href'))!)
  expect(reportRes.status()).toBe(200)
  expect(reportRes.headers()['content-type']).toContain('application/pdf')

  // Certificates: all five, active; the MT1 certificate and badge download.
  await page.getByRole('link', { name: 'Your certificates' }).click()
  await expect(page).toHaveURL(/\/credentials$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Your certificates' })).toBeVisible()
  const mt1Item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Manufacturing Technician Level 1 (MT1)' }) })
  await expect(mt1Item).toContainText(mt1.certificateNumber)
  await expect(mt1Item.getByText('Active', { exact: true })).toBeVisible()
  // The highest credential first, then the module certificates in the program's order.
  await expect(page.locator('li.credential h2')).toHaveText([
    'Manufacturing Technician Level 1 (MT1)',
    'Manufacturing Specialist (MS)',
    'Math and Measurement certificate (MM)',
    'Spatial Reasoning and Manufacturing Technology certificate (SRMT)',
    'Quality and Business Acumen certificate (QBA)',
  ])
  await visit(page, J, '05-credentials')

  const pdfLink = mt1Item.getByRole('link', { name: /Download certificate \(PDF\)/ })
  const [certificate] = await Promise.all([page.waitForEvent('download'), pdfLink.click()])
  const pdf = await savedBytes(certificate)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const pdfRes = await page.request.get((await pdfLink.getAttribute('href'))!)
  expect(pdfRes.status()).toBe(200)
  expect(pdfRes.headers()['content-type']).toContain('application/pdf')
  // The QR code (and the link over it) opens the number's registry page at the public address.
  const verifyUrl = `${baseURL}/registry/${mt1.certificateNumber}`
  expect(pdf.includes(Buffer.from(verifyUrl)), `the certificate links ${verifyUrl}`).toBe(true)
  state.verifyUrl = verifyUrl

  const [badgeFile] = await Promise.all([page.waitForEvent('download'), mt1Item.getByRole('link', { name: /Download badge \(Open Badges 3\.0\)/ }).click()])
  const badge = JSON.parse((await savedBytes(badgeFile)).toString('utf8')) as {
    type: string[]
    proof?: object | object[]
    credentialSubject: { achievement?: { id?: string; name?: string } }
    credentialStatus: { statusListCredential: string; statusListIndex: string; statusPurpose: string }
  }
  expect(badge.type).toContain('OpenBadgeCredential')
  // The proof: one object or (as the signing library writes it) a set of them.
  expect([badge.proof ?? []].flat()).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: expect.any(String) })])
  expect(badge.credentialStatus.statusPurpose).toBe('revocation')
  state.statusList = { url: badge.credentialStatus.statusListCredential, index: Number(badge.credentialStatus.statusListIndex) }
  state.achievementUrl = badge.credentialSubject.achievement?.id
  expect(state.achievementUrl).toBe(`${baseURL}/achievements/MT1`)
  expect(await revocationBit(page)).toBe(false)
  expect(errors).toEqual([])
})

/** The MT1 badge's bit in its revocation status list, read from the public list. */
async function revocationBit(page: Page): Promise<boolean> {
  const res = await page.request.get(state.statusList!.url)
  expect(res.status()).toBe(200)
  const list = (await res.json()) as { type: string[]; credentialSubject: { encodedList: string } }
  expect(list.type).toContain('BitstringStatusListCredential')
  return (await decodeList({ encodedList: list.credentialSubject.encodedList })).getStatus(state.statusList!.index)
}

test('an employer verifies the number at the QR address, is told of a typo, and checks a CSV of applicants', async ({ browser, baseURL }) => {
  const mt1 = state.mt1!
  const employer = await openBrowser(browser, baseURL!)
  const errors = watchErrors(employer)
  await logIn(employer, 'employer@demo.test')

  // The address the QR code opens.
  await employer.goto(state.verifyUrl!)
  const result = employer.locator('.registry-result')
  await expect(result.getByRole('heading', { level: 2, name: 'Valid: this certificate is genuine and active' })).toBeVisible()
  await expect(result).toContainText(`Holder${HOLDER}`)
  await expect(result).toContainText('Manufacturing Technician Level 1 (MT1)')
  await expect(result).toContainText(`Issued${longDay(mt1.issuedOn)}`)
  await expect(result).toContainText('StatusActive')
  await expect(result).toContainText(mt1.certificateNumber)
  await visit(employer, J, '06-employer-qr-valid')

  // One character off: the registry says it looks mistyped, not that it does not exist.
  const lookup = employer.getByRole('region', { name: 'Look up a certificate number' })
  await lookup.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(mistype(mt1.certificateNumber))
  await lookup.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(result.getByText('This number looks mistyped')).toBeVisible()
  await expect(result.getByText('No certificate has this number')).toHaveCount(0)
  await visit(employer, J, '07-employer-mistyped')

  // A CSV of applicants: the holder (with the name they gave), a well-formed number nobody holds, a typo.
  const unknown = certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))
  const typo = mistype(mt1.certificateNumber)
  const csv = `certificate number,name\n${mt1.certificateNumber},${HOLDER}\n${unknown},Someone Else\n${typo},${HOLDER}\n`
  await employer.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'applicants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await employer.getByRole('button', { name: 'Verify the file' }).click()
  await expect(employer.getByText('3 rows verified. Your results file is ready.')).toBeVisible()
  const [download] = await Promise.all([employer.waitForEvent('download'), employer.getByRole('link', { name: 'Download the results (CSV)' }).click()])
  expect(download.suggestedFilename()).toBe('mt1-verification-results.csv')
  const rows = parse((await savedBytes(download)).toString('utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  expect(rows).toEqual([
    { input: mt1.certificateNumber, name: HOLDER, certificateNumber: mt1.certificateNumber, result: 'valid', type: 'MT1', holderName: HOLDER, issuedOn: mt1.issuedOn, nameMatches: 'true' },
    { input: unknown, name: 'Someone Else', certificateNumber: unknown, result: 'not_found', type: '', holderName: '', issuedOn: '', nameMatches: '' },
    { input: typo, name: HOLDER, certificateNumber: '', result: 'mistyped', type: '', holderName: '', issuedOn: '', nameMatches: '' },
  ])
  await visit(employer, J, '08-employer-bulk-csv')
  expect(errors).toEqual([])
})

test('staff revoke the MT1 certificate: the public page, the status list and the holder all show it revoked', async ({ page, browser, baseURL }) => {
  const mt1 = state.mt1!
  const errors = watchErrors(page)
  const admin = await openBrowser(browser, baseURL!)
  const adminErrors = watchErrors(admin)
  await logIn(admin, 'admin@demo.test')
  await admin.getByRole('link', { name: 'Registry and revocation' }).click()
  await expect(admin).toHaveURL(/\/staff\/registry$/)
  await admin.getByRole('textbox', { name: 'Certificate number', exact: true }).fill(mt1.certificateNumber)
  await admin.getByRole('button', { name: 'Open' }).click()
  await expect(admin.getByRole('heading', { name: 'Revoke this certificate' })).toBeVisible()
  await expect(admin.getByText(`${HOLDER} · ${EMAIL}`)).toBeVisible()
  await admin.getByLabel('Reason').fill('Identity fraud confirmed at the QBA sitting (incident report 42).')
  await admin.getByRole('button', { name: 'Revoke certificate' }).click()
  await expect(admin.getByText(`${mt1.certificateNumber} is now revoked.`, { exact: false })).toBeVisible()
  await expect(admin.getByRole('heading', { name: 'Reinstate this certificate' })).toBeVisible()
  await visit(admin, J, '09-staff-revoked')

  // The employer reloads the QR page: revoked.
  const employer = await openBrowser(browser, baseURL!)
  const employerErrors = watchErrors(employer)
  await logIn(employer, 'employer@demo.test')
  await employer.goto(state.verifyUrl!)
  const result = employer.locator('.registry-result')
  await expect(result.getByRole('heading', { level: 2, name: 'Revoked: this certificate is no longer valid' })).toBeVisible()
  await expect(result).toContainText(HOLDER)
  await expect(result).toContainText(/StatusRevoked since /)
  await visit(employer, J, '10-employer-qr-revoked')
  await employer.reload()
  await expect(result.getByRole('heading', { level: 2, name: 'Revoked: this certificate is no longer valid' })).toBeVisible()
  const registry = await employer.request.get(`/api/v1/registry/${mt1.certificateNumber}`)
  expect(await registry.json()).toEqual(expect.objectContaining({ certificateNumber: mt1.certificateNumber, status: 'revoked' }))

  // The badge's status list has its bit set.
  expect(await revocationBit(page)).toBe(true)

  // The holder sees it revoked, without the documents to download; the other certificates stay.
  await logInCandidate(page)
  await page.goto('/credentials')
  const mt1Item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Manufacturing Technician Level 1 (MT1)' }) })
  await expect(mt1Item.getByText('Revoked', { exact: true })).toBeVisible()
  await expect(mt1Item.getByRole('link', { name: /Download/ })).toHaveCount(0)
  await expect(mt1Item).toContainText('The program revoked this certificate and emailed you the reason.')
  await expect(page.locator('li.credential').getByText('Active', { exact: true })).toHaveCount(4)
  await visit(page, J, '11-credentials-revoked')
  expect((await myCredentials()).find((c) => c.type === 'MT1')?.status).toBe('revoked')
  // Nor can the holder fetch them by their addresses: the badge is refused as the PDF is.
  for (const kind of ['ob3', 'pdf']) {
    const refused = await page.request.get(`/api/v1/me/credentials/${mt1.certificateNumber}/${kind}`)
    expect(refused.status(), kind).toBe(409)
    expect((await refused.json()).error.code).toBe('CONFLICT')
  }

  expect(errors).toEqual([])
  expect(adminErrors).toEqual([])
  expect(employerErrors).toEqual([])
})

test('anyone opens the achievement the badge names: what MT1 is, what earns it, who issues it, where to verify', async ({ browser, baseURL }) => {
  const visitor = await openBrowser(browser, baseURL!)
  const errors = watchErrors(visitor)
  const opened = await visitor.goto(state.achievementUrl!)
  expect(opened?.status()).toBe(200)
  await expect(visitor.getByRole('heading', { level: 1, name: 'Manufacturing Technician Level 1' })).toBeVisible()
  await expect(visitor.getByText('Awarded when all three certificate modules are passed.')).toBeVisible()
  await expect(visitor.locator('.details-list')).toContainText('Issued byManufacturing Skills Institute')
  const criteria = visitor.getByRole('region', { name: 'How it is earned' })
  await expect(criteria.getByRole('listitem')).toHaveText([
    'Pass Math and Measurement (MM) with 75% or higher',
    'Pass Spatial Reasoning and Manufacturing Technology (SRMT) with 75% or higher',
    'Pass Quality and Business Acumen (QBA) with 75% or higher',
  ])
  await expect(criteria).toContainText('the certification is dated when the last one is passed')
  await expect(visitor.getByRole('region', { name: 'Skills it covers' }).locator('dt')).toHaveCount(12)
  const registryLink = visitor.getByRole('link', { name: 'Verify a certificate in the registry' })
  await expect(registryLink).toHaveAttribute('href', '/registry')
  await visit(visitor, J, '12-achievement-mt1')

  // MS is MM + SRMT; the registry link leads to the lookup.
  await visitor.goto('/achievements/MS')
  await expect(visitor.getByRole('heading', { level: 1, name: 'Manufacturing Specialist' })).toBeVisible()
  await expect(visitor.getByRole('region', { name: 'How it is earned' }).getByRole('listitem')).toHaveText([
    'Pass Math and Measurement (MM) with 75% or higher',
    'Pass Spatial Reasoning and Manufacturing Technology (SRMT) with 75% or higher',
  ])
  await visitor.getByRole('link', { name: 'Verify a certificate in the registry' }).click()
  await expect(visitor).toHaveURL(/\/registry$/)

  // A verifier asking for JSON at the same address gets the Open Badges 3.0 Achievement.
  const json = await visitor.request.get(state.achievementUrl!, { headers: { accept: 'application/json' } })
  expect(json.status()).toBe(200)
  expect(await json.json()).toEqual(expect.objectContaining({ id: state.achievementUrl, type: ['Achievement'], name: 'Manufacturing Technician Level 1', achievementType: 'Certification' }))

  // A code the program does not award: the page says so, and the server answers 404.
  const unknown = await visitor.goto('/achievements/XYZ')
  expect(unknown?.status()).toBe(404)
  await expect(visitor.getByRole('heading', { level: 1, name: 'Credential not found' })).toBeVisible()
  await visit(visitor, J, '13-achievement-unknown')
  expect(errors).toEqual([])
})
