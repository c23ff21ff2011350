// Instructor-led training journey (issue 13): staff certify a trainer and schedule a course with them
// at the demo center; a candidate finds the course on the finder and enrols; the trainer records the
// candidate present at the first meeting and marks the course completed for them; the candidate sees
// it on My training; and the center administrator's attempt to make that trainer proctor a session
// the candidate is registered for is refused with a clear message (ISO/IEC 17024 impartiality).
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { emlText } from '../test/helpers/mail.js'
import { utcToZonedWallTime } from '../src/common/time-zones.js'
import { apiLogin, apiRegister, visit, visitModal } from './support.js'

const J = 'training'
const DEMO_PASSWORD = 'mt1-demo'
const PASSWORD = 'a long enough password'
const DAY = 86_400_000
const NEW_YORK = 'America/New_York'
const stamp = Date.now() % 1_000_000
const trainer = { firstName: 'Toni', lastName: `Trainer${stamp}`, email: `toni-trainer-${stamp}@example.com` }
const candidate = { firstName: 'Cam', lastName: `Learner${stamp}`, email: `cam-learner-${stamp}@example.com` }
const title = `Calipers and micrometers ${stamp}`

test.describe.configure({ mode: 'serial' })

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page).toHaveURL(/\/dashboard/)
}

let trainerId = ''
let candidateId = ''

test('staff certify a new trainer', async ({ page, baseURL }) => {
  const staff = await apiLogin(baseURL!, 'admin@demo.test')
  const t = await apiRegister(baseURL!, { ...trainer, password: PASSWORD })
  trainerId = t.userId
  // The trainer also proctors, which is what impartiality is about.
  await staff.patch(`/api/v1/admin/users/${trainerId}`, { roles: ['trainer', 'proctor'] })
  const since = new Date(Date.now() - 30 * DAY).toISOString()
  await staff.put(`/api/v1/admin/proctors/${trainerId}/certification`, { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(Date.now() + 365 * DAY).toISOString(), status: 'certified' })
  await Promise.all([staff.dispose(), t.dispose()])

  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Trainers', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Trainers' })).toBeVisible()
  const row = page.getByRole('table', { name: /Trainers and their certification periods/ }).getByRole('row').filter({ hasText: trainer.email })
  await expect(row).toContainText('No certification yet')
  await row.getByRole('button', { name: `Certify ${trainer.firstName} ${trainer.lastName}` }).click()
  const form = page.getByRole('form', { name: `Certification of ${trainer.firstName} ${trainer.lastName}` })
  const today = new Date().toISOString().slice(0, 10)
  const nextYear = new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10)
  await form.getByLabel('Trainer training completed on').fill(today)
  await form.getByLabel('Trainer agreement signed on').fill(today)
  await form.getByLabel('Conflict-of-interest declared on').fill(today)
  await form.getByLabel('Certified until').fill(nextYear)
  await form.getByRole('button', { name: 'Save certification' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${trainer.firstName} ${trainer.lastName}'s certification has been saved.` })).toBeVisible()
  await expect(row).toContainText('Certified')
  await visit(page, J, '01-staff-trainers')
})

test('staff schedule a course with the trainer at the demo center', async ({ page }) => {
  await logIn(page, 'admin@demo.test')
  await page.getByRole('link', { name: 'Courses', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Schedule a course' })
  // Nothing filled: the error summary names what is missing.
  await form.getByRole('button', { name: 'Schedule the course' }).click()
  await expect(form.getByRole('alert')).toContainText("Enter the course's title.")
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('Module').selectOption('MM')
  await form.getByRole('checkbox', { name: 'Measurement (MEAS)' }).check()
  const trainerChoice = form.getByLabel('Trainer', { exact: true })
  await expect(trainerChoice.locator('option', { hasText: `${trainer.firstName} ${trainer.lastName} — certified until` })).toHaveCount(1)
  await trainerChoice.selectOption(trainerId)
  await form.getByLabel('Center').selectOption({ label: 'MT1 Demo Assessment Center (Richmond, VA)' })
  // The first meeting has begun this hour in Richmond (so the trainer can take attendance today); a second one in a week.
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000
  const wall = (ms: number) => utcToZonedWallTime(new Date(ms).toISOString(), NEW_YORK)
  await form.getByLabel(/^Meeting 1 starts/).fill(wall(hour))
  await form.getByLabel(/^Meeting 1 ends/).fill(wall(hour + 3 * 3_600_000))
  await form.getByRole('button', { name: 'Add a meeting' }).click()
  await form.getByLabel(/^Meeting 2 starts/).fill(wall(hour + 7 * DAY))
  await form.getByLabel(/^Meeting 2 ends/).fill(wall(hour + 7 * DAY + 3 * 3_600_000))
  await form.getByLabel('Seats').fill('6')
  await form.getByRole('button', { name: 'Schedule the course' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${title} is scheduled at MT1 Demo Assessment Center` })).toBeVisible()
  const row = page.getByRole('table', { name: 'Every course' }).getByRole('row').filter({ hasText: title })
  await expect(row).toContainText(`${trainer.firstName} ${trainer.lastName}`)
  await expect(row).toContainText('0 enrolled')
  await expect(row).toContainText(/E[SD]T/)
  await visit(page, J, '02-staff-courses')
})

test('a candidate finds the course and enrols', async ({ page, baseURL }) => {
  const c = await apiRegister(baseURL!, { ...candidate, password: PASSWORD })
  candidateId = c.userId
  await c.dispose()
  await logIn(page, candidate.email, PASSWORD)
  await page.getByRole('contentinfo').getByRole('link', { name: 'Training courses' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find a training course' })).toBeVisible()
  await page.getByLabel('State').fill('va')
  await page.getByLabel('Module').selectOption({ label: 'Math and Measurement' })
  await page.getByLabel('Skill').selectOption({ label: 'Measurement' })
  await page.getByRole('button', { name: 'Find courses' }).click()
  const row = page.getByRole('table', { name: 'Courses, soonest first' }).getByRole('row').filter({ hasText: title })
  await expect(row).toContainText('6')
  await expect(row).toContainText('Free')
  await visit(page, J, '03-course-finder')
  await row.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Times at the place: Eastern Time, EST/EDT.')).toBeVisible()
  await expect(page.getByText("The course's trainer and its center see your Learning Lab progress")).toBeVisible()
  await page.getByRole('button', { name: `Enrol in ${title}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You are enrolled in ${title}: your seat is confirmed.` })).toBeVisible()
  await visit(page, J, '04-enrolled')
})

test('the learner practises Measurement before the course: two answers, neither right', async ({ baseURL }) => {
  const c = await apiLogin(baseURL!, candidate.email, PASSWORD)
  try {
    const set = await c.post<{ id: string; items: { id: string }[] }>('/api/v1/learning/practice-sets', { skill: 'MEAS' })
    for (const item of set.items.slice(0, 2)) await c.post(`/api/v1/learning/practice-sets/${set.id}/items/${item.id}/answer`, { response: {} })
  } finally {
    await c.dispose()
  }
})

test('the trainer records attendance for the first meeting and marks completion', async ({ page }) => {
  await logIn(page, trainer.email, PASSWORD)
  await page.getByRole('link', { name: 'Your courses' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  await visit(page, J, '05-trainer-courses')
  await page.getByRole('link', { name: `Attendance and completion for ${title}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Roster: ${title}` })).toBeVisible()
  const attendance = page.getByRole('form', { name: /^Meeting 1:/ })
  const present = attendance.getByRole('radio', { name: 'Present' })
  // Keyboard: the pair is one radio group per learner; Space marks the focused choice.
  await present.focus()
  await page.keyboard.press('Space')
  await expect(present).toBeChecked()
  await attendance.getByRole('button', { name: 'Save attendance for meeting 1' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Attendance for meeting 1 is saved: 1 present, 0 absent.' })).toBeVisible()
  const completion = page.getByRole('form', { name: `Completion of ${candidate.firstName} ${candidate.lastName}` })
  await completion.getByLabel(`Completion of ${candidate.firstName} ${candidate.lastName}`).selectOption('completed')
  await completion.getByLabel(`Note on ${candidate.firstName} ${candidate.lastName}`).fill('Read a 0-1 inch micrometer to the thousandth')
  await completion.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByRole('status').filter({ hasText: `${candidate.firstName} ${candidate.lastName}: completed.` })).toBeVisible()
  const summary = page.getByRole('table', { name: `Learners of ${title}, with attendance and completion` }).getByRole('row').filter({ hasText: candidate.email })
  await expect(summary).toContainText('Present')
  await expect(summary).toContainText('1 of 1')
  await expect(summary).toContainText('Completed')
  // The learner's Learning Lab progress in the course's skill, as the trainer reads it.
  const progress = page.getByRole('table', { name: `Learning Lab progress of the learners of ${title}` }).getByRole('row').filter({ hasText: `${candidate.firstName} ${candidate.lastName}` })
  await expect(progress).toContainText('0 of 2 right')
  await expect(progress).toContainText('0 of 1')
  await expect(progress).not.toContainText('Not yet')
  await visit(page, J, '06-roster-recorded')
})

test('the candidate sees their attendance and completion', async ({ page }) => {
  await logIn(page, candidate.email, PASSWORD)
  await page.getByRole('link', { name: 'My training' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible()
  const course = page.getByRole('region', { name: title, exact: true })
  await expect(course).toContainText('Completed — Read a 0-1 inch micrometer to the thousandth')
  const table = course.getByRole('table', { name: `Your attendance in ${title}` })
  await expect(table.getByRole('row').filter({ hasText: 'Meeting 1' })).toContainText('Present')
  await expect(table.getByRole('row').filter({ hasText: 'Meeting 2' })).toContainText('Still to come')
  await visit(page, J, '07-my-training')
})

test("the center cannot make the trainer proctor a session the candidate sits: impartiality", async ({ page, baseURL }) => {
  // A session at the demo center in five days with a proctor of its own, and the candidate registered for it.
  const staff = await apiLogin(baseURL!, 'admin@demo.test')
  const p = await apiRegister(baseURL!, { firstName: 'Pia', lastName: `Proctor${stamp}`, email: `pia-proctor-${stamp}@example.com`, password: PASSWORD })
  await staff.patch(`/api/v1/admin/users/${p.userId}`, { roles: ['proctor'] })
  const since = new Date(Date.now() - 30 * DAY).toISOString()
  await staff.put(`/api/v1/admin/proctors/${p.userId}/certification`, { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(Date.now() + 365 * DAY).toISOString(), status: 'certified' })
  const centers = (await staff.get<{ items: { id: string; name: string }[] }>('/api/v1/centers')).items
  const centerId = centers.find((c) => c.name === 'MT1 Demo Assessment Center')!.id
  const start = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 5 * DAY + 2 * 3_600_000
  const session = await staff.post<{ id: string }>('/api/v1/sessions', {
    centerId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString(), seats: 5, modules: ['MM'], proctorIds: [p.userId],
  })
  const learner = await apiLogin(baseURL!, candidate.email, PASSWORD)
  await learner.post('/api/v1/registrations', { sessionId: session.id, modules: ['MM'] })
  expect(candidateId).toBeTruthy()
  await Promise.all([staff.dispose(), p.dispose(), learner.dispose()])

  await logIn(page, 'center@demo.test')
  await page.goto(`/center/sessions/${session.id}`)
  const edit = page.getByRole('form', { name: 'Edit the session' })
  await edit.getByRole('group', { name: 'Proctors' }).getByRole('checkbox', { name: new RegExp(`${trainer.firstName} ${trainer.lastName}`) }).check()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  const summary = edit.getByRole('alert').filter({ hasText: 'There is a problem' })
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('1 registered candidate was trained by a proctor you assigned within the 12 months before this session')
  await expect(summary).toContainText('Assign another certified proctor.')
  // The center hears how many, never who.
  await expect(summary).not.toContainText(candidate.lastName)
  await visit(page, J, '08-impartiality-refused')
  // Nothing changed: the session keeps its own proctor.
  await page.reload()
  await expect(page.getByRole('form', { name: 'Edit the session' }).getByRole('checkbox', { name: new RegExp(`${trainer.firstName} ${trainer.lastName}`) })).not.toBeChecked()
})

test('an employer sponsors a Learning Lab seat, the employee accepts it, and the center lists its courses', async ({ page, baseURL }) => {
  const employee = { firstName: 'Eli', lastName: `Employee${stamp}`, email: `eli-employee-${stamp}@example.com` }
  await logIn(page, 'employer@demo.test')
  await page.getByRole('link', { name: 'Sponsor training for employees' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsor training' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Sponsor seats for employees' })
  await form.getByRole('radio', { name: "A module's online Learning Lab" }).check()
  await form.getByLabel('Module', { exact: true }).selectOption({ label: 'Quality and Business Acumen' })
  await form.getByLabel("Employees' email addresses").fill(employee.email)
  await form.getByRole('button', { name: 'Sponsor the seats' }).click()
  await expect(page.getByRole('status').filter({ hasText: '1 seat sponsored in MT1 Online Learning Lab: Quality and Business Acumen.' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Sponsored seats with their status and completion' }).getByRole('row').filter({ hasText: employee.email })).toContainText('Invited (not accepted yet)')
  await visit(page, J, '09-employer-sponsors')

  // The invitation as the employee receives it (the delivered .eml in the server's outbox).
  const outbox = path.join(process.env.E2E_DATA_DIR!, 'outbox')
  let link = ''
  await expect.poll(() => {
    for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
      const raw = fs.readFileSync(path.join(outbox, file), 'utf8')
      if (raw.includes(employee.email)) link = /\/training\/invitation\?token=[A-Za-z0-9_-]+/.exec(emlText(raw))?.[0] ?? link
    }
    return link
  }, { timeout: 15_000 }).not.toBe('')
  const e = await apiRegister(baseURL!, { ...employee, password: PASSWORD })
  await e.dispose()
  await logIn(page, employee.email, PASSWORD)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsored seat' })).toBeVisible()
  await expect(page.getByText(`sponsored a seat for you (${employee.email}) in MT1 Online Learning Lab: Quality and Business Acumen`)).toBeVisible()
  await page.getByRole('button', { name: 'Accept the seat' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The seat is yours' })).toBeVisible()
  await visit(page, J, '10-seat-accepted')

  await logIn(page, 'center@demo.test')
  await page.getByRole('link', { name: "Your center's training courses" }).click()
  await expect(page.getByRole('heading', { level: 1, name: "Your center's courses" })).toBeVisible()
  await expect(page.getByRole('table', { name: "Your center's courses" }).getByRole('row').filter({ hasText: title })).toContainText('1 enrolled')
  await visit(page, J, '11-center-courses')
})

test('a learner gives up their seat in a course that has not begun', async ({ page, baseURL }) => {
  const staff = await apiLogin(baseURL!, 'admin@demo.test')
  const later = `Shop math refresher ${stamp}`
  try {
    const centers = await staff.get<{ items: { id: string; name: string }[] }>('/api/v1/centers')
    const center = centers.items.find((c) => c.name === 'MT1 Demo Assessment Center')!
    const start = Math.ceil((Date.now() + 10 * DAY) / 3_600_000) * 3_600_000
    await staff.post('/api/v1/training/courses', {
      title: later, module: 'MM', skills: ['ALG'], trainerId, centerId: center.id, seats: 4,
      meetings: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString() }],
    })
  } finally {
    await staff.dispose()
  }
  await logIn(page, candidate.email, PASSWORD)
  await page.goto('/training/courses')
  await page.getByRole('table', { name: 'Courses, soonest first' }).getByRole('link', { name: later }).click()
  await page.getByRole('button', { name: `Enrol in ${later}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `You are enrolled in ${later}` })).toBeVisible()
  await page.goto('/training/my-courses')
  const course = page.getByRole('region', { name: later, exact: true })
  await course.getByRole('button', { name: `Give up my seat in ${later}` }).click()
  const dialog = page.getByRole('dialog', { name: `Give up your seat in ${later}?` })
  await dialog.getByLabel('Reason').fill('A shift change that week')
  await visitModal(page, J, '11-give-up-seat')
  await dialog.getByRole('button', { name: 'Give up my seat' }).click()
  await expect(page.getByRole('status').filter({ hasText: `You gave up your seat in ${later}.` })).toBeVisible()
  // A given-up seat leaves My training.
  await expect(course).toHaveCount(0)
  // The course that has begun offers no such button.
  await expect(page.getByRole('region', { name: title, exact: true }).getByRole('button', { name: /Give up my seat/ })).toHaveCount(0)
})
