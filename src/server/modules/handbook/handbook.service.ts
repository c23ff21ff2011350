// MT1 Handbook requests: anyone asks in writing; program staff see a queue and mark each fulfilled.
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { UsersService } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import {
  countOpenHandbookRequests,
  findHandbookRequest,
  fulfilHandbookRequest,
  insertHandbookRequest,
  listHandbookRequests,
  toHandbookRequestDto,
} from './handbook.repository.js'

export interface HandbookRequestInput {
  name: string
  email: string
  organization?: string | undefined
  mailingAddress?: string | undefined
  format: 'pdf' | 'print'
  message?: string | undefined
}

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim())

export function createHandbookService(
  ctx: ServerContext,
  deps: { audit: AuditService; notifications: NotificationsService; users: Pick<UsersService, 'displayName' | 'contactsOf'> },
) {
  const { db } = ctx
  return {
    async request(input: HandbookRequestInput) {
      if (input.format === 'print' && !blankToNull(input.mailingAddress)) {
        throw new AppError('VALIDATION', 'A printed handbook needs a mailing address.', [
          { path: '/mailingAddress', field: 'mailingAddress', message: 'Enter the address to mail the printed copy to' },
        ])
      }
      const row = {
        id: newId(),
        name: input.name.trim(),
        email: input.email.trim().toLowerCase(),
        organization: blankToNull(input.organization),
        mailing_address: blankToNull(input.mailingAddress),
        format: input.format,
        message: blankToNull(input.message),
        status: 'open' as const,
        created_at: ctx.clock().toISOString(),
        fulfilled_at: null,
        fulfilled_by: null,
        fulfilment_note: null,
      }
      await insertHandbookRequest(db, row)
      await deps.notifications.send({
        to: row.email,
        subject: 'Your MT1 Handbook request',
        text: `Hello ${row.name},\n\nWe received your request for the Manufacturing Technician Level 1 Assessment, Training & Certification Handbook (${row.format === 'pdf' ? 'PDF by email' : 'printed copy by mail'}). Program staff will send it shortly.\n`,
      })
      return { id: row.id, status: row.status, createdAt: row.created_at }
    },

    async list(actor: Actor | null, filter: { status?: 'open' | 'fulfilled' | undefined; limit: number; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      const page = await listHandbookRequests(db, filter)
      const contacts = await deps.users.contactsOf(page.items.flatMap((r) => (r.fulfilled_by ? [r.fulfilled_by] : [])))
      const nameOf = (id: string | null) => {
        const c = id ? contacts.get(id) : undefined
        return c ? `${c.first_name} ${c.last_name}`.trim() : null
      }
      return { ...page, items: page.items.map((r) => toHandbookRequestDto(r, nameOf(r.fulfilled_by))) }
    },

    async countOpen(actor: Actor | null) {
      requireRole(actor, 'program_staff')
      return countOpenHandbookRequests(db)
    },

    async fulfil(actor: Actor | null, id: string, note: string) {
      const staff = requireRole(actor, 'program_staff')
      const updated = await db.transaction().execute(async (trx) => {
        const row = await fulfilHandbookRequest(trx, id, staff.userId, note.trim(), ctx.clock().toISOString())
        if (!row) {
          if (!(await findHandbookRequest(trx, id))) throw notFound('The handbook request')
          throw new AppError('ALREADY_FULFILLED', 'This handbook request was already fulfilled.')
        }
        await deps.audit.record(trx, { actorId: staff.userId, action: 'handbook_request.fulfilled', entityType: 'handbook_request', entityId: id, reason: note.trim() })
        return row
      })
      await deps.notifications.send({
        to: updated.email,
        subject: 'Your MT1 Handbook',
        text: `Hello ${updated.name},\n\nYour request for the MT1 Handbook has been fulfilled.\n\n${updated.fulfilment_note ?? ''}\n`,
      })
      return { ...toHandbookRequestDto(updated), fulfilledByName: await deps.users.displayName(staff.userId) }
    },
  }
}

export type HandbookService = ReturnType<typeof createHandbookService>
