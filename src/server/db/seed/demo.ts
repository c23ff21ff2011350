// Demo data (API.md): one account per role, all with the password mt1-demo; a certified demo
// center with a session in progress now (the demo proctor assigned), one tomorrow, and sessions
// 7 and 14 days ahead; more centers so the public list shows more than one, in different time zones
// (Eastern in Virginia, Central in Illinois, Pacific in California) so each shows its own clock.
import type { FastifyInstance } from 'fastify'
import type { Role } from '../../../common/roles.js'
import { newId } from '../../ids.js'
import { addCenterMember, insertCenter } from '../../modules/centers/centers.repository.js'
import { upsertCertification } from '../../modules/centers/proctors.repository.js'
import { insertTestSession } from '../../modules/scheduling/sessions.repository.js'
import { upsertTrainerCertification } from '../../modules/training/trainers.repository.js'
import { insertMeetings, insertOffering } from '../../modules/training/courses.repository.js'
import { insertMember, insertOrganisation } from '../../modules/organisations/organisations.repository.js'
import { insertAgreement } from '../../modules/advanced-standing/advanced-standing.repository.js'
import type { CentersTable } from '../schema.js'

export const DEMO_PASSWORD = 'mt1-demo'

const DEMO_ACCOUNTS: { email: string; firstName: string; lastName: string; roles: Role[] }[] = [
  { email: 'admin@demo.test', firstName: 'Avery', lastName: 'Staff', roles: ['program_staff'] },
  { email: 'center@demo.test', firstName: 'Carmen', lastName: 'Ortiz', roles: ['center_admin'] },
  { email: 'proctor@demo.test', firstName: 'Paul', lastName: 'Nguyen', roles: ['proctor'] },
  { email: 'candidate@demo.test', firstName: 'Casey', lastName: 'Jordan', roles: ['candidate'] },
  { email: 'employer@demo.test', firstName: 'Erin', lastName: 'Walsh', roles: ['employer'] },
  { email: 'college@demo.test', firstName: 'Colin', lastName: 'Reyes', roles: ['college_partner'] },
  // issue 12, integrity stream: a second staff member, since an appeal is decided by someone other
  // than the one who took the decision under appeal.
  { email: 'reviewer@demo.test', firstName: 'Riley', lastName: 'Morgan', roles: ['program_staff'] },
  // issue 13, training stream: an MT1 Certified Trainer.
  { email: 'trainer@demo.test', firstName: 'Tara', lastName: 'Lindqvist', roles: ['trainer'] },
]

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Seeds demo data when the database has no users yet. Returns whether it seeded. */
export async function seedDemoIfFresh(app: FastifyInstance): Promise<boolean> {
  const anyUser = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyUser) return false
  await seedDemo(app)
  return true
}

/** Seeds the demo data; accounts that already exist are left as they are. */
export async function seedDemo(app: FastifyInstance, now = new Date()): Promise<void> {
  const ids = new Map<string, string>()
  for (const account of DEMO_ACCOUNTS) {
    const existing = await app.db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst()
    ids.set(account.email, existing?.id ?? (await app.services.users.createWithPassword({ ...account, password: DEMO_PASSWORD })).id)
  }
  const hasCenter = await app.db.selectFrom('centers').select('id').where('name', '=', 'MT1 Demo Assessment Center').executeTakeFirst()
  if (hasCenter) return

  const created = now.toISOString()
  const certifiedUntil = new Date(now.getTime() + 365 * DAY).toISOString()
  const center = (c: Omit<CentersTable, 'id' | 'status' | 'certified_until' | 'created_at' | 'address_line2'>): CentersTable => ({
    ...c, id: newId(), address_line2: null, status: 'certified', certified_until: certifiedUntil, created_at: created,
  })
  const demoCenter = center({ name: 'MT1 Demo Assessment Center', kind: 'center', address_line1: '600 East Main Street', city: 'Richmond', state: 'VA', postal_code: '23219', phone: '804-555-0131', email: 'center@demo.test', time_zone: 'America/New_York' })
  const others = [
    center({ name: 'Tidewater Manufacturing Training Center', kind: 'center', address_line1: '1200 Harbor Way', city: 'Norfolk', state: 'VA', postal_code: '23510', phone: '757-555-0142', email: null, time_zone: 'America/New_York' }),
    center({ name: 'Blue Ridge Technical Assessment Center', kind: 'center', address_line1: '45 Valley Road', city: 'Roanoke', state: 'VA', postal_code: '24011', phone: '540-555-0177', email: null, time_zone: 'America/New_York' }),
    // issue 12, time zones: centers outside the Eastern zone, each with a session ahead.
    center({ name: 'Prairie State Manufacturing Assessment Center', kind: 'center', address_line1: '300 SW Water Street', city: 'Peoria', state: 'IL', postal_code: '61602', phone: '309-555-0115', email: null, time_zone: 'America/Chicago' }),
    center({ name: 'Central Valley Technical Assessment Center', kind: 'center', address_line1: '2100 Tulare Street', city: 'Fresno', state: 'CA', postal_code: '93721', phone: '559-555-0163', email: null, time_zone: 'America/Los_Angeles' }),
  ]

  const hour = Math.floor(now.getTime() / HOUR) * HOUR
  const proctorId = ids.get('proctor@demo.test')!
  const session = (startsAt: number, hours: number, seats: number, modules: string[], centerId = demoCenter.id) => ({
    id: newId(), center_id: centerId, starts_at: new Date(startsAt).toISOString(), ends_at: new Date(startsAt + hours * HOUR).toISOString(),
    seats, modules: JSON.stringify(modules), status: (startsAt <= now.getTime() ? 'in_progress' : 'scheduled') as 'in_progress' | 'scheduled',
    created_at: created, created_by: ids.get('center@demo.test')!,
  })

  await app.db.transaction().execute(async (trx) => {
    await insertCenter(trx, demoCenter)
    for (const c of others) await insertCenter(trx, c)
    await addCenterMember(trx, demoCenter.id, ids.get('center@demo.test')!)
    // The demo proctor is certified for a year.
    await upsertCertification(trx, {
      user_id: proctorId, training_completed_on: created, agreement_signed_on: created, coi_declared_on: created,
      certified_until: certifiedUntil, status: 'certified', updated_at: created, updated_by: ids.get('admin@demo.test')!,
    })
    // In progress now: started an hour ago, ends in three hours.
    await insertTestSession(trx, { ...session(now.getTime() - HOUR, 4, 20, ['MM', 'SRMT', 'QBA']), starts_at: new Date(now.getTime() - HOUR).toISOString(), ends_at: new Date(now.getTime() + 3 * HOUR).toISOString() }, [proctorId])
    await insertTestSession(trx, session(hour + DAY, 4, 20, ['MM', 'SRMT', 'QBA']), [proctorId])
    await insertTestSession(trx, session(hour + 7 * DAY, 4, 20, ['MM', 'SRMT', 'QBA']), [proctorId])
    await insertTestSession(trx, session(hour + 14 * DAY, 4, 15, ['MM', 'SRMT', 'QBA']), [proctorId])
    await insertTestSession(trx, session(hour + 10 * DAY, 3, 12, ['MM', 'QBA'], others[0]!.id), [])
    await insertTestSession(trx, session(hour + 9 * DAY, 4, 16, ['MM', 'SRMT', 'QBA'], others[2]!.id), [])
    await insertTestSession(trx, session(hour + 11 * DAY, 4, 16, ['MM', 'SRMT', 'QBA'], others[3]!.id), [])
    // issue 13, training stream: the demo trainer is certified for a year and teaches a free
    // two-evening Math and Measurement course at the demo center in three weeks.
    const trainerId = ids.get('trainer@demo.test')!
    await upsertTrainerCertification(trx, {
      user_id: trainerId, training_completed_on: created, agreement_signed_on: created, coi_declared_on: created,
      certified_until: certifiedUntil, status: 'certified', updated_at: created, updated_by: ids.get('admin@demo.test')!,
    })
    const courseId = newId()
    const evening = (days: number) => ({ starts_at: new Date(hour + days * DAY).toISOString(), ends_at: new Date(hour + days * DAY + 3 * HOUR).toISOString() })
    await insertOffering(trx, {
      id: courseId, title: 'Shop-floor measurement and algebra', module: 'MM', skills: JSON.stringify(['MEAS', 'ALG']), trainer_id: trainerId,
      center_id: demoCenter.id, employer_id: null, place_name: null, address: null, city: demoCenter.city, state: demoCenter.state, time_zone: demoCenter.time_zone,
      seats: 12, fee_cents: null, currency: 'USD', status: 'scheduled', cancel_reason: null, first_starts_at: evening(21).starts_at, last_ends_at: evening(23).ends_at,
      created_at: created, created_by: ids.get('admin@demo.test')!, updated_at: created,
    })
    await insertMeetings(trx, [21, 23].map((d) => ({ id: newId(), offering_id: courseId, ...evening(d) })))
    // issue 14: the demo employer owns the demo employer organisation.
    const employerOrgId = newId()
    await insertOrganisation(trx, {
      id: employerOrgId, kind: 'employer', name: 'Demo Manufacturing Co.', website: 'https://manufacturing.example.com', city: 'Richmond', state: 'VA',
      created_at: created, created_by: ids.get('admin@demo.test')!,
    })
    await insertMember(trx, { organisation_id: employerOrgId, user_id: ids.get('employer@demo.test')!, role: 'owner', joined_at: created })
    // issue 14: the demo college partner is the registrar of a partner college whose articulation
    // agreement grants MT1 holders up to six credits (the cap) toward its A.A.S.
    const collegeId = newId()
    await insertOrganisation(trx, {
      id: collegeId, kind: 'college', name: 'Piedmont Valley Community College', website: 'https://college.example.edu', city: 'Charlottesville', state: 'VA',
      created_at: created, created_by: ids.get('admin@demo.test')!,
    })
    await insertMember(trx, { organisation_id: collegeId, user_id: ids.get('college@demo.test')!, role: 'owner', joined_at: created })
    await insertAgreement(trx, {
      id: newId(), institution_id: collegeId, credential: 'MT1', program_name: 'A.A.S. in Manufacturing Technology', program_code: 'AAS-MFG',
      courses: JSON.stringify([
        { code: 'MFG 110', title: 'Manufacturing Processes', credits: 3 },
        { code: 'MFG 120', title: 'Quality and Measurement Fundamentals', credits: 3 },
      ]),
      credits: 6, earned_within_years: 5, conditions: 'Official MT1 certificate verified in the national registry.',
      effective_from: created.slice(0, 10), effective_to: null, created_at: created, created_by: ids.get('admin@demo.test')!, updated_at: created,
    })
  })
}
