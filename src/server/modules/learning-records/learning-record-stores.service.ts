// External learning record stores: program staff configure endpoints (for the whole program, a center or
// an employer), and every statement recorded is queued, in the recording transaction, for each active
// endpoint whose audience includes the learner; the dispatcher sends the queue after the commit. Staff see
// each endpoint's deliveries by status and the latest errors, send a test statement, and put failed
// deliveries back in the queue. An endpoint's secret is write-only: no answer carries it, no log line
// names it, and the audit log records only that it changed.
import { connectionTestStatement } from '../../../common/learning/xapi-statements.js'
import { lrsEndpointUrlProblem, normalizeLrsEndpointUrl } from '../../../common/rules/lrs-endpoint-url.js'
import type {
  CreateLrsEndpointBody, DeliveryCounts, LrsDeliveryStatus, LrsEndpointView, LrsOrganisations, LrsRetryResult, LrsTestResult, UpdateLrsEndpointBody,
} from '../../../common/schemas/learning-records.js'
import type { ServerContext } from '../../context.js'
import type { Envelope } from '../../crypto/envelope.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { UserDirectory } from '../accounts/users.service.js'
import { endpointsFor, type LearnerOrganisations } from './delivery-policy.js'
import { postStatements } from './lrs-client.js'
import { createLrsDispatcher } from './lrs-dispatcher.js'
import {
  activeEndpointAudiences, allEndpoints, deliveryCounts, endpointSecretsUnderOtherKeks, endpointsWithPlaintextSecret, findEndpoint, insertDeliveries, insertEndpoint,
  latestErrors, requeueFailed, sealPlaintextSecret, updateEndpoint, type EndpointRow,
} from './lrs.repository.js'
import { openSecret, sealSecret } from './lrs-secrets.js'
import { assertValidStatement } from './statement-validator.js'

export interface LearningRecordStoresDeps {
  audit: Pick<AuditService, 'record'>
  centers: Pick<CenterDirectory, 'find' | 'findMany' | 'listAll'>
  users: Pick<UserDirectory, 'findById' | 'contactsOf' | 'activeIdsWithRole'>
  /** Which centers and employers a learner belongs to, for their endpoints (the training module's answer, read in the recording transaction). */
  audience: { organisationsOf(within: DbOrTx, userId: string): Promise<LearnerOrganisations> }
}

const LATEST_ERRORS = 25
const PROGRAM_NAME = 'The whole program'

export function createLearningRecordStoresService(ctx: ServerContext, deps: LearningRecordStoresDeps, o: { timeoutMs?: number } = {}) {
  const dispatcher = createLrsDispatcher(ctx, o)
  const now = () => ctx.clock().toISOString()

  async function ownerNames(rows: readonly EndpointRow[]): Promise<Map<string, string>> {
    const centerIds = rows.filter((r) => r.owner_kind === 'center' && r.owner_id).map((r) => r.owner_id!)
    const employerIds = rows.filter((r) => r.owner_kind === 'employer' && r.owner_id).map((r) => r.owner_id!)
    const [centers, employers] = await Promise.all([deps.centers.findMany(centerIds), deps.users.contactsOf(employerIds)])
    const names = new Map<string, string>()
    for (const [id, c] of centers) names.set(`center:${id}`, c.name)
    for (const [id, c] of employers) names.set(`employer:${id}`, `${c.first_name} ${c.last_name} (${c.email})`)
    return names
  }

  async function views(rows: readonly EndpointRow[]): Promise<LrsEndpointView[]> {
    const [names, counts] = await Promise.all([ownerNames(rows), deliveryCounts(ctx.db)])
    const countsOf = new Map<string, DeliveryCounts>()
    for (const c of counts) {
      const entry = countsOf.get(c.endpoint_id) ?? { pending: 0, sent: 0, failed: 0 }
      if (c.status === 'pending' || c.status === 'sent' || c.status === 'failed') entry[c.status] = Number(c.n)
      countsOf.set(c.endpoint_id, entry)
    }
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerKind: r.owner_kind,
      ownerId: r.owner_id,
      ownerName: r.owner_kind === 'program' ? PROGRAM_NAME : names.get(`${r.owner_kind}:${r.owner_id}`) ?? '(no longer exists)',
      url: r.url,
      authKey: r.auth_key,
      secretSet: r.auth_secret.length > 0,
      active: Number(r.active) === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      lastTest: r.last_test_at ? { at: r.last_test_at, ok: Number(r.last_test_ok) === 1, detail: r.last_test_detail ?? '' } : null,
      deliveries: countsOf.get(r.id) ?? { pending: 0, sent: 0, failed: 0 },
    }))
  }

  async function viewOf(id: string): Promise<LrsEndpointView> {
    const row = await findEndpoint(ctx.db, id)
    if (!row) throw notFound('The learning record store endpoint')
    return (await views([row]))[0]!
  }

  function checkedUrl(url: string): string {
    const problem = lrsEndpointUrlProblem(url)
    if (problem) throw fieldError('url', problem)
    return normalizeLrsEndpointUrl(url)
  }

  async function checkedOwner(within: DbOrTx, kind: CreateLrsEndpointBody['ownerKind'], ownerId: string | undefined): Promise<string | null> {
    if (kind === 'program') {
      if (ownerId !== undefined) throw fieldError('ownerId', 'An endpoint for the whole program names no center or employer.')
      return null
    }
    if (ownerId === undefined) throw fieldError('ownerId', kind === 'center' ? 'Choose the center.' : 'Choose the employer.')
    if (kind === 'center') {
      if (!(await deps.centers.find(ownerId, within))) throw fieldError('ownerId', 'There is no such center.')
    } else {
      const user = await deps.users.findById(ownerId, within)
      if (!user || !user.roles.includes('employer')) throw fieldError('ownerId', 'There is no employer account with this id.')
    }
    return ownerId
  }

  return {
    dispatcher,

    /**
     * Queues statements for every active endpoint whose audience includes their learner, in the
     * recording transaction. Returns how many deliveries were queued (the caller kicks the dispatcher).
     */
    async enqueue(within: DbOrTx, statements: readonly { userId: string; statementId: string }[]): Promise<number> {
      if (statements.length === 0) return 0
      const endpoints = (await activeEndpointAudiences(within)).map((e) => ({ id: e.id, ownerKind: e.owner_kind, ownerId: e.owner_id }))
      if (endpoints.length === 0) return 0
      const needsAudience = endpoints.some((e) => e.ownerKind !== 'program')
      const organisations = new Map<string, LearnerOrganisations>()
      if (needsAudience) {
        for (const userId of new Set(statements.map((s) => s.userId))) organisations.set(userId, await deps.audience.organisationsOf(within, userId))
      }
      const at = now()
      const rows = statements.flatMap((s) => endpointsFor(endpoints, organisations.get(s.userId) ?? { centers: [], employers: [] }).map((e) => ({
        id: newId(), statement_id: s.statementId, endpoint_id: e.id, status: 'pending' as const, attempts: 0, next_attempt_at: at,
        locked_until: null, last_error: null, last_attempt_at: null, sent_at: null, created_at: at,
      })))
      await insertDeliveries(within, rows)
      return rows.length
    },

    /**
     * At start, before anything is written: refuses when endpoint secrets are sealed under another KEK
     * than this process's (both ids named), so a wrong MT1_KEY_ENCRYPTION_KEY changes nothing.
     */
    async checkKeyEncryption(): Promise<void> {
      const others = await endpointSecretsUnderOtherKeks(ctx.db, ctx.secrets.kekId)
      if (others.length === 0) return
      const list = others.map((o) => `${Number(o.endpoints)} under ${o.auth_secret_kek_id}`).join(', ')
      throw new Error(`The learning record store secrets in the database are encrypted under another key-encryption key (${list}) than the one this process holds, ` +
        `${ctx.secrets.kekId} (${ctx.secrets.source}). Start every instance with the same MT1_KEY_ENCRYPTION_KEY. Nothing was changed.`)
    },

    /** At start: seals the secrets stored in plaintext before migration 0034 (idempotent; a row sealed meanwhile by another instance is left). */
    async sealPlaintextSecrets(): Promise<number> {
      let sealed = 0
      for (const row of await endpointsWithPlaintextSecret(ctx.db)) {
        if (await sealPlaintextSecret(ctx.db, row.id, row.auth_secret, sealSecret(ctx.secrets, row.id, row.auth_secret))) sealed++
      }
      if (sealed > 0) ctx.log.info({ endpoints: sealed }, 'Learning record store secrets encrypted under the key-encryption key.')
      return sealed
    },

    /** `mt1 keys rewrap`: re-seals the endpoint secrets sealed under this process's KEK under the new KEK `to`. */
    async rewrapSecrets(to: Envelope): Promise<number> {
      let done = 0
      for (const row of await allEndpoints(ctx.db)) {
        if (row.auth_secret_kek_id !== ctx.secrets.kekId) continue
        const plaintext = openSecret(ctx.secrets, { endpointId: row.id, secret: row.auth_secret, kekId: row.auth_secret_kek_id })
        if (await updateEndpoint(ctx.db, row.id, sealSecret(to, row.id, plaintext))) done++
      }
      return done
    },

    /** A dispatch pass soon, after the caller's commit (a no-op until the dispatcher is started). */
    kick: () => dispatcher.kick(),

    async list(actor: Actor | null): Promise<LrsEndpointView[]> {
      requireRole(actor, 'program_staff')
      return views(await allEndpoints(ctx.db))
    },

    async create(actor: Actor | null, body: CreateLrsEndpointBody): Promise<LrsEndpointView> {
      const staff = requireRole(actor, 'program_staff')
      const url = checkedUrl(body.url)
      const id = newId()
      await inTransaction(ctx.db, async (trx) => {
        const ownerId = await checkedOwner(trx, body.ownerKind, body.ownerId)
        const at = now()
        await insertEndpoint(trx, {
          id, name: body.name.trim(), owner_kind: body.ownerKind, owner_id: ownerId, url, auth_key: body.authKey, ...sealSecret(ctx.secrets, id, body.authSecret),
          active: body.active === false ? 0 : 1, created_by: staff.userId, created_at: at, updated_at: at, last_test_at: null, last_test_ok: null, last_test_detail: null,
        })
        await deps.audit.record(trx, {
          actorId: staff.userId, action: 'lrs_endpoint.created', entityType: 'lrs_endpoint', entityId: id,
          details: { name: body.name.trim(), ownerKind: body.ownerKind, ownerId, url, authKey: body.authKey, active: body.active !== false },
        })
      })
      return viewOf(id)
    },

    async update(actor: Actor | null, id: string, body: UpdateLrsEndpointBody): Promise<LrsEndpointView> {
      const staff = requireRole(actor, 'program_staff')
      const url = body.url !== undefined ? checkedUrl(body.url) : undefined
      await inTransaction(ctx.db, async (trx) => {
        const before = await findEndpoint(trx, id)
        if (!before) throw notFound('The learning record store endpoint')
        const change = {
          ...(body.name !== undefined ? { name: body.name.trim() } : {}),
          ...(url !== undefined ? { url } : {}),
          ...(body.authKey !== undefined ? { auth_key: body.authKey } : {}),
          ...(body.authSecret !== undefined ? sealSecret(ctx.secrets, id, body.authSecret) : {}),
          ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
          updated_at: now(),
        }
        await updateEndpoint(trx, id, change)
        await deps.audit.record(trx, {
          actorId: staff.userId,
          action: body.active === false && Number(before.active) === 1 ? 'lrs_endpoint.deactivated' : body.active === true && Number(before.active) === 0 ? 'lrs_endpoint.activated' : 'lrs_endpoint.updated',
          entityType: 'lrs_endpoint', entityId: id,
          // What changed, the secret only as "changed": its value is never written anywhere but its column.
          details: {
            ...(body.name !== undefined ? { name: body.name.trim() } : {}), ...(url !== undefined ? { url } : {}),
            ...(body.authKey !== undefined ? { authKey: body.authKey } : {}), ...(body.authSecret !== undefined ? { secretChanged: true } : {}),
            ...(body.active !== undefined ? { active: body.active } : {}),
          },
        })
      })
      // Reactivated (or repaired) endpoints have deliveries waiting.
      dispatcher.kick()
      return viewOf(id)
    },

    /**
     * Sends one connection-test statement to the endpoint now and says what the LRS answered. It is not a
     * learning record (nothing is queued or stored but the outcome on the endpoint) and is checked against
     * the statement schema like every statement the platform sends.
     */
    async sendTest(actor: Actor | null, id: string): Promise<LrsTestResult> {
      const staff = requireRole(actor, 'program_staff')
      const row = await findEndpoint(ctx.db, id)
      if (!row) throw notFound('The learning record store endpoint')
      const statement = connectionTestStatement({ id: newId(), baseUrl: ctx.config.publicUrl, now: ctx.clock() })
      assertValidStatement(statement)
      const answer = await postStatements({ url: row.url, key: row.auth_key, secret: openSecret(ctx.secrets, { endpointId: row.id, secret: row.auth_secret, kekId: row.auth_secret_kek_id }) }, [statement], o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {})
      const ok = answer.status !== null && answer.status >= 200 && answer.status < 300
      const detail = ok ? `Delivered: the store answered ${answer.detail}.` : answer.detail
      await inTransaction(ctx.db, async (trx) => {
        await updateEndpoint(trx, id, { last_test_at: now(), last_test_ok: ok ? 1 : 0, last_test_detail: detail.slice(0, 1000) })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'lrs_endpoint.tested', entityType: 'lrs_endpoint', entityId: id, details: { ok, status: answer.status, statementId: statement.id } })
      })
      return { ok, status: answer.status, detail, statementId: statement.id, endpoint: await viewOf(id) }
    },

    /** Puts the endpoint's failed deliveries back in the queue (after staff fixed its address or credentials). */
    async retryFailed(actor: Actor | null, id: string): Promise<LrsRetryResult> {
      const staff = requireRole(actor, 'program_staff')
      const requeued = await inTransaction(ctx.db, async (trx) => {
        if (!(await findEndpoint(trx, id))) throw notFound('The learning record store endpoint')
        const n = await requeueFailed(trx, id, now())
        await deps.audit.record(trx, { actorId: staff.userId, action: 'lrs_endpoint.requeued', entityType: 'lrs_endpoint', entityId: id, details: { requeued: n } })
        return n
      })
      if (requeued > 0) dispatcher.kick()
      return { requeued, endpoint: await viewOf(id) }
    },

    async deliveryStatus(actor: Actor | null): Promise<LrsDeliveryStatus> {
      requireRole(actor, 'program_staff')
      const [counts, errors, endpoints] = await Promise.all([deliveryCounts(ctx.db), latestErrors(ctx.db, LATEST_ERRORS), allEndpoints(ctx.db)])
      const totals = { pending: 0, sent: 0, failed: 0 }
      for (const c of counts) if (c.status === 'pending' || c.status === 'sent' || c.status === 'failed') totals[c.status] += Number(c.n)
      const names = new Map(endpoints.map((e) => [e.id, e.name]))
      return {
        totals,
        errors: errors.map((e) => ({
          id: e.id, endpointId: e.endpoint_id, endpointName: names.get(e.endpoint_id) ?? '', statementId: e.statement_id,
          status: e.status === 'failed' ? 'failed' as const : 'pending' as const, attempts: Number(e.attempts), error: e.last_error ?? '',
          lastAttemptAt: e.last_attempt_at, nextAttemptAt: e.status === 'pending' ? e.next_attempt_at : null,
        })),
      }
    },

    /** The centers and employers an endpoint may belong to, for the staff form. */
    async organisations(actor: Actor | null): Promise<LrsOrganisations> {
      requireRole(actor, 'program_staff')
      const [centers, employerIds] = await Promise.all([deps.centers.listAll(), deps.users.activeIdsWithRole('employer')])
      const contacts = await deps.users.contactsOf(employerIds)
      return {
        centers: centers.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name)),
        employers: [...contacts].map(([id, c]) => ({ id, name: `${c.first_name} ${c.last_name}`.trim(), email: c.email })).sort((a, b) => a.name.localeCompare(b.name)),
      }
    },

    /** Starts forwarding in the background (main.ts): a pass on the timer and after each recording. */
    startDispatcher: (intervalMs?: number) => dispatcher.start(intervalMs),
    stopDispatcher: () => dispatcher.stop(),
  }
}

export type LearningRecordStoresService = ReturnType<typeof createLearningRecordStoresService>
