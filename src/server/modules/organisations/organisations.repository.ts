// SQL of organisations, their members and invitations (issue 14).
import type { DbOrTx, Tx } from '../../db/database.js'
import type { OrganisationInvitationsTable, OrganisationKind, OrganisationMembersTable, OrganisationRole, OrganisationsTable } from '../../db/schema.js'

export type OrganisationRow = OrganisationsTable
export type MemberRow = OrganisationMembersTable
export type InvitationRow = OrganisationInvitationsTable

export async function insertOrganisation(trx: Tx, row: OrganisationRow): Promise<void> {
  await trx.insertInto('organisations').values(row).execute()
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOrganisations(db: DbOrTx, ids: readonly string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('organisations').selectAll().where('id', 'in', [...new Set(ids)]).execute()
}

export async function listOrganisations(db: DbOrTx, kind?: OrganisationKind): Promise<OrganisationRow[]> {
  let q = db.selectFrom('organisations').selectAll()
  if (kind) q = q.where('kind', '=', kind)
  return q.orderBy('name').orderBy('id').execute()
}

/** Members per organisation, for staff's list. */
export async function memberCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('organisation_members').select((eb) => ['organisation_id', eb.fn.countAll().as('n')]).groupBy('organisation_id').execute()
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}

/** Invitations neither accepted nor withdrawn nor expired, per organisation. */
export async function openInvitationCounts(db: DbOrTx, now: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('organisation_invitations').select((eb) => ['organisation_id', eb.fn.countAll().as('n')])
    .where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).where('expires_at', '>', now).groupBy('organisation_id').execute()
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}

export async function membersOf(db: DbOrTx, organisationId: string): Promise<MemberRow[]> {
  return db.selectFrom('organisation_members').selectAll().where('organisation_id', '=', organisationId).execute()
}

export async function membershipOf(db: DbOrTx, organisationId: string, userId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('organisation_members').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst()
}

export async function membershipsOfUser(db: DbOrTx, userId: string): Promise<MemberRow[]> {
  return db.selectFrom('organisation_members').selectAll().where('user_id', '=', userId).execute()
}

export async function insertMember(trx: Tx, row: MemberRow): Promise<void> {
  await trx.insertInto('organisation_members').values(row).execute()
}

export async function deleteMember(trx: Tx, organisationId: string, userId: string): Promise<boolean> {
  const r = await trx.deleteFrom('organisation_members').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

export async function countOwners(db: DbOrTx, organisationId: string): Promise<number> {
  const r = await db.selectFrom('organisation_members').select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId).where('role', '=', 'owner' satisfies OrganisationRole).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function insertInvitation(trx: Tx, row: InvitationRow): Promise<void> {
  await trx.insertInto('organisation_invitations').values(row).execute()
}

export async function findInvitation(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('organisation_invitations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findInvitationByTokenHash(db: DbOrTx, hash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('organisation_invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst()
}

/** The invitation to this address that is neither accepted nor withdrawn (it may have expired). */
export async function unansweredInvitation(db: DbOrTx, organisationId: string, email: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('organisation_invitations').selectAll().where('organisation_id', '=', organisationId).where('email', '=', email)
    .where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).executeTakeFirst()
}

/** Invitations of an organisation not yet accepted or withdrawn, newest first (expired ones included: the owner sees them). */
export async function unansweredInvitations(db: DbOrTx, organisationId: string): Promise<InvitationRow[]> {
  return db.selectFrom('organisation_invitations').selectAll().where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Withdraws an unanswered invitation once; true when this call did. */
export async function withdrawInvitation(trx: Tx, id: string, at: string): Promise<boolean> {
  const r = await trx.updateTable('organisation_invitations').set({ withdrawn_at: at })
    .where('id', '=', id).where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Accepts an open invitation once; true when this call did. */
export async function acceptInvitation(trx: Tx, id: string, userId: string, at: string): Promise<boolean> {
  const r = await trx.updateTable('organisation_invitations').set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', id).where('accepted_at', 'is', null).where('withdrawn_at', 'is', null).where('expires_at', '>', at).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/**
 * Row-locks the organisation until the transaction ends (PostgreSQL; SQLite runs one transaction at a
 * time): removals of its members take it, so two owners removing each other cannot leave none.
 */
export async function lockOrganisation(trx: Tx, id: string, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await trx.selectFrom('organisations').select('id').where('id', '=', id).forNoKeyUpdate().execute()
}
