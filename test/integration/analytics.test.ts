// Program analytics for staff (issue 15, item 4) over a crafted world (test/helpers/analytics.ts):
// every figure checked exactly, with voided and held results and a result scored at the period's end
// left out, rates hidden under the minimum group, the accommodation groups' suppression, each filter,
// the CSV of a figure with a hostile center name, and refusals (every role but program staff,
// anonymous callers, malformed and hostile query strings). Every case on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalyticsReport } from '../../src/common/schemas/analytics.js'
import type { Role } from '../../src/common/roles.js'
import { analyticsWorld } from '../helpers/analytics.js'
import { call, errorCode, login, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const JAN = '2026-01-10T15:00:00.000Z'
const FEB = '2026-02-10T15:00:00.000Z'
const FEB15 = '2026-02-15T15:00:00.000Z'
const c = (i: number) => `cand-${String(i).padStart(2, '0')}`
const HOSTILE_CENTER = '=HYPERLINK("http://evil.test","x")'

describe.each(databases)('program analytics on %s', (kind) => {
  let t: TestApp
  let staff: Session

  const get = (query: Record<string, string>, as: Session | 'anonymous' = staff, path = '/api/v1/admin/analytics') =>
    call(t.app, 'GET', `${path}?${new URLSearchParams(query)}`, { session: as === 'anonymous' ? undefined : as })
  const read = async (query: Record<string, string> = {}) => {
    const res = await get({ from: '2026-01-01', to: '2026-03-31', ...query })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as AnalyticsReport
  }

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
    const w = analyticsWorld(t.app)
    await w.candidates(Array.from({ length: 21 }, (_, i) => c(i + 1)))
    await w.center('ctr-alpha', 'Alpha Center')
    await w.center('ctr-beta', 'Beta Center')
    await w.center('ctr-evil', HOSTILE_CENTER)
    await w.session('s0', 'ctr-alpha', '2025-12-10T14:00:00.000Z')
    await w.session('s1', 'ctr-alpha', '2026-01-10T14:00:00.000Z')
    await w.session('s2', 'ctr-alpha', '2026-02-10T14:00:00.000Z')
    await w.session('s3', 'ctr-beta', '2026-02-15T14:00:00.000Z')
    await w.session('s4', 'ctr-beta', '2026-03-20T14:00:00.000Z', 'cancelled')
    await w.session('s5', 'ctr-alpha', '2026-03-31T14:00:00.000Z')
    await w.session('s6', 'ctr-evil', '2026-03-02T14:00:00.000Z', 'scheduled')
    // January at Alpha: twelve first sittings of MM, nine passed; MQ below standard for the first three.
    for (let i = 1; i <= 12; i++) {
      await w.sit({ candidate: c(i), session: 's1', module: 'MM', scoredAt: JAN, passed: i <= 9, below: [...(i <= 9 ? [] : ['MEAS']), ...(i <= 3 ? ['MQ'] : [])] })
    }
    // February at Alpha: two retakes of MM (one passes) and a first SRMT.
    await w.sit({ candidate: c(10), session: 's2', module: 'MM', scoredAt: FEB, passed: true })
    await w.sit({ candidate: c(11), session: 's2', module: 'MM', scoredAt: FEB, passed: false, below: ['MEAS'] })
    await w.sit({ candidate: c(1), session: 's2', module: 'SRMT', scoredAt: FEB, passed: true, below: ['MECH'] })
    // December (before the period): c16 fails MM, so their February pass at Beta is a retake.
    await w.sit({ candidate: c(16), session: 's0', module: 'MM', scoredAt: '2025-12-10T15:00:00.000Z', passed: false, below: ['MEAS'] })
    await w.sit({ candidate: c(13), session: 's3', module: 'MM', scoredAt: FEB15, passed: true })
    await w.sit({ candidate: c(14), session: 's3', module: 'MM', scoredAt: FEB15, passed: false, below: ['MEAS'] })
    await w.sit({ candidate: c(15), session: 's3', module: 'MM', scoredAt: FEB15, passed: true })
    await w.sit({ candidate: c(16), session: 's3', module: 'MM', scoredAt: FEB15, passed: true })
    // Left out: a voided attempt, a result held for review, and one scored as the period ends.
    await w.sit({ candidate: c(17), session: 's3', module: 'MM', scoredAt: FEB15, passed: true, status: 'voided' })
    const held = await w.sit({ candidate: c(18), session: 's3', module: 'MM', scoredAt: FEB15, passed: true })
    await w.hold(c(18), held, 's3', staff.userId)
    await w.sit({ candidate: c(19), session: 's5', module: 'MM', scoredAt: '2026-04-01T00:00:00.000Z', passed: true })
    await w.registration('s5', c(20), 'cancelled')
    // Awards: MS after 31, 50 and 60 days, MT1 after 80; a withdrawn one and one before the period are not counted.
    await w.credential(c(1), 'MS', '2026-02-10')
    await w.credential(c(2), 'MS', '2026-03-01')
    await w.credential(c(3), 'MS', '2026-03-11')
    await w.credential(c(1), 'MT1', '2026-03-31')
    await w.credential(c(4), 'MS', '2026-03-15', 'withdrawn')
    await w.credential(c(5), 'MS', '2025-12-31')
    // Approved accommodations for c01–c10 before the period ends; c13's was denied, c14's approved after it.
    for (let i = 1; i <= 10; i++) await w.accommodation(c(i), i === 5 ? 'partly_approved' : 'approved', '2025-11-01T00:00:00.000Z')
    await w.accommodation(c(13), 'denied', '2025-11-01T00:00:00.000Z')
    await w.accommodation(c(14), 'approved', '2026-05-01T00:00:00.000Z')
  })
  afterAll(async () => t?.close())

  it('gives every figure exactly, without voided, held or out-of-period results', async () => {
    const r = await read()
    expect(r.minimumGroup).toBe(10)
    expect(r.grouping).toBe('month')
    expect(r.modules).toEqual([
      { module: 'MM', moduleName: expect.any(String), attempts: 18, passed: 13, passRate: 72 },
      { module: 'SRMT', moduleName: expect.any(String), attempts: 1, passed: 1, passRate: null },
      { module: 'QBA', moduleName: expect.any(String), attempts: 0, passed: 0, passRate: null },
    ])
    const skill = (code: string) => { const s = r.skills.find((x) => x.skill === code)!; return [s.results, s.belowStandard, s.belowRate] }
    expect(skill('MEAS')).toEqual([18, 5, 27])
    expect(skill('ALG')).toEqual([18, 0, 0])
    expect(skill('MQ')).toEqual([18, 3, 16])
    expect(skill('MECH')).toEqual([1, 1, null])
    expect(skill('SPC')).toEqual([0, 0, null])
    expect(r.skills).toHaveLength(12)
    const center = (id: string) => r.centers.find((x) => x.centerId === id)
    expect(center('ctr-alpha')).toEqual({ centerId: 'ctr-alpha', centerName: 'Alpha Center', sessions: 3, registrations: 16, attempts: 15, passed: 11, passRate: 73 })
    expect(center('ctr-beta')).toEqual({ centerId: 'ctr-beta', centerName: 'Beta Center', sessions: 1, registrations: 6, attempts: 4, passed: 3, passRate: null })
    expect(center('ctr-evil')).toMatchObject({ sessions: 1, registrations: 0, attempts: 0, passRate: null })
    expect(r.centers).toHaveLength(3)
    expect(r.periods).toEqual([
      { period: '2026-01', attempts: 12, passed: 9, passRate: 75 },
      { period: '2026-02', attempts: 7, passed: 5, passRate: null },
      { period: '2026-03', attempts: 0, passed: 0, passRate: null },
    ])
    expect(r.accommodations).toEqual([
      { group: 'with', suppressed: false, candidates: 10, attempts: 12, passed: 11, passRate: 91 },
      { group: 'without', suppressed: true, candidates: null, attempts: null, passed: null, passRate: null },
    ])
    expect(r.retakes[0]).toEqual({ module: 'MM', moduleName: expect.any(String), firstAttempts: 15, firstPassed: 11, firstPassRate: 73, retakes: 3, retakesPassed: 2, retakePassRate: null })
    expect(r.retakes[1]).toMatchObject({ module: 'SRMT', firstAttempts: 1, firstPassed: 1, retakes: 0 })
    expect(r.timeToAward).toEqual([
      { credential: 'MS', credentialName: expect.any(String), awards: 3, q1Days: 40.5, medianDays: 50, q3Days: 55 },
      { credential: 'MT1', credentialName: expect.any(String), awards: 1, q1Days: 80, medianDays: 80, q3Days: 80 },
    ])
  })

  it('groups by quarter and filters by module, center and accommodation status', async () => {
    expect((await read({ grouping: 'quarter' })).periods).toEqual([{ period: '2026-Q1', attempts: 19, passed: 14, passRate: 73 }])

    const srmt = await read({ module: 'SRMT' })
    expect(srmt.modules).toEqual([{ module: 'SRMT', moduleName: expect.any(String), attempts: 1, passed: 1, passRate: null }])
    expect(srmt.skills.map((s) => s.skill)).toEqual(['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC'])
    expect(srmt.retakes.map((x) => x.module)).toEqual(['SRMT'])
    expect(srmt.periods.map((p) => p.attempts)).toEqual([0, 1, 0])

    const beta = await read({ centerId: 'ctr-beta' })
    expect(beta.centers).toEqual([{ centerId: 'ctr-beta', centerName: 'Beta Center', sessions: 1, registrations: 6, attempts: 4, passed: 3, passRate: null }])
    expect(beta.modules[0]).toMatchObject({ module: 'MM', attempts: 4, passed: 3, passRate: null })

    const accommodated = await read({ accommodation: 'with' })
    expect(accommodated.modules[0]).toMatchObject({ module: 'MM', attempts: 11, passed: 10, passRate: 90 })
    expect(accommodated.accommodations).toEqual([{ group: 'with', suppressed: false, candidates: 10, attempts: 12, passed: 11, passRate: 91 }])
    expect(accommodated.timeToAward[0]).toMatchObject({ awards: 3, medianDays: 50 })

    // Six candidates without accommodations: too few to show anything about them.
    const few = await get({ from: '2026-01-01', to: '2026-03-31', accommodation: 'without' })
    expect(few.statusCode).toBe(400)
    expect(few.json().error.details[0].field).toBe('accommodation')
  })

  it('downloads a figure as CSV with its cells escaped', async () => {
    const res = await get({ from: '2026-01-01', to: '2026-03-31', figure: 'centers' }, staff, '/api/v1/admin/analytics/csv')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toBe('attachment; filename="mt1-analytics-centers-2026-01-01-to-2026-03-31.csv"')
    const lines = res.body.split('\r\n')
    expect(lines[0]).toBe('centerId,centerName,sessions,registrations,attempts,passed,passRate')
    expect(lines).toContain('ctr-alpha,Alpha Center,3,16,15,11,73')
    expect(lines).toContain('ctr-beta,Beta Center,1,6,4,3,')
    expect(lines).toContain('ctr-evil,"\'=HYPERLINK(""http://evil.test"",""x"")",1,0,0,0,')

    const modules = await get({ from: '2026-01-01', to: '2026-03-31', figure: 'modules', module: 'MM' }, staff, '/api/v1/admin/analytics/csv')
    expect(modules.body).toBe('module,moduleName,attempts,passed,passRate\r\nMM,Math and Measurement,18,13,72\r\n')
    const awards = await get({ from: '2026-01-01', to: '2026-03-31', figure: 'time-to-award' }, staff, '/api/v1/admin/analytics/csv')
    expect(awards.body.split('\r\n')[0]).toBe('credential,credentialName,awards,q1Days,medianDays,q3Days')
    expect(awards.body).toContain('MS,Manufacturing Specialist,3,40.5,50,55\r\n')
  })

  it('refuses every role but program staff, and anonymous callers', async () => {
    const roles: Role[] = ['candidate', 'proctor', 'center_admin', 'employer', 'college_partner', 'trainer']
    for (const role of roles) {
      const email = `${role.replace('_', '-')}-analytics@mt1.test`
      await t.app.services.users.createWithPassword({ email, password: 'role password 1', firstName: 'Role', lastName: role, roles: [role] })
      const who = await login(t.app, email, 'role password 1')
      for (const path of ['/api/v1/admin/analytics', '/api/v1/admin/analytics/csv']) {
        const res = await get({ from: '2026-01-01', to: '2026-03-31', ...(path.endsWith('csv') ? { figure: 'modules' } : {}) }, who, path)
        expect([role, res.statusCode]).toEqual([role, 403])
      }
    }
    for (const path of ['/api/v1/admin/analytics', '/api/v1/admin/analytics/csv']) {
      expect((await get({ from: '2026-01-01', to: '2026-03-31', ...(path.endsWith('csv') ? { figure: 'modules' } : {}) }, 'anonymous', path)).statusCode).toBe(401)
    }
  })

  it('refuses malformed and hostile query strings and stores nothing', async () => {
    const auditBefore = await t.app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const bad: [Record<string, string>, string | undefined][] = [
      [{ from: '2026-13-01', to: '2026-03-31' }, 'to'],
      [{ from: '2026-02-30', to: '2026-03-31' }, 'to'],
      [{ from: '2023-01-01', to: '2026-03-31' }, 'to'],
      [{ from: '2026-03-31', to: '2026-01-01' }, 'to'],
      [{ from: '2026-01-01' }, undefined],
      [{ from: '2026-01-01', to: '2026-03-31', grouping: 'year' }, undefined],
      [{ from: '2026-01-01', to: '2026-03-31', module: 'mm' }, undefined],
      [{ from: '2026-01-01', to: '2026-03-31', module: 'ZZ' }, 'module'],
      [{ from: '2026-01-01', to: '2026-03-31', centerId: 'no-such-center' }, 'centerId'],
      [{ from: '2026-01-01', to: '2026-03-31', centerId: "' OR 1=1 --" }, undefined],
      [{ from: '2026-01-01', to: '2026-03-31', accommodation: 'maybe' }, undefined],
      [{ from: '2026-01-01', to: '2026-03-31', extra: '1' }, undefined],
      [{ from: `2026-01-01${'x'.repeat(10_000)}`, to: '2026-03-31' }, undefined],
      [{ from: '2026-01-01<script>', to: '2026-03-31' }, undefined],
    ]
    for (const [query, field] of bad) {
      const res = await get(query)
      expect([query, res.statusCode, errorCode(res)]).toEqual([query, 400, 'VALIDATION'])
      if (field) expect(res.json().error.details[0].field).toBe(field)
    }
    const csv = await get({ from: '2026-01-01', to: '2026-03-31', figure: 'everything' }, staff, '/api/v1/admin/analytics/csv')
    expect(csv.statusCode).toBe(400)
    const auditAfter = await t.app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n))
  })
})
