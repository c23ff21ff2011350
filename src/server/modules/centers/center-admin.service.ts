// Certified assessment centers: a center applies; program staff certify it until a date, suspend or
// reinstate it. Onsite company testing: an employer asks for an event at its site; staff approve it
// as a session at that address, with certified proctors.
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import { findUserById, replaceRoles } from '../accounts/users.repository.js'
import type { AuditService } from '../audit/audit.service.js'
import type { SessionAdminService } from '../scheduling/session-admin.service.js'
import { addCenterMember, insertCenter, toCenterDto } from './centers.repository.js'
import type { ProctorsService } from './proctors.service.js'

export interface CenterApplication {
  name: string
  addressLine1: string
  addressLine2?: string | undefined
  city: string
  state: string
  postalCode: string
  phone: string
  email: string
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

export function createCenterAdminService(ctx: ServerContext, deps: { audit: AuditService; proctors: ProctorsService; sessionAdmin: () => SessionAdminService }) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  const find = (id: string) => db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst()

  async function setStatus(actor: Actor | null, id: string, change: { status: 'certified' | 'suspended'; certifiedUntil?: string; reason: string | null }, action: string) {
    const staff = requireRole(actor, 'program_staff')
    const center = await find(id)
    if (!center) throw notFound('The center')
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('centers').set({
        status: change.status, status_reason: change.reason, ...(change.certifiedUntil ? { certified_until: change.certifiedUntil } : {}),
      }).where('id', '=', id).execute()
      // The applicant becomes the center's administrator when it is first certified.
      if (change.status === 'certified' && center.applied_by) {
        const member = await trx.selectFrom('center_members').select('user_id').where('center_id', '=', id).where('user_id', '=', center.applied_by).executeTakeFirst()
        if (!member) {
          await addCenterMember(trx, id, center.applied_by)
          const applicant = await findUserById(trx, center.applied_by)
          if (applicant && !applicant.roles.includes('center_admin')) await replaceRoles(trx, applicant.id, [...applicant.roles, 'center_admin'], staff.userId, now())
        }
      }
      await deps.audit.record(trx, { actorId: staff.userId, action, entityType: 'center', entityId: id, reason: change.reason, details: { certifiedUntil: change.certifiedUntil } })
    })
    return toCenterDto((await find(id))!)
  }

  return {
    async apply(actor: Actor | null, input: CenterApplication) {
      const who = requireActor(actor)
      const id = newId()
      await db.transaction().execute(async (trx) => {
        await insertCenter(trx, {
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
      let q = db.selectFrom('centers').selectAll()
      if (status) q = q.where('status', '=', status)
      return { items: (await q.orderBy('name').execute()).map(toCenterDto), nextCursor: null }
    },

    async mine(actor: Actor | null) {
      const who = requireRole(actor, 'center_admin', 'program_staff')
      const rows = await db.selectFrom('centers').innerJoin('center_members', 'center_members.center_id', 'centers.id').selectAll('centers').where('center_members.user_id', '=', who.userId).orderBy('centers.name').execute()
      return { items: rows.map(toCenterDto), nextCursor: null }
    },

    certify(actor: Actor | null, id: string, certifiedUntil: string) {
      if (Date.parse(certifiedUntil) <= ctx.clock().getTime()) throw new AppError('VALIDATION', 'A certification must run into the future.')
      return setStatus(actor, id, { status: 'certified', certifiedUntil: new Date(certifiedUntil).toISOString(), reason: null }, 'center.certified')
    },
    suspend: (actor: Actor | null, id: string, reason: string) => setStatus(actor, id, { status: 'suspended', reason }, 'center.suspended'),
    reinstate: (actor: Actor | null, id: string, reason: string) => setStatus(actor, id, { status: 'certified', reason }, 'center.reinstated'),

    async requestOnsite(actor: Actor | null, input: OnsiteRequestInput) {
      const employer = requireRole(actor, 'employer')
      const id = newId()
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('onsite_requests').values({
          id, employer_id: employer.userId, company_name: input.companyName, address_line1: input.addressLine1, city: input.city, state: input.state.toUpperCase(),
          postal_code: input.postalCode, preferred_date: new Date(input.preferredDate).toISOString(), candidates: input.candidates,
          modules: JSON.stringify(input.modules), notes: input.notes ?? null, status: 'pending', session_id: null, decided_by: null, created_at: now(),
        }).execute()
        await deps.audit.record(trx, { actorId: employer.userId, action: 'onsite.requested', entityType: 'onsite_request', entityId: id })
      })
      return { id, status: 'pending' as const }
    },

    async onsiteRequests(actor: Actor | null) {
      const who = requireRole(actor, 'program_staff', 'employer')
      let q = db.selectFrom('onsite_requests').selectAll()
      if (!who.roles.includes('program_staff')) q = q.where('employer_id', '=', who.userId)
      const rows = await q.orderBy('created_at', 'desc').execute()
      return {
        items: rows.map((r) => ({
          id: r.id, companyName: r.company_name, address: `${r.address_line1}, ${r.city}, ${r.state} ${r.postal_code}`, preferredDate: r.preferred_date,
          candidates: r.candidates, modules: JSON.parse(r.modules) as string[], notes: r.notes, status: r.status, sessionId: r.session_id, createdAt: r.created_at,
        })),
        nextCursor: null,
      }
    },

    /** Approves an onsite event: the company's site becomes an onsite center with one session there. */
    async approveOnsite(actor: Actor | null, id: string, input: { startsAt: string; endsAt: string; seats: number; proctorIds: string[] }) {
      const staff = requireRole(actor, 'program_staff')
      const request = await db.selectFrom('onsite_requests').selectAll().where('id', '=', id).executeTakeFirst()
      if (!request) throw notFound('The onsite request')
      if (request.status !== 'pending') throw new AppError('CONFLICT', 'This request has already been decided.')
      // Check the proctors (certified through the end, free at that time) before anything is created,
      // so a refusal leaves nothing behind; creating the session checks them again in its transaction.
      await deps.sessionAdmin().assertProctorsCanRun(db, { proctorIds: input.proctorIds, startsAt: input.startsAt, endsAt: input.endsAt, seats: input.seats })
      const centerId = newId()
      await db.transaction().execute(async (trx) => {
        await insertCenter(trx, {
          id: centerId, name: `${request.company_name} (onsite)`, kind: 'onsite', address_line1: request.address_line1, address_line2: null, city: request.city,
          state: request.state, postal_code: request.postal_code, phone: null, email: null, status: 'certified',
          certified_until: new Date(Date.parse(input.endsAt) + 86_400_000).toISOString(), created_at: now(), applied_by: request.employer_id, status_reason: null,
        })
        await addCenterMember(trx, centerId, staff.userId)
      })
      const session = await deps.sessionAdmin().create(actor, { centerId, startsAt: input.startsAt, endsAt: input.endsAt, seats: input.seats, modules: JSON.parse(request.modules) as string[], proctorIds: input.proctorIds })
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('onsite_requests').set({ status: 'approved', session_id: session.id, decided_by: staff.userId }).where('id', '=', id).execute()
        await deps.audit.record(trx, { actorId: staff.userId, action: 'onsite.approved', entityType: 'onsite_request', entityId: id, details: { sessionId: session.id } })
      })
      return { id, status: 'approved' as const, sessionId: session.id, centerId }
    },
  }
}

export type CenterAdminService = ReturnType<typeof createCenterAdminService>
