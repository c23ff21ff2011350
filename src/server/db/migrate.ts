// Brings the database to the latest schema with Kysely's Migrator (which takes a lock, so two
// processes starting at once on PostgreSQL do not both migrate).
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely'
import type { DatabaseHandle, DialectName } from './database.js'
import * as foundation from './migrations/0001-foundation.js'
import * as itemBank from './migrations/0002-item-bank.js'
import * as registration from './migrations/0003-registration.js'
import * as accommodations from './migrations/0004-accommodations.js'
import * as centersJobs from './migrations/0005-centers-jobs.js'
import * as delivery from './migrations/0006-delivery.js'
import * as sittingsResults from './migrations/0007-sittings-results.js'
import * as registry from './migrations/0008-registry.js'
import * as credentials from './migrations/0009-credentials.js'
import * as scoringCorrections from './migrations/0010-scoring-corrections.js'
import * as retakes from './migrations/0011-retakes.js'
import * as sessionRules from './migrations/0012-session-rules.js'
import * as accountsHardening from './migrations/0013-accounts-hardening.js'
import * as atomicWrites from './migrations/0014-atomic-writes.js'
import * as registryHolders from './migrations/0015-registry-holders.js'
// Issue 12: running the program from the web.
import * as centerTimeZones from './migrations/0016-center-time-zones.js'
import * as confirmationNumbers from './migrations/0017-confirmation-numbers.js'
import * as irregularityCases from './migrations/0018-irregularity-cases.js'
import * as voucherLedger from './migrations/0019-voucher-ledger.js'
import * as sessionOperations from './migrations/0020-session-operations.js'
import * as noShows from './migrations/0021-no-shows.js'
import * as certificationPeriods from './migrations/0022-certification-periods.js'
// issue 13: learning records (xAPI statements)
import * as learningRecords from './migrations/0023-learning-records.js'
// issue 13: practice sets and tests, answers, mastery, study plans
import * as practice from './migrations/0024-practice.js'
// issue 13, lab-records stream: external learning record stores and the delivery queue
import * as lrsForwarding from './migrations/0025-lrs-forwarding.js'
// issue 13: trainers, courses, enrolment (training stream)
import * as training from './migrations/0026-training.js'
// issue 14: organisations (employers and colleges), their members and invitations
import * as organisations from './migrations/0027-organisations.js'
// issue 14: articulation agreements and advanced-standing requests
import * as advancedStanding from './migrations/0028-advanced-standing.js'
// issue 14: NCRC date, upload and verification; the registry's copy of the NCRC (travel stream)
import * as ncrcAndBadges from './migrations/0029-ncrc-and-badges.js'
// Issue 15, item 4: item statistics, the psychometrics snapshots and voluntary demographics.
import * as itemStatistics from './migrations/0030-item-statistics.js'
// issue 15, item 4: modified-Angoff standard setting
import * as standardSetting from './migrations/0031-standard-setting.js'
import * as analyticsIndexes from './migrations/0032-analytics-indexes.js'
// issue 16, item 1: issuer keys in the database under a key-encryption key
import * as issuerKeys from './migrations/0034-issuer-keys.js'
// issue 16, stateless stream
import * as rateLimits from './migrations/0036-rate-limits.js'
// issue 16, item 2: forms drawn and rendered at check-in (delivery-perf stream)
import * as preparedForms from './migrations/0037-prepared-forms.js'
// issue 15: IRT calibration of each module's pool and form comparability around the cut
import * as irtCalibrations from './migrations/0033-irt-calibrations.js'

type DialectMigration = { up(db: Parameters<Migration['up']>[0], dialect: DialectName): Promise<void> }

// Listed here, not read from a folder, so the built and the source trees migrate identically.
const migrations: Record<string, DialectMigration> = {
  '0001-foundation': foundation,
  '0002-item-bank': itemBank,
  '0003-registration': registration,
  '0004-accommodations': accommodations,
  '0005-centers-jobs': centersJobs,
  '0006-delivery': delivery,
  '0007-sittings-results': sittingsResults,
  '0008-registry': registry,
  '0009-credentials': credentials,
  '0010-scoring-corrections': scoringCorrections,
  '0011-retakes': retakes,
  '0012-session-rules': sessionRules,
  '0013-accounts-hardening': accountsHardening,
  '0014-atomic-writes': atomicWrites,
  '0015-registry-holders': registryHolders,
  '0016-center-time-zones': centerTimeZones,
  '0017-confirmation-numbers': confirmationNumbers,
  '0018-irregularity-cases': irregularityCases,
  '0019-voucher-ledger': voucherLedger,
  '0020-session-operations': sessionOperations,
  '0021-no-shows': noShows,
  '0022-certification-periods': certificationPeriods,
  '0023-learning-records': learningRecords,
  '0024-practice': practice,
  '0025-lrs-forwarding': lrsForwarding,
  '0026-training': training,
  '0027-organisations': organisations,
  '0028-advanced-standing': advancedStanding,
  '0029-ncrc-and-badges': ncrcAndBadges,
  '0030-item-statistics': itemStatistics,
  '0031-standard-setting': standardSetting,
  '0032-analytics-indexes': analyticsIndexes,
  '0033-irt-calibrations': irtCalibrations,
  '0034-issuer-keys': issuerKeys,
  '0036-rate-limits': rateLimits,
  '0037-prepared-forms': preparedForms,
}

/** The names of every migration, in order: what a cached database (the registry bench's seed) is keyed by. */
export const migrationNames = (): string[] => Object.keys(migrations)

class ListedMigrations implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, { up: (db) => m.up(db, this.dialect) }]),
    )
  }
}

/** A relation or schema that disappeared while it was being looked up (dropped by another session). */
function isVanishedRelation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '42P01' || code === '3F000'
}

/**
 * The names of the migrations recorded as applied, read once; null when there is no record yet (a
 * fresh database) or it cannot be read, in which case the Migrator decides.
 */
async function appliedMigrations(handle: DatabaseHandle): Promise<Set<string> | null> {
  try {
    const table = sql.table(handle.schema ? `${handle.schema}.kysely_migration` : 'kysely_migration')
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(handle.db)
    return new Set(rows.map((r) => r.name))
  } catch {
    return null
  }
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // A restart on an up-to-date database applies nothing: one read of the applied names says so,
  // without the Migrator's lock and its introspection of every table (slow on PostgreSQL).
  const applied = await appliedMigrations(handle)
  const names = migrationNames()
  if (applied && applied.size === names.length && names.every((n) => applied.has(n))) return []
  const migrator = new Migrator({
    db: handle.db,
    provider: new ListedMigrations(handle.dialect),
    // Kysely looks for its bookkeeping tables in any schema unless told which one is ours.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  })
  let { error, results } = await migrator.migrateToLatest()
  // Before it takes its lock, Kysely's migrator introspects every table of every schema it may use
  // (pg_get_serial_sequence on each column): a schema that another process drops at that moment (test
  // schemas, a tenant removed) fails the lookup with 42P01 or 3F000 although nothing of ours is wrong.
  // No migration has run then (results is empty), so asking again is safe.
  for (let retry = 0; error && !results?.length && isVanishedRelation(error) && retry < 5; retry++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * (retry + 1)))
    ;({ error, results } = await migrator.migrateToLatest())
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
