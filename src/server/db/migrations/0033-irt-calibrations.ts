// IRT calibration and form comparability (issue 15): what the `psychometrics` job's Rasch calibration
// of a module's pool found for a calendar year (replaced whole on each run, like the snapshots of
// 0030): the calibration, each item version's difficulty with its standard error, and each delivered
// form's expected score for the borderline candidate. Owned by the psychometrics module.
import type { Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  const real = 'double precision'

  await db.schema
    .createTable('irt_calibrations')
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('computed_at', ts, (c) => c.notNull())
    // 'calibrated', or 'not_calibrated' with the reason in `detail` (too few responses).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('examinees', 'integer', (c) => c.notNull())
    .addColumn('discrimination', real)
    .addColumn('theta_cut', real)
    .addColumn('cut_percent', real, (c) => c.notNull())
    /** JSON: log-likelihood, convergence, excluded items, the comparability summary, caveats. */
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('irt_calibrations_pk', ['module', 'year'])
    .execute()

  await db.schema
    .createTable('irt_item_parameters')
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('presented', 'integer', (c) => c.notNull())
    .addColumn('p', real, (c) => c.notNull())
    // Null for an item left out of the calibration (then `excluded` says why).
    .addColumn('slope', real)
    .addColumn('difficulty', real)
    .addColumn('se_difficulty', real)
    .addColumn('excluded', 'text')
    .addPrimaryKeyConstraint('irt_item_parameters_pk', ['module', 'year', 'item_id', 'version'])
    .execute()

  await db.schema
    .createTable('irt_form_comparability')
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // A digest of the form's sorted item versions: identical sets are one form.
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('expected_points', real, (c) => c.notNull())
    .addColumn('expected_percent', real, (c) => c.notNull())
    .addColumn('beyond_tolerance', 'integer', (c) => c.notNull())
    .addColumn('bounded_items', 'integer', (c) => c.notNull())
    /** JSON array of "itemId@version", sorted. */
    .addColumn('item_versions', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('irt_form_comparability_pk', ['module', 'year', 'form_key'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('irt_form_comparability').execute()
  await db.schema.dropTable('irt_item_parameters').execute()
  await db.schema.dropTable('irt_calibrations').execute()
}
