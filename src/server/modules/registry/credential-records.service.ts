// The registry owns the credentials table: it is the national record of who holds what. Other
// modules go through these functions: results awards, withdraws and restores certificates inside
// its own transaction (so they commit with the result that earned them), documents and Open Badges
// read one certificate, and the status list reads the bits. Revocation is in revocation.service.ts.
import { randomInt } from 'node:crypto'
import { certificateNumberFrom } from '../../../common/rules/certificate-number.js'
import type { ServerContext } from '../../context.js'
import { nextCounter, nextCounters } from '../../db/counters.js'
import { readInBatches } from '../../db/id-batches.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { CredentialsTable } from '../../db/schema.js'
import {
  awardsDatedBetween, credentialByNumber, credentialsByNumbers, credentialsOfCandidate, credentialsOfCandidates, highestStatusIndex, inactiveStatusIndexes, insertCredential,
  insertCredentials, setCredentialStatus, setCredentialsStatus,
} from './credential-records.repository.js'
import type { RegistryHoldersService } from './holders.service.js'

export type CredentialStatus = CredentialsTable['status']

export function createCredentialRecordsService(ctx: ServerContext, deps: { holders: RegistryHoldersService }) {
  const { db } = ctx
  const newCertificateNumber = () => certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))

  return {
    /** Credentials dated in [from, to] (days), withdrawn ones left out: the analytics' time to each credential. */
    awardsDatedBetween: (from: string, to: string) => awardsDatedBetween(db, from, to),

    /** Every credential of a candidate, oldest first; in the caller's transaction when given. */
    ofCandidate: (candidateId: string, within: DbOrTx = db) => credentialsOfCandidate(within, candidateId),

    /** Every credential of these candidates, oldest first, in the caller's transaction when given (a rescoring batch). */
    ofCandidates: (candidateIds: readonly string[], within: DbOrTx = db) => readInBatches(candidateIds, (slice) => credentialsOfCandidates(within, slice)),

    /** One credential by its canonical number (its holder, type, date, status and status-list bit). */
    find: (certificateNumber: string, within: DbOrTx = db) => credentialByNumber(within, certificateNumber),

    /** Many credentials by canonical number, keyed by it (advanced standing flags requests on revoked ones as it reads them). */
    async many(certificateNumbers: readonly string[], within: DbOrTx = db) {
      return new Map((await credentialsByNumbers(within, certificateNumbers)).map((c) => [c.certificate_number, c]))
    },

    /**
     * A new active credential with a fresh number and the next status-list bit, in the caller's
     * transaction; the candidate becomes a registry holder if they were not one. Returns the number.
     */
    async award(trx: Tx, input: { candidateId: string; type: string; issuedOn: string; at: string }): Promise<string> {
      await deps.holders.ensure(trx, input.candidateId)
      const number = newCertificateNumber()
      await insertCredential(trx, {
        certificate_number: number, candidate_id: input.candidateId, type: input.type, issued_on: input.issuedOn, status: 'active',
        status_index: await nextCounter(trx, 'credential_status_index'), status_reason: null, status_changed_at: null, created_at: input.at,
      })
      return number
    },

    /**
     * award() for many at once, in the caller's transaction and in the order given: the same numbers
     * and status-list bits as that many award() calls in a row, with a few statements instead of five
     * per credential. Returns the numbers in input order.
     */
    async awardMany(trx: Tx, inputs: readonly { candidateId: string; type: string; issuedOn: string; at: string }[]): Promise<string[]> {
      if (inputs.length === 0) return []
      await deps.holders.ensureMany(trx, inputs.map((i) => i.candidateId))
      const first = await nextCounters(trx, 'credential_status_index', inputs.length)
      const rows = inputs.map((input, k) => ({
        certificate_number: newCertificateNumber(), candidate_id: input.candidateId, type: input.type, issued_on: input.issuedOn, status: 'active' as const,
        status_index: first + k, status_reason: null, status_changed_at: null, created_at: input.at,
      }))
      await insertCredentials(trx, rows)
      return rows.map((r) => r.certificate_number)
    },

    /** withdraw() for many credentials with the same reason (a rescoring batch). */
    async withdrawMany(trx: Tx, certificateNumbers: readonly string[], change: { reason: string; at: string }): Promise<void> {
      await setCredentialsStatus(trx, certificateNumbers, { status: 'withdrawn', status_reason: change.reason, status_changed_at: change.at })
    },

    /** A withdrawn credential made active again (its basis came back), with the date it now rests on. */
    async restore(trx: Tx, certificateNumber: string, change: { issuedOn: string; reason: string; at: string }): Promise<void> {
      await setCredentialStatus(trx, certificateNumber, { status: 'active', issued_on: change.issuedOn, status_reason: change.reason, status_changed_at: change.at })
    },

    /** An active credential whose basis is gone (a rescoring), withdrawn in the caller's transaction. */
    async withdraw(trx: Tx, certificateNumber: string, change: { reason: string; at: string }): Promise<void> {
      await setCredentialStatus(trx, certificateNumber, { status: 'withdrawn', status_reason: change.reason, status_changed_at: change.at })
    },

    /** What the published status list is built from: the set bits and the highest bit given out. */
    async statusListBits(): Promise<{ inactive: number[]; highest: number | null }> {
      const [inactive, highest] = await Promise.all([inactiveStatusIndexes(db), highestStatusIndex(db)])
      return { inactive, highest }
    },
  }
}

export type CredentialRecordsService = ReturnType<typeof createCredentialRecordsService>
