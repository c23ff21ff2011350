// Modified-Angoff standard setting (issue 15, item 4). Staff create a study of a module's operational
// items, add panelists (accounts by email, new ones invited), open and close two rounds, and record the
// decision; panelists rate every item in each open round. The completed study documents the program's
// standard (the 75 % pass rule), and the technical report reads it through `recordFor`.
import { ANGOFF_ROUNDS, MIN_PANELISTS, closedRounds, missingRatings, openRound, panelistCut, ratingKey, recommendedCut, round1, round2, statusAfterClosing, statusAfterOpening } from '../../../common/rules/angoff.js'
import type { AddPanelistBody, CreateStudyBody, StudySummaryView, StudyView } from '../../../common/schemas/standard-setting.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UsersService } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import { impactOf, roundViews, type ItemPValues } from './impact.js'
import {
  closeRound, completedStudiesIn, findStudy, insertPanelist, insertRound, insertStudy, isPanelist, listStudies, moveStatus, panelistCounts,
  panelistIds, ratingsOf, roundsOf, studiesOfPanelist, upsertRating, type StudyRow,
} from './standard-setting.repository.js'
import { chooseItems, parseItems, ratingItems, type StudyItemBank } from './study-items.js'

export interface StandardSettingDeps {
  audit: AuditService
  notifications: NotificationsService
  program: ProgramService
  users: Pick<UsersService, 'findByEmail' | 'contactsOf' | 'create'>
  itemBank: StudyItemBank
  /** Item p-values on real attempts (results' item scores today; the statistics module's stored p later). */
  itemPValues: ItemPValues
  /** Recent scored results' percents of a module (impact: pass rate at a cut). */
  recentPercents: (module: string) => Promise<number[]>
}

/** What the technical report cites of a study (P3 reads it; keep the shape). */
export interface StandardRecord { cutPercent: number; se: number; panelists: number; rounds: number; note: string; studyId: string }

export function createStandardSettingService(ctx: ServerContext, deps: StandardSettingDeps) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  const moduleOf = (code: string) => deps.program.module(code)

  async function studyOr404(id: string, within: DbOrTx = db): Promise<StudyRow> {
    const row = await findStudy(within, id)
    if (!row) throw notFound('The study')
    return row
  }

  async function summaries(rows: StudyRow[]): Promise<StudySummaryView[]> {
    const ids = rows.map((r) => r.id)
    const [counts, rounds] = await Promise.all([panelistCounts(db, ids), roundsOf(db, ids)])
    return rows.map((r) => {
      const last = rounds.filter((x) => x.study_id === r.id && x.closed_at !== null).at(-1)
      return {
        id: r.id, module: r.module, moduleName: moduleOf(r.module)?.name ?? r.module, title: r.title, meetingDate: r.meeting_date, status: r.status,
        itemCount: parseItems(r.items).length, panelistCount: counts.get(r.id) ?? 0,
        cutPercent: last?.cut_percent == null ? null : round1(last.cut_percent), se: last?.se == null ? null : round2(last.se), createdAt: r.created_at,
      }
    })
  }

  /** Impact data of the last closed round, and every round with the pass rate at its cut. */
  async function impactAndRounds(row: StudyRow) {
    const [rounds, percents] = await Promise.all([roundsOf(db, [row.id]), deps.recentPercents(row.module)])
    const passPercent = moduleOf(row.module)?.passPercent ?? 0
    const last = closedRounds(row.status)
    let impact = null
    if (last > 0) {
      const [ratings, pValues] = await Promise.all([ratingsOf(db, row.id, last), deps.itemPValues(row.module)])
      impact = impactOf({ round: last, items: parseItems(row.items), ratings, pValues, percents, cut: rounds.find((r) => r.round === last)?.cut_percent ?? null, passPercent })
    }
    return { impact, rounds: roundViews(rounds, percents), passPercent }
  }

  async function view(row: StudyRow): Promise<StudyView> {
    const [[summary], ids, all, extra] = await Promise.all([summaries([row]), panelistIds(db, row.id), ratingsOf(db, row.id), impactAndRounds(row)])
    const contacts = await deps.users.contactsOf([...ids, ...[row.created_by, row.decided_by].filter((x): x is string => !!x)])
    const current = openRound(row.status) ?? Math.max(1, closedRounds(row.status))
    const closed = closedRounds(row.status)
    const nameOf = (id: string | null) => { const c = id ? contacts.get(id) : undefined; return c ? `${c.first_name} ${c.last_name}` : null }
    return {
      ...summary!, trainingNote: row.training_note, itemSource: row.item_source, passPercent: extra.passPercent, openRound: openRound(row.status),
      panelists: ids.map((id) => {
        const c = contacts.get(id)
        const mine = all.filter((r) => r.panelist_id === id)
        const cuts: number[] = []
        for (let round = 1; round <= closed; round++) {
          const rs = mine.filter((r) => r.round === round).map((r) => r.rating)
          if (rs.length) cuts.push(round1(panelistCut(rs)))
        }
        return { userId: id, name: c ? `${c.first_name} ${c.last_name}` : id, email: c?.email ?? '', rated: mine.filter((r) => r.round === current).length, cuts }
      }),
      rounds: extra.rounds, impact: extra.impact,
      decisionNote: row.decision_note, decidedAt: row.decided_at, decidedBy: nameOf(row.decided_by), createdBy: nameOf(row.created_by),
    }
  }

  async function requirePanelist(actor: Actor | null, id: string): Promise<{ who: Actor; row: StudyRow }> {
    const who = requireActor(actor)
    const row = await findStudy(db, id)
    // A study is invisible to anyone not on its panel (staff use the staff pages).
    if (!row || !(await isPanelist(db, id, who.userId))) throw notFound('The study')
    return { who, row }
  }

  return {
    async list(actor: Actor | null) {
      requireRole(actor, 'program_staff')
      return { items: await summaries(await listStudies(db)), nextCursor: null }
    },

    async create(actor: Actor | null, input: CreateStudyBody): Promise<StudyView> {
      const staff = requireRole(actor, 'program_staff')
      if (!moduleOf(input.module)) throw fieldError('module', `There is no module ${input.module}.`)
      if (Number.isNaN(Date.parse(`${input.meetingDate}T00:00:00Z`)) || new Date(`${input.meetingDate}T00:00:00Z`).toISOString().slice(0, 10) !== input.meetingDate) {
        throw fieldError('meetingDate', 'Enter a real calendar day.')
      }
      const items = await chooseItems(deps.itemBank, input.module, input.itemSource)
      const id = newId()
      const at = now()
      await inTransaction(db, async (trx) => {
        await insertStudy(trx, {
          id, module: input.module, title: input.title.trim(), meeting_date: input.meetingDate, training_note: input.trainingNote, item_source: input.itemSource,
          items: JSON.stringify(items), status: 'draft', decision_note: null, decided_at: null, decided_by: null, created_at: at, created_by: staff.userId, updated_at: at,
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'standard_setting.created', entityType: 'standard_setting_study', entityId: id, details: { module: input.module, items: items.length, itemSource: input.itemSource } })
      })
      return view(await studyOr404(id))
    },

    async get(actor: Actor | null, id: string): Promise<StudyView> {
      requireRole(actor, 'program_staff')
      return view(await studyOr404(id))
    },

    /** Adds a panelist by email: an existing active account, or a new one (named) who gets a link to choose a password. */
    async addPanelist(actor: Actor | null, id: string, input: AddPanelistBody): Promise<StudyView> {
      const staff = requireRole(actor, 'program_staff')
      const row = await studyOr404(id)
      if (row.status !== 'draft') throw new AppError('CONFLICT', 'Panelists are added before round 1 opens.')
      let user = await deps.users.findByEmail(input.email)
      if (user && user.status !== 'active') throw fieldError('email', 'This account is disabled.')
      if (!user) {
        if (!input.firstName || !input.lastName) throw fieldError(input.firstName ? 'lastName' : 'firstName', 'No account has this email: enter the person’s name to invite them.')
        const created = await deps.users.create(staff, { email: input.email, firstName: input.firstName, lastName: input.lastName, roles: [] })
        user = await deps.users.findByEmail(created.email)
        if (!user) throw new Error('the invited account was not found after it was created')
      }
      const userId = user.id
      const added = await inTransaction(db, async (trx) => {
        const fresh = await studyOr404(id, trx)
        if (fresh.status !== 'draft') throw new AppError('CONFLICT', 'Panelists are added before round 1 opens.')
        const inserted = await insertPanelist(trx, { study_id: id, user_id: userId, added_at: now(), added_by: staff.userId })
        if (inserted) await deps.audit.record(trx, { actorId: staff.userId, action: 'standard_setting.panelist_added', entityType: 'standard_setting_study', entityId: id, details: { userId } })
        return inserted
      })
      if (added) {
        await deps.notifications.send({
          to: user.email,
          subject: `You are a panelist: ${row.title}`,
          text: `Hello ${user.first_name},\n\nThe Manufacturing Skills Institute asked you to sit on the standard-setting panel "${row.title}" (meeting ${row.meeting_date}).\n`
            + `Read the training note and rate the items here when the round opens:\n\n${ctx.config.publicUrl}/standard-setting/${id}/rate\n`,
        })
      }
      return view(await studyOr404(id))
    },

    /** Opens round 1 (two panelists at least) or round 2 (after round 1 closed). */
    async openRound(actor: Actor | null, id: string): Promise<StudyView> {
      const staff = requireRole(actor, 'program_staff')
      await inTransaction(db, async (trx) => {
        const row = await studyOr404(id, trx)
        const next = statusAfterOpening(row.status)
        if (!next) throw new AppError('CONFLICT', row.status === 'draft' ? 'The study cannot open a round now.' : `No further round opens: the study is ${row.status.replace('_', ' ')}.`)
        const panel = await panelistIds(trx, id)
        if (panel.length < MIN_PANELISTS) throw new AppError('RULE_VIOLATION', `Add ${MIN_PANELISTS} panelists at least: the standard error is taken across panelists.`)
        const round = openRound(next)!
        if (!(await moveStatus(trx, id, row.status, next, now()))) throw new AppError('CONFLICT', 'The study changed meanwhile: reload it.')
        await insertRound(trx, id, round, now())
        await deps.audit.record(trx, { actorId: staff.userId, action: 'standard_setting.round_opened', entityType: 'standard_setting_study', entityId: id, details: { round } })
      })
      return view(await studyOr404(id))
    },

    /** Closes the open round once every panelist rated every item, recording its recommended cut and SE. */
    async closeRound(actor: Actor | null, id: string): Promise<StudyView> {
      const staff = requireRole(actor, 'program_staff')
      await inTransaction(db, async (trx) => {
        const row = await studyOr404(id, trx)
        const next = statusAfterClosing(row.status)
        const round = openRound(row.status)
        if (!next || round === null) throw new AppError('CONFLICT', 'No round is open.')
        const [panel, ratings] = await Promise.all([panelistIds(trx, id), ratingsOf(trx, id, round)])
        const items = parseItems(row.items).map((i) => i.itemId)
        const missing = missingRatings(panel, items, new Set(ratings.map((r) => ratingKey(r.panelist_id, r.item_id))))
        if (missing.length > 0) {
          const who = new Set(missing.map((m) => m.panelistId)).size
          throw new AppError('RULE_VIOLATION', `${missing.length} rating${missing.length === 1 ? ' is' : 's are'} missing (${who} panelist${who === 1 ? '' : 's'}): every panelist rates every item before the round closes.`, { missing: missing.length })
        }
        const itemSet = new Set(items)
        const result = recommendedCut(panel.map((p) => ratings.filter((r) => r.panelist_id === p && itemSet.has(r.item_id)).map((r) => r.rating)))
        if (!(await moveStatus(trx, id, row.status, next, now()))) throw new AppError('CONFLICT', 'The study changed meanwhile: reload it.')
        await closeRound(trx, id, round, now(), result)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'standard_setting.round_closed', entityType: 'standard_setting_study', entityId: id, details: { round, cut: result.cut, se: result.se, panelists: result.panelists } })
      })
      return view(await studyOr404(id))
    },

    /** Staff's decision after the last round ("kept at 75 %"): the study is completed and documents the standard. */
    async decide(actor: Actor | null, id: string, note: string): Promise<StudyView> {
      const staff = requireRole(actor, 'program_staff')
      await inTransaction(db, async (trx) => {
        const row = await studyOr404(id, trx)
        if (row.status !== 'round2_closed') throw new AppError('CONFLICT', `The decision is recorded after round ${ANGOFF_ROUNDS} closes.`)
        if (!(await moveStatus(trx, id, row.status, 'completed', now(), { note, by: staff.userId }))) throw new AppError('CONFLICT', 'The study changed meanwhile: reload it.')
        await deps.audit.record(trx, { actorId: staff.userId, action: 'standard_setting.decided', entityType: 'standard_setting_study', entityId: id, details: { note } })
      })
      return view(await studyOr404(id))
    },

    /** The studies I sit on as a panelist. */
    async mine(actor: Actor | null) {
      const who = requireActor(actor)
      return { items: await summaries(await studiesOfPanelist(db, who.userId)), nextCursor: null }
    },

    /** A panelist's workspace: training note, the items with their keys, my ratings, impact data between rounds. */
    async workspace(actor: Actor | null, id: string) {
      const { who, row } = await requirePanelist(actor, id)
      const open = openRound(row.status)
      const current = open ?? Math.max(1, closedRounds(row.status))
      const [items, mine, extra] = await Promise.all([ratingItems(deps.itemBank, parseItems(row.items)), ratingsOf(db, id, undefined, who.userId), impactAndRounds(row)])
      const asView = (r: (typeof mine)[number]) => ({ itemId: r.item_id, round: r.round, rating: r.rating, savedAt: r.saved_at })
      return {
        id: row.id, module: row.module, moduleName: moduleOf(row.module)?.name ?? row.module, title: row.title, meetingDate: row.meeting_date, status: row.status,
        trainingNote: row.training_note, openRound: open, passPercent: extra.passPercent, items,
        ratings: mine.filter((r) => r.round === current).map(asView),
        previousRatings: mine.filter((r) => r.round === current - 1).map(asView),
        impact: extra.impact, rounds: extra.rounds,
      }
    },

    /** Saves my rating of an item in the open round; the same save again changes nothing, a new value replaces it. */
    async rate(actor: Actor | null, id: string, round: number, itemId: string, rating: number) {
      const { who, row } = await requirePanelist(actor, id)
      if (!parseItems(row.items).some((i) => i.itemId === itemId)) throw notFound('The item in this study')
      const savedAt = now()
      await inTransaction(db, async (trx) => {
        // Read again in the transaction: a round closed meanwhile refuses the save.
        const fresh = await studyOr404(id, trx)
        if (openRound(fresh.status) !== round) throw new AppError('CONFLICT', `Round ${round} is not open for ratings.`)
        await upsertRating(trx, { study_id: id, round, panelist_id: who.userId, item_id: itemId, rating, saved_at: savedAt })
      })
      return { itemId, round, rating, savedAt }
    },

    /** The latest completed study of a module whose meeting was in the year (the technical report cites it). */
    async recordFor(module: string, year: number): Promise<StandardRecord | null> {
      const [row] = await completedStudiesIn(db, module, year)
      if (!row) return null
      const rounds = (await roundsOf(db, [row.id])).filter((r) => r.closed_at !== null)
      const last = rounds.at(-1)
      if (!last || last.cut_percent === null) return null
      return { cutPercent: round1(last.cut_percent), se: round2(last.se ?? 0), panelists: last.panelists ?? 0, rounds: rounds.length, note: row.decision_note ?? '', studyId: row.id }
    },
  }
}

export type StandardSettingService = ReturnType<typeof createStandardSettingService>
