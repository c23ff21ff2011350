// The national certificant registry: anyone looks a certificate up by its number; holders who opted
// in can be found by name and state; employers, colleges and staff verify many at once; staff export
// everything and read the figures. Revocation lives in revocation.service.ts.
//
// Public status: the contract knows only active and revoked. A credential withdrawn by a rescoring
// is no longer valid either, so the public sees it as revoked (never as unknown, which would make an
// honest holder look like a forger, and never as active). Reasons stay with staff and the holder.
import { parseCertificateNumber } from '../../../common/rules/certificate-number.js'
import type { ServerContext } from '../../context.js'
import { decodeCursor, encodeCursor } from '../../db/pagination.js'
import { AppError } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import { stackStatement } from '../../../common/rules/ncrc-stack.js'
import { createLookupBatcher } from './lookup-batcher.js'
import type { VerifyItem, VerifyResultView } from '../../../common/schemas/registry.js'
import { nameMatches, parseVerifyCsv, resultsToCsv } from './bulk-verify.js'
import {
  activeHoldersByState, credentialCounts, credentialsOfHolders, lookupCredentials, registryPage, searchListedHolders,
  type NameSplit, type RegistryRow,
} from './registry.repository.js'

export type PublicStatus = 'active' | 'revoked'
export const publicStatus = (status: RegistryRow['status']): PublicStatus => (status === 'active' ? 'active' : 'revoked')
export const holderName = (row: { first_name: string; last_name: string }) => `${row.first_name} ${row.last_name}`.trim()

/** The canonical number, or the 400 that tells a mistyped number from something that is not one. */
export function canonicalNumber(input: string): string {
  const parsed = parseCertificateNumber(input)
  if (parsed.ok) return parsed.number
  throw new AppError(
    'CERTIFICATE_NUMBER_INVALID',
    parsed.reason === 'check'
      ? 'This certificate number looks mistyped: its last character does not match the others. Check each character and try again.'
      : 'This is not an MT1 certificate number. They look like MT1-XXXXX-XXXXX-X.',
    { reason: parsed.reason },
  )
}

const EXPORT_PAGE = 5000
const VERIFY_CHUNK = 500
const SEARCH_TOKENS = 4

export function createRegistryService(ctx: ServerContext) {
  const { db } = ctx
  const lookupCredential = createLookupBatcher(db)

  /** SQLite's lower() folds only ASCII letters; fold the search text the way the database folds the names. */
  const fold = (text: string) => (ctx.dialect === 'postgres' ? text.toLowerCase() : text.replace(/[A-Z]/g, (c) => c.toLowerCase()))

  /** Every way to read the typed words as first name(s) then last name(s): "Jan van Berg" may be last name "van Berg". */
  function nameSplits(name: string): NameSplit[] {
    const words = fold(name).trim().split(/\s+/).filter(Boolean).slice(0, SEARCH_TOKENS)
    return words.map((_, k) => ({ first: words.slice(0, k).join(' '), last: words.slice(k).join(' ') }))
  }

  /** Verdicts for many numbers (employers, colleges, staff); looked up a few hundred at a time. */
  async function verify(actor: Actor | null, items: readonly VerifyItem[]): Promise<VerifyResultView[]> {
    requireRole(actor, 'employer', 'college_partner', 'program_staff')
    const parsed = items.map((item) => ({ item, parsed: parseCertificateNumber(item.certificateNumber) }))
    const wanted = [...new Set(parsed.flatMap((p) => (p.parsed.ok ? [p.parsed.number] : [])))]
    const found = new Map<string, RegistryRow>()
    for (let i = 0; i < wanted.length; i += VERIFY_CHUNK) {
      for (const row of await lookupCredentials(db, wanted.slice(i, i + VERIFY_CHUNK))) found.set(row.certificate_number, row)
    }
    return parsed.map(({ item, parsed: p }) => {
      const name = item.name?.trim() || null
      const base = { input: item.certificateNumber, name, type: null, holderName: null, issuedOn: null, nameMatches: null }
      if (!p.ok) return { ...base, certificateNumber: null, result: 'mistyped' as const }
      const row = found.get(p.number)
      if (!row) return { ...base, certificateNumber: p.number, result: 'not_found' as const }
      return {
        ...base, certificateNumber: p.number, result: row.status === 'active' ? ('valid' as const) : ('revoked' as const),
        type: row.type, holderName: holderName(row), issuedOn: row.issued_on, nameMatches: name === null ? null : nameMatches(name, row),
      }
    })
  }

  return {
    verify,

    async lookup(input: string) {
      const row = await lookupCredential(canonicalNumber(input))
      if (!row) throw new AppError('NOT_FOUND', 'No certificate has this number. Check it against the certificate, or ask the holder for it again.')
      const status = publicStatus(row.status)
      return {
        certificateNumber: row.certificate_number, type: row.type, holderName: holderName(row), issuedOn: row.issued_on, status,
        revokedOn: status === 'revoked' ? (row.status_changed_at?.slice(0, 10) ?? null) : null,
        // Only the NCRC's level and whether it is verified are public; its number and copy never are.
        stack: stackStatement(row.type, { level: row.ncrc_level, verified: Number(row.ncrc_verified) === 1 }),
      }
    },

    async search(query: { name: string; state?: string | undefined; limit: number; cursor?: string | undefined }) {
      const splits = nameSplits(query.name)
      if (splits.length === 0 || query.name.trim().length < 2) throw new AppError('VALIDATION', 'Type at least two letters of the name.')
      const rows = await searchListedHolders(db, ctx.dialect, { splits, state: query.state?.toUpperCase(), limit: query.limit, after: decodeCursor(query.cursor) })
      const more = rows.length > query.limit
      const page = more ? rows.slice(0, query.limit) : rows
      const credentials = await credentialsOfHolders(db, page.map((h) => h.id))
      const last = page[page.length - 1]
      return {
        items: page.map((h) => ({
          holderName: holderName(h), state: h.state,
          credentials: credentials.filter((c) => c.candidate_id === h.id).map((c) => ({ certificateNumber: c.certificate_number, type: c.type, issuedOn: c.issued_on, status: publicStatus(c.status) })),
        })),
        nextCursor: more && last ? encodeCursor({ value: String(last.sort_key), id: last.id }) : null,
      }
    },

    /** The same for an uploaded CSV: verdicts as CSV. Access is checked before the file is read. */
    async verifyCsv(actor: Actor | null, body: Buffer | null): Promise<string> {
      requireRole(actor, 'employer', 'college_partner', 'program_staff')
      if (!body) throw new AppError('VALIDATION', 'Send the CSV file as the request body with Content-Type: text/csv.')
      return resultsToCsv(await verify(actor, parseVerifyCsv(body.toString('utf8'))))
    },

    /**
     * Every certificate, a page at a time in certificate-number order (keyset, so a million rows
     * never sit in memory together). Access is checked here, before the caller starts streaming.
     * Staff see the stored status, withdrawn included.
     */
    exportPages(actor: Actor | null): AsyncGenerator<RegistryRow[]> {
      requireRole(actor, 'program_staff')
      return (async function* pages() {
        let after: string | null = null
        for (;;) {
          const rows = await registryPage(db, after, EXPORT_PAGE)
          if (rows.length > 0) yield rows
          if (rows.length < EXPORT_PAGE) return
          after = rows[rows.length - 1]!.certificate_number
        }
      })()
    },

    async figures(actor: Actor | null) {
      requireRole(actor, 'program_staff')
      const counts = await credentialCounts(db)
      const states = await activeHoldersByState(db)
      const byType = new Map<string, { type: string; active: number; revoked: number; withdrawn: number }>()
      const byYear = new Map<string, { year: number; type: string; active: number }>()
      for (const r of counts) {
        const n = Number(r.n)
        const entry = byType.get(r.type) ?? { type: r.type, active: 0, revoked: 0, withdrawn: 0 }
        entry[r.status] += n
        byType.set(r.type, entry)
        if (r.status !== 'active') continue
        const key = `${r.year}:${r.type}`
        byYear.set(key, { year: Number(r.year), type: r.type, active: (byYear.get(key)?.active ?? 0) + n })
      }
      const byState = states.map((r) => ({ state: r.state, holders: Number(r.n) }))
      return {
        activeHolders: byState.reduce((sum, s) => sum + s.holders, 0),
        byCredential: [...byType.values()].sort((a, b) => a.type.localeCompare(b.type)),
        byState: byState.sort((a, b) => b.holders - a.holders || (a.state ?? '~').localeCompare(b.state ?? '~')),
        byYear: [...byYear.values()].sort((a, b) => a.year - b.year || a.type.localeCompare(b.type)),
      }
    },
  }
}

export type RegistryService = ReturnType<typeof createRegistryService>
