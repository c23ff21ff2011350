// Issue 16, item 1: the issuer's signing keys move from files under DATA_DIR into the database, the
// secret key sealed with AES-256-GCM under the key-encryption key (src/server/crypto/envelope.ts), so
// every instance on one database signs with the same key and `mt1 keys rotate` works from any of them.
// The file keys are imported at start (the migration cannot read the KEK), as are the plaintext LRS
// secrets, which get a column saying which KEK sealed them (null: not sealed yet).
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../database.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('issuer_keys')
    // The last segment of the key's URL (yyyymmdd-8 hex): credentials already signed name it.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key_multibase', 'text', (c) => c.notNull())
    // The secret key multibase, sealed; the associated data binds it to this id.
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('secret_iv', 'text', (c) => c.notNull())
    .addColumn('secret_tag', 'text', (c) => c.notNull())
    // Fingerprint of the KEK that sealed it: a wrong KEK is told apart from damage, and a rewrap finds what is left.
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('retired_at', ts)
    .execute()
  // At most one key that is not retired: two instances generating or rotating at once cannot both
  // leave a current key (the loser's insert conflicts and it reads the winner's).
  await sql`create unique index issuer_keys_one_current on issuer_keys ((retired_at is null)) where retired_at is null`.execute(db)

  await db.schema.alterTable('lrs_endpoints').addColumn('auth_secret_kek_id', 'text').execute()
}
