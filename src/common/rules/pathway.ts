// The candidate's pathway: NCRC → the three modules → MS → MT1. From what the candidate has sat, holds
// and is registered for, each module's status, what each certification still needs, and for each
// module not yet passed the earliest session where it can still be registered for.
import { isRegistrationInTime } from './registration-window.js'

export type ModuleStatus = 'passed' | 'registered' | 'attempted' | 'not_started'

export interface PathwayInput {
  now: Date
  /** Registration closes this many hours before a session starts (48). */
  leadHours: number
  modules: readonly { code: string; name: string }[]
  credentials: readonly { code: string; name: string; requiresModules: readonly string[] }[]
  /** Scored results; `sessionId` is where the attempt was sat. */
  results: readonly { module: string; sessionId: string; percent: number; passed: boolean; passedOn: string | null }[]
  held: readonly { type: string; certificateNumber: string; issuedOn: string; status: string }[]
  /** `timeZone`: the IANA zone of the session's center, where its times are shown. */
  registrations: readonly { sessionId: string; status: string; modules: readonly string[]; startsAt: string; endsAt: string; timeZone: string }[]
  /** Public sessions, ordered by start. */
  sessions: readonly { id: string; startsAt: string; status: string; modules: readonly string[]; seatsAvailable: number; centerName: string; city: string; state: string; timeZone: string }[]
}

export interface PathwayModule {
  code: string
  name: string
  status: ModuleStatus
  passedOn: string | null
  /** The best score so far. */
  percent?: number
  certificateNumber?: string
  registration?: { sessionId: string; startsAt: string; status: string; timeZone: string }
}

export interface PathwayCredential {
  code: string
  name: string
  earned: boolean
  issuedOn?: string
  certificateNumber?: string
  /** Required modules not passed yet. */
  remaining: string[]
}

export interface NextSession {
  module: string
  sessionId: string
  startsAt: string
  centerName: string
  city: string
  state: string
  seatsAvailable: number
  timeZone: string
  /** No session in time has a seat: this is the earliest full one, whose waitlist is open. */
  waitlist: boolean
}

export interface Pathway {
  modules: PathwayModule[]
  credentials: PathwayCredential[]
  nextSessions: NextSession[]
}

/** Registrations that still lead to a sitting; the first two hold a seat. */
const SEAT_HOLDING = new Set(['confirmed', 'pending_payment'])
const LIVE = new Set([...SEAT_HOLDING, 'waitlisted'])

export function computePathway(input: PathwayInput): Pathway {
  const now = input.now.getTime()
  const passed = new Set(input.results.filter((r) => r.passed).map((r) => r.module))

  // A registration counts for a module until the session ends or the module has been sat in it.
  const sat = new Set(input.results.map((r) => `${r.sessionId}/${r.module}`))
  const upcoming = (module: string) =>
    input.registrations
      .filter((r) => LIVE.has(r.status) && Date.parse(r.endsAt) > now && r.modules.includes(module) && !sat.has(`${r.sessionId}/${module}`))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))

  const modules = input.modules.map((m): PathwayModule => {
    const results = input.results.filter((r) => r.module === m.code)
    const passes = results.filter((r) => r.passed && r.passedOn).map((r) => r.passedOn!).sort()
    const registration = upcoming(m.code)[0]
    const certificate = input.held.find((c) => c.type === m.code && c.status === 'active') ?? input.held.find((c) => c.type === m.code)
    const status: ModuleStatus = passed.has(m.code) ? 'passed' : registration ? 'registered' : results.length > 0 ? 'attempted' : 'not_started'
    return {
      code: m.code,
      name: m.name,
      status,
      passedOn: passes[0] ?? null,
      ...(results.length > 0 ? { percent: Math.max(...results.map((r) => r.percent)) } : {}),
      ...(certificate ? { certificateNumber: certificate.certificateNumber } : {}),
      ...(registration && status === 'registered' ? { registration: { sessionId: registration.sessionId, startsAt: registration.startsAt, status: registration.status, timeZone: registration.timeZone } } : {}),
    }
  })

  const credentials = input.credentials.map((c): PathwayCredential => {
    const held = input.held.find((h) => h.type === c.code && h.status === 'active')
    return {
      code: c.code,
      name: c.name,
      earned: !!held,
      ...(held ? { issuedOn: held.issuedOn, certificateNumber: held.certificateNumber } : {}),
      remaining: c.requiresModules.filter((m) => !passed.has(m)),
    }
  })

  const open = input.sessions.filter(
    (s) => s.status === 'scheduled' && isRegistrationInTime(input.now, new Date(s.startsAt), input.leadHours),
  )
  const nextSessions: NextSession[] = []
  for (const m of modules) {
    // A module already passed, or with a seat waiting for it, needs no session.
    if (m.status === 'passed' || upcoming(m.code).some((r) => SEAT_HOLDING.has(r.status))) continue
    const offering = open.filter((s) => s.modules.includes(m.code))
    const withSeat = offering.find((s) => s.seatsAvailable > 0)
    const session = withSeat ?? offering[0]
    if (!session) continue
    nextSessions.push({
      module: m.code, sessionId: session.id, startsAt: session.startsAt, centerName: session.centerName, city: session.city, state: session.state,
      seatsAvailable: session.seatsAvailable, waitlist: !withSeat, timeZone: session.timeZone,
    })
  }
  return { modules, credentials, nextSessions }
}

