import { describe, expect, it } from 'vitest'
import { computePathway, type PathwayInput } from './pathway.js'

const HOUR = 3_600_000
const now = new Date('2026-03-02T12:00:00.000Z')
const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()

const base: PathwayInput = {
  now,
  leadHours: 48,
  modules: [
    { code: 'MM', name: 'Math and Measurement' },
    { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology' },
    { code: 'QBA', name: 'Quality and Business Acumen' },
  ],
  credentials: [
    { code: 'MS', name: 'Manufacturing Specialist', requiresModules: ['MM', 'SRMT'] },
    { code: 'MT1', name: 'Manufacturing Technician Level 1', requiresModules: ['MM', 'SRMT', 'QBA'] },
  ],
  results: [],
  held: [],
  registrations: [],
  sessions: [],
}

const session = (id: string, startsInHours: number, modules: string[], seatsAvailable = 5, status = 'scheduled') => ({
  id, startsAt: at(startsInHours), status, modules, seatsAvailable, centerName: `Center ${id}`, city: 'Richmond', state: 'VA', timeZone: 'America/New_York',
})

describe('computePathway', () => {
  it('starts with nothing earned, everything remaining', () => {
    const p = computePathway(base)
    expect(p.modules.map((m) => [m.code, m.status])).toEqual([['MM', 'not_started'], ['SRMT', 'not_started'], ['QBA', 'not_started']])
    expect(p.credentials).toEqual([
      { code: 'MS', name: 'Manufacturing Specialist', earned: false, remaining: ['MM', 'SRMT'] },
      { code: 'MT1', name: 'Manufacturing Technician Level 1', earned: false, remaining: ['MM', 'SRMT', 'QBA'] },
    ])
    expect(p.nextSessions).toEqual([])
  })

  it('marks passed, attempted and registered modules, with the best score and the certificate', () => {
    const p = computePathway({
      ...base,
      results: [
        { module: 'MM', sessionId: 's0', percent: 70.83, passed: false, passedOn: null },
        { module: 'MM', sessionId: 's1', percent: 79.16, passed: true, passedOn: '2026-02-20' },
        { module: 'QBA', sessionId: 's0', percent: 41.66, passed: false, passedOn: null },
      ],
      held: [{ type: 'MM', certificateNumber: 'MT1-AAAAA-BBBBB-C', issuedOn: '2026-02-20', status: 'active' }],
      registrations: [{ sessionId: 's9', status: 'confirmed', modules: ['SRMT'], startsAt: at(72), endsAt: at(76), timeZone: 'America/Chicago' }],
    })
    expect(p.modules).toEqual([
      { code: 'MM', name: 'Math and Measurement', status: 'passed', passedOn: '2026-02-20', percent: 79.16, certificateNumber: 'MT1-AAAAA-BBBBB-C' },
      { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology', status: 'registered', passedOn: null, registration: { sessionId: 's9', startsAt: at(72), status: 'confirmed', timeZone: 'America/Chicago' } },
      { code: 'QBA', name: 'Quality and Business Acumen', status: 'attempted', passedOn: null, percent: 41.66 },
    ])
    expect(p.credentials.map((c) => [c.code, c.earned, c.remaining])).toEqual([['MS', false, ['SRMT']], ['MT1', false, ['SRMT', 'QBA']]])
  })

  it('counts MS earned only when its certificate is held, and keeps it beside MT1', () => {
    const passedAll = ['MM', 'SRMT', 'QBA'].map((module) => ({ module, sessionId: 's1', percent: 80, passed: true, passedOn: '2026-02-20' }))
    const p = computePathway({
      ...base,
      results: passedAll,
      held: [
        { type: 'MS', certificateNumber: 'MT1-MS', issuedOn: '2026-02-20', status: 'active' },
        { type: 'MT1', certificateNumber: 'MT1-T1', issuedOn: '2026-02-21', status: 'revoked' },
      ],
    })
    expect(p.credentials).toEqual([
      { code: 'MS', name: 'Manufacturing Specialist', earned: true, issuedOn: '2026-02-20', certificateNumber: 'MT1-MS', remaining: [] },
      { code: 'MT1', name: 'Manufacturing Technician Level 1', earned: false, remaining: [] },
    ])
    expect(p.nextSessions).toEqual([])
  })

  it('a registration stops counting once the module was sat in that session or the session ended', () => {
    const p = computePathway({
      ...base,
      results: [{ module: 'MM', sessionId: 'live', percent: 50, passed: false, passedOn: null }],
      registrations: [
        { sessionId: 'live', status: 'confirmed', modules: ['MM', 'QBA'], startsAt: at(-1), endsAt: at(3), timeZone: 'America/Chicago' },
        { sessionId: 'past', status: 'confirmed', modules: ['SRMT'], startsAt: at(-30), endsAt: at(-26), timeZone: 'America/Chicago' },
      ],
    })
    expect(p.modules.map((m) => [m.code, m.status])).toEqual([['MM', 'attempted'], ['SRMT', 'not_started'], ['QBA', 'registered']])
  })

  it('offers, per module not passed and without a seat, the earliest session 48 hours ahead with a seat, else a waitlist', () => {
    const p = computePathway({
      ...base,
      results: [{ module: 'QBA', sessionId: 'x', percent: 90, passed: true, passedOn: '2026-02-01' }],
      registrations: [{ sessionId: 'w', status: 'waitlisted', modules: ['SRMT'], startsAt: at(100), endsAt: at(104), timeZone: 'America/Chicago' }],
      sessions: [
        session('soon', 47.9, ['MM', 'SRMT', 'QBA']), // inside the 48-hour window
        session('edge', 48, ['SRMT'], 0), // full
        session('cancelled', 49, ['MM'], 9, 'cancelled'),
        session('mm', 50, ['MM', 'QBA']),
        session('full', 60, ['SRMT'], 0),
      ],
    })
    expect(p.nextSessions).toEqual([
      { module: 'MM', sessionId: 'mm', startsAt: at(50), centerName: 'Center mm', city: 'Richmond', state: 'VA', seatsAvailable: 5, waitlist: false, timeZone: 'America/New_York' },
      { module: 'SRMT', sessionId: 'edge', startsAt: at(48), centerName: 'Center edge', city: 'Richmond', state: 'VA', seatsAvailable: 0, waitlist: true, timeZone: 'America/New_York' },
    ])
  })

  it('a confirmed or unpaid seat needs no other session', () => {
    const p = computePathway({
      ...base,
      registrations: [
        { sessionId: 'a', status: 'pending_payment', modules: ['MM'], startsAt: at(72), endsAt: at(76), timeZone: 'America/Chicago' },
        { sessionId: 'b', status: 'confirmed', modules: ['SRMT'], startsAt: at(80), endsAt: at(84), timeZone: 'America/Chicago' },
      ],
      sessions: [session('open', 96, ['MM', 'SRMT', 'QBA'])],
    })
    expect(p.nextSessions.map((s) => s.module)).toEqual(['QBA'])
  })
})
