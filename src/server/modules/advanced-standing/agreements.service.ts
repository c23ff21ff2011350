// Articulation agreements (issue 14): staff record which credential earns how many credits toward
// which program and courses of a partner institution, on what conditions and between which days; a
// college partner reads their institution's; anyone reads the partners and the agreements in effect.
import { agreementInEffect } from '../../../common/rules/advanced-standing.js'
import type { AgreementView, CreateAgreementBody, PartnerList, UpdateAgreementBody } from '../../../common/schemas/advanced-standing.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import { agreementById, insertAgreement, listAgreements, updateAgreement, type AgreementRow } from './advanced-standing.repository.js'
import type { Institution, InstitutionDirectory } from './institutions.js'

/** Whether a YYYY-MM-DD string names a day that exists. */
const isDay = (day: string) => { const d = new Date(`${day}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day }

export function createAgreementsService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; institutions: InstitutionDirectory }) {
  const { db } = ctx
  const program = deps.program.definition
  const cap = program.policies.advancedStandingCreditsMax

  /** "Manufacturing Technician Level 1 (MT1)", "Math and Measurement certificate (MM)". */
  const credentialName = (code: string) => {
    const credential = program.credentials.find((c) => c.code === code)
    if (credential) return `${credential.name} (${code})`
    const module = program.modules.find((m) => m.code === code)
    return module ? `${module.name} certificate (${code})` : code
  }

  const toView = (r: AgreementRow, institution: Institution): AgreementView => ({
    id: r.id, institution, credential: r.credential, credentialName: credentialName(r.credential), programName: r.program_name, programCode: r.program_code,
    courses: JSON.parse(r.courses) as AgreementView['courses'], credits: Number(r.credits), earnedWithinYears: r.earned_within_years === null ? null : Number(r.earned_within_years),
    conditions: r.conditions, effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
    inEffect: agreementInEffect({ effectiveFrom: r.effective_from, effectiveTo: r.effective_to }, ctx.clock()),
  })

  async function views(within: DbOrTx, rows: readonly AgreementRow[]): Promise<AgreementView[]> {
    const institutions = await deps.institutions.colleges(within, rows.map((r) => r.institution_id))
    return rows.flatMap((r) => { const i = institutions.get(r.institution_id); return i ? [toView(r, i)] : [] })
  }

  /** The terms' own consistency: a credential the program awards, credits within the cap, dates in order. */
  function checkTerms(t: { credential: string; credits: number; effectiveFrom: string; effectiveTo: string | null }) {
    const codes = [...program.modules.map((m) => m.code), ...program.credentials.map((c) => c.code)]
    if (!codes.includes(t.credential)) throw fieldError('credential', `Choose a credential the program awards: ${codes.join(', ')}.`)
    if (t.credits > cap) throw fieldError('credits', `An agreement grants at most ${cap} credits: no holder may receive more at one institution.`)
    if (!isDay(t.effectiveFrom)) throw fieldError('effectiveFrom', 'Give a day that exists (YYYY-MM-DD).')
    if (t.effectiveTo !== null && !isDay(t.effectiveTo)) throw fieldError('effectiveTo', 'Give a day that exists (YYYY-MM-DD).')
    if (t.effectiveTo !== null && t.effectiveTo < t.effectiveFrom) throw fieldError('effectiveTo', 'The agreement cannot end before it starts.')
  }

  /** The institution ids a college partner may act for; every institution (undefined) for staff. In the caller's transaction when given. */
  async function scopeOf(actor: Actor | null, within: DbOrTx = db): Promise<{ actor: Actor; institutionIds: string[] | undefined }> {
    const who = requireRole(actor, 'program_staff', 'college_partner')
    if (hasRole(who, 'program_staff')) return { actor: who, institutionIds: undefined }
    return { actor: who, institutionIds: (await deps.institutions.collegesOf(within, who.userId)).map((i) => i.id) }
  }

  return {
    credentialName,
    scopeOf,
    /** The agreement as the rules and requests need it (no access check: callers check theirs). */
    find: (id: string, within: DbOrTx = db) => agreementById(within, id),

    async create(actor: Actor | null, body: CreateAgreementBody): Promise<AgreementView> {
      const staff = requireRole(actor, 'program_staff')
      const terms = { ...body, programCode: body.programCode ?? null, earnedWithinYears: body.earnedWithinYears ?? null, conditions: body.conditions ?? null, effectiveTo: body.effectiveTo ?? null }
      checkTerms(terms)
      const id = newId()
      const at = ctx.clock().toISOString()
      return inTransaction(db, async (trx) => {
        const institution = await deps.institutions.college(trx, body.institutionId)
        if (!institution) throw fieldError('institutionId', 'Choose a partner institution (a college organisation).')
        const row: AgreementRow = {
          id, institution_id: institution.id, credential: terms.credential, program_name: terms.programName, program_code: terms.programCode,
          courses: JSON.stringify(terms.courses), credits: terms.credits, earned_within_years: terms.earnedWithinYears, conditions: terms.conditions,
          effective_from: terms.effectiveFrom, effective_to: terms.effectiveTo, created_at: at, created_by: staff.userId, updated_at: at,
        }
        await insertAgreement(trx, row)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'agreement.created', entityType: 'articulation_agreement', entityId: id, details: { ...terms } })
        return toView(row, institution)
      })
    },

    async update(actor: Actor | null, id: string, body: UpdateAgreementBody): Promise<AgreementView> {
      const staff = requireRole(actor, 'program_staff')
      return inTransaction(db, async (trx) => {
        const row = await agreementById(trx, id)
        if (!row) throw notFound('The agreement')
        const next: AgreementRow = {
          ...row,
          credential: body.credential ?? row.credential, program_name: body.programName ?? row.program_name,
          program_code: body.programCode !== undefined ? body.programCode : row.program_code,
          courses: body.courses ? JSON.stringify(body.courses) : row.courses, credits: body.credits ?? Number(row.credits),
          earned_within_years: body.earnedWithinYears !== undefined ? body.earnedWithinYears : row.earned_within_years,
          conditions: body.conditions !== undefined ? body.conditions : row.conditions,
          effective_from: body.effectiveFrom ?? row.effective_from, effective_to: body.effectiveTo !== undefined ? body.effectiveTo : row.effective_to,
          updated_at: ctx.clock().toISOString(),
        }
        checkTerms({ credential: next.credential, credits: next.credits, effectiveFrom: next.effective_from, effectiveTo: next.effective_to })
        const { id: _id, institution_id: _i, created_at: _c, created_by: _b, ...change } = next
        await updateAgreement(trx, id, change)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'agreement.updated', entityType: 'articulation_agreement', entityId: id, details: { ...body } })
        const [view] = await views(trx, [next])
        if (!view) throw notFound('The institution')
        return view
      })
    },

    /** Every agreement (staff), or those of the institutions a college partner belongs to. */
    async list(actor: Actor | null) {
      const scope = await scopeOf(actor)
      return { items: await views(db, await listAgreements(db, { institutionIds: scope.institutionIds })), nextCursor: null }
    },

    /** Public: each partner institution with the agreements in effect today. */
    async partners(): Promise<PartnerList> {
      const rows = await listAgreements(db, { onDay: ctx.clock().toISOString().slice(0, 10) })
      const byInstitution = new Map<string, AgreementView[]>()
      for (const view of await views(db, rows)) byInstitution.set(view.institution.id, [...(byInstitution.get(view.institution.id) ?? []), view])
      const items = [...byInstitution.values()].map((agreements) => ({ ...agreements[0]!.institution, agreements }))
      items.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      return { items, creditsCap: cap, nextCursor: null }
    },

    /** The institutions a college partner acts for (their pages choose among them). */
    async myInstitutions(actor: Actor | null) {
      const who = requireRole(actor, 'college_partner')
      const items = await deps.institutions.collegesOf(db, who.userId)
      return { items, nextCursor: null }
    },
  }
}

export type AgreementsService = ReturnType<typeof createAgreementsService>
