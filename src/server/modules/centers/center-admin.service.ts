// Certified assessment centers: a center applies; program staff certify it until a date, suspend or
// reinstate it. Onsite company testing: an employer asks for an event at its site; staff approve it
// as a session at that address, with certified proctors.
import { renewedUntil } from '../../../common/rules/certification-period.js'
import { sessionTimesProblem } from '../../../common/rules/session-schedule.js'
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { requireTimeZone } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { SessionAdminService } from '../scheduling/session-admin.service.js'
import {
  addCenterMember, centersOfMember, decideOnsiteRequest, findCenter, findOnsiteRequest, insertCenter, insertOnsiteRequest, isCenterMember, listCenters, listOnsiteRequests,
  setOnsiteSession, toCenterDto, updateCenterStatus, updateCenterTimeZone,
} from './centers.repository.js'
import type { ProctorsService } from './proctors.service.js'
import type { OnsiteRequestsTable } from '../../db/schema.js'

export interface CenterApplication {
  name: string
  addressLine1: string
  addressLine2?: string | undefined
  city: string
  state: string
  postalCode: string
  phone: string
  email: string
  timeZone?: string | undefined
}

export interface OnsiteRequestInput {
  companyName: string
  addressLine1: string
  city: string
  state: string
  postalCode: string
  preferredDate: string
  candidates: number
  modules: string[]
  notes?: string | undefined
}

export function createCenterAdminService(ctx: ServerContext, deps: { audit: AuditService; proctors: ProctorsService; sessionAdmin: SessionAdminService; users: UserDirectory; program: ProgramService }) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  const find = (id: string) => findCenter(db, id)

  async function setStatus(actor: Actor | null, id: string, change: { status: 'certified' | 'suspended'; certifiedUntil?: string; reason: string | null }, action: string) {
    const staff = requireRole(actor, 'program_staff')
    const center = await find(id)
    if (!center) throw notFound('The center')
    await inTransaction(db, async (trx) => {
      await updateCenterStatus(trx, id, { status: change.status, status_reason: change.reason, ...(change.certifiedUntil ? { certified_until: change.certifiedUntil } : {}) })
      // The applicant becomes the center's administrator when it is first certified.
      if (change.status === 'certified' && center.applied_by) {
        if (!(await isCenterMember(trx, id, center.applied_by))) {
          await addCenterMember(trx, id, center.applied_by)
          await deps.users.grantRole(trx, center.applied_by, 'center_admin', staff.userId)
        }
      }
      await deps.audit.record(trx, { actorId: staff.userId, action, entityType: 'center', entityId: id, reason: change.reason, details: { certifiedUntil: change.certifiedUntil } })
    })
    return toCenterDto((await find(id))!)
  }

  /**
   * Approves an onsite event held at a certified center (issue 12): a private session of that center,
   * organised by the employer, in one transaction with the decision and its audit entry. The
   * center's own certification and the proctors' rules apply as to any session there.
   */
  async function approveAtCenter(staffId: string, request: OnsiteRequestsTable, input: { startsAt: string; endsAt: string; seats: number; proctorIds: string[]; centerId: string }) {
    const center = await find(input.centerId)
    if (!center) throw notFound('The center')
    if (center.kind !== 'center') throw new AppError('RULE_VIOLATION', "A private event is held at a certified assessment center or at the company's address.")
    const sessionId = await inTransaction(db, async (trx) => {
      if (!(await decideOnsiteRequest(trx, request.id, { status: 'approved', session_id: null, decided_by: staffId }))) throw new AppError('CONFLICT', 'This request has already been decided.')
      const created = await deps.sessionAdmin.createIn(trx, staffId, {
        centerId: center.id, startsAt: input.startsAt, endsAt: input.endsAt, seats: input.seats, modules: JSON.parse(request.modules) as string[], proctorIds: input.proctorIds,
        privateEmployerId: request.employer_id,
      }, center)
      await setOnsiteSession(trx, request.id, created)
      await deps.audit.record(trx, { actorId: staffId, action: 'onsite.approved', entityType: 'onsite_request', entityId: request.id, details: { sessionId: created, centerId: center.id, place: 'center' } })
      return created
    })
    return { id: request.id, status: 'approved' as const, sessionId, centerId: center.id }
  }

  return {
    async apply(actor: Actor | null, input: CenterApplication) {
      const who = requireActor(actor)
      const timeZone = requireTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE)
      const id = newId()
      await inTransaction(db, async (trx) => {
        await insertCenter(trx, {
          time_zone: timeZone,
          id, name: input.name.trim(), kind: 'center', address_line1: input.addressLine1, address_line2: input.addressLine2 ?? null, city: input.city,
          state: input.state.toUpperCase(), postal_code: input.postalCode, phone: input.phone, email: input.email.toLowerCase(), status: 'applied',
          certified_until: null, created_at: now(), applied_by: who.userId, status_reason: null,
        })
        await deps.audit.record(trx, { actorId: who.userId, action: 'center.applied', entityType: 'center', entityId: id })
      })
      return toCenterDto((await find(id))!)
    },

    async list(actor: Actor | null, status?: 'applied' | 'certified' | 'suspended') {
      requireRole(actor, 'program_staff')
      return { items: (await listCenters(db, status)).map(toCenterDto), nextCursor: null }
    },

    async mine(actor: Actor | null) {
      const who = requireRole(actor, 'center_admin', 'program_staff')
      return { items: (await centersOfMember(db, who.userId)).map(toCenterDto), nextCursor: null }
    },

    /**
     * Certifies or renews a center until a date, or (without one) by the program's certification
     * period from its current end, or from now when it has lapsed or is new.
     */
    async certify(actor: Actor | null, id: string, certifiedUntil?: string) {
      requireRole(actor, 'program_staff')
      const center = await find(id)
      if (!center) throw notFound('The center')
      const until = certifiedUntil !== undefined ? new Date(certifiedUntil).toISOString()
        : renewedUntil(center.status === 'certified' ? center.certified_until : null, ctx.clock(), deps.program.definition.policies.certificationPeriodMonths)
      if (Date.parse(until) <= ctx.clock().getTime()) throw new AppError('VALIDATION', 'A certification must run into the future.', [{ field: 'certifiedUntil', message: 'Choose a date in the future.' }])
      return setStatus(actor, id, { status: 'certified', certifiedUntil: until, reason: null }, center.status === 'certified' ? 'center.renewed' : 'center.certified')
    },
    /** Sets the zone a center's times are shown in; the stored instants do not move, their clock faces do. */
    async setTimeZone(actor: Actor | null, id: string, input: { timeZone: string; reason?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const timeZone = requireTimeZone(input.timeZone)
      const center = await find(id)
      if (!center) throw notFound('The center')
      if (center.time_zone !== timeZone) {
        await inTransaction(db, async (trx) => {
          await updateCenterTimeZone(trx, id, timeZone)
          await deps.audit.record(trx, { actorId: staff.userId, action: 'center.time_zone_changed', entityType: 'center', entityId: id, reason: input.reason?.trim() || null, details: { from: center.time_zone, to: timeZone } })
        })
      }
      return toCenterDto((await find(id))!)
    },
    suspend: (actor: Actor | null, id: string, reason: string) => setStatus(actor, id, { status: 'suspended', reason }, 'center.suspended'),
    reinstate: (actor: Actor | null, id: string, reason: string) => setStatus(actor, id, { status: 'certified', reason }, 'center.reinstated'),

    async requestOnsite(actor: Actor | null, input: OnsiteRequestInput) {
      const employer = requireRole(actor, 'employer')
      const id = newId()
      await inTransaction(db, async (trx) => {
        await insertOnsiteRequest(trx, {
          id, employer_id: employer.userId, company_name: input.companyName, address_line1: input.addressLine1, city: input.city, state: input.state.toUpperCase(),
          postal_code: input.postalCode, preferred_date: new Date(input.preferredDate).toISOString(), candidates: input.candidates,
          modules: JSON.stringify(input.modules), notes: input.notes ?? null, status: 'pending', session_id: null, decided_by: null, created_at: now(),
        })
        await deps.audit.record(trx, { actorId: employer.userId, action: 'onsite.requested', entityType: 'onsite_request', entityId: id })
      })
      return { id, status: 'pending' as const }
    },

    async onsiteRequests(actor: Actor | null) {
      const who = requireRole(actor, 'program_staff', 'employer')
      const rows = await listOnsiteRequests(db, who.roles.includes('program_staff') ? undefined : who.userId)
      return {
        items: rows.map((r) => ({
          id: r.id, companyName: r.company_name, address: `${r.address_line1}, ${r.city}, ${r.state} ${r.postal_code}`, preferredDate: r.preferred_date,
          candidates: r.candidates, modules: JSON.parse(r.modules) as string[], notes: r.notes, status: r.status, sessionId: r.session_id, createdAt: r.created_at,
        })),
        nextCursor: null,
      }
    },

    /**
     * Approves an onsite event: the company's site becomes an onsite center with one session there,
     * all in one transaction with the decision and its audit entry, so a refusal (a proctor not
     * certified through the end, or busy then) or a failure leaves no center behind; a second approval
     * at the same time finds the request decided.
     */
    async approveOnsite(actor: Actor | null, id: string, input: { startsAt: string; endsAt: string; seats: number; proctorIds: string[]; centerId?: string | undefined; timeZone?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const timeZone = requireTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE)
      const request = await findOnsiteRequest(db, id)
      if (!request) throw notFound('The onsite request')
      if (request.status !== 'pending') throw new AppError('CONFLICT', 'This request has already been decided.')
      // Checked before the center is built: its certification is derived from the event's end.
      const timesProblem = sessionTimesProblem(input, ctx.clock())
      if (timesProblem) throw new AppError('VALIDATION', timesProblem)
      if (input.centerId) return approveAtCenter(staff.userId, request, { ...input, centerId: input.centerId })
      const centerId = newId()
      const center = {
        id: centerId, name: `${request.company_name} (onsite)`, kind: 'onsite' as const, address_line1: request.address_line1, address_line2: null, city: request.city,
        state: request.state, postal_code: request.postal_code, phone: null, email: null, status: 'certified' as const, time_zone: timeZone,
        certified_until: new Date(Date.parse(input.endsAt) + 86_400_000).toISOString(), created_at: now(), applied_by: request.employer_id, status_reason: null,
      }
      const sessionId = await inTransaction(db, async (trx) => {
        if (!(await decideOnsiteRequest(trx, id, { status: 'approved', session_id: null, decided_by: staff.userId }))) throw new AppError('CONFLICT', 'This request has already been decided.')
        await insertCenter(trx, center)
        await addCenterMember(trx, centerId, staff.userId)
        const created = await deps.sessionAdmin.createIn(trx, staff.userId, {
          centerId, startsAt: input.startsAt, endsAt: input.endsAt, seats: input.seats, modules: JSON.parse(request.modules) as string[], proctorIds: input.proctorIds,
        }, center)
        await setOnsiteSession(trx, id, created)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'onsite.approved', entityType: 'onsite_request', entityId: id, details: { sessionId: created, centerId } })
        return created
      })
      return { id, status: 'approved' as const, sessionId, centerId }
    },
  }
}

export type CenterAdminService = ReturnType<typeof createCenterAdminService>
