// `mt1 keys rotate`: the issuer starts signing with a new Ed25519 key. The keys are rows of the
// database (the secret sealed under the key-encryption key), so this works from any machine with the
// instances' DATABASE_URL (or DATA_DIR for SQLite) and MT1_KEY_ENCRYPTION_KEY, and every instance signs
// with the new key from its next signature, without a restart. The old keys stay listed at
// /api/v1/issuer, so every credential already issued still verifies.
//
// `mt1 keys rewrap` (beside the fixed forms): re-encrypts the stored secrets (issuer keys, LRS secrets)
// from the KEK the process holds (MT1_KEY_ENCRYPTION_KEY, or DATA_DIR/key-encryption-key) to the one in
// MT1_NEW_KEY_ENCRYPTION_KEY; then start every instance with the new key as MT1_KEY_ENCRYPTION_KEY.
import type { FastifyInstance } from 'fastify'
import { createEnvelope, parseKek } from '../server/crypto/envelope.js'

const USAGE = 'Usage: mt1 keys rotate | MT1_NEW_KEY_ENCRYPTION_KEY=<32 bytes, hex or base64> mt1 keys rewrap'

export async function keysCommand(args: string[], withApp: <T>(fn: (app: FastifyInstance) => Promise<T>) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (args.length === 1 && args[0] === 'rotate') {
    const { current, retired } = await withApp((app) => app.services.credentials.rotateIssuerKey())
    console.log(`New signing key: ${current}`)
    for (const key of retired) console.log(`Retired (still published, old credentials verify): ${key}`)
    return 0
  }
  if (args.length === 1 && args[0] === 'rewrap') {
    if (!env.MT1_NEW_KEY_ENCRYPTION_KEY) {
      console.error(`MT1_NEW_KEY_ENCRYPTION_KEY is not set: it names the key-encryption key to move to.\n${USAGE}`)
      return 2
    }
    let to
    try {
      to = createEnvelope(parseKek(env.MT1_NEW_KEY_ENCRYPTION_KEY, 'MT1_NEW_KEY_ENCRYPTION_KEY'), 'MT1_NEW_KEY_ENCRYPTION_KEY')
    } catch (err) {
      console.error((err as Error).message)
      return 2
    }
    const { from, keys, secrets } = await withApp(async (app) => ({
      from: app.services.credentials.kekId,
      keys: await app.services.credentials.rewrapIssuerKeys(to),
      secrets: await app.services.learningRecordStores.rewrapSecrets(to),
    }))
    console.log(`Re-encrypted from key-encryption key ${from} to ${to.kekId}: ${keys.length} issuer key(s), ${secrets} learning record store secret(s).`)
    console.log('Now start every instance with MT1_KEY_ENCRYPTION_KEY set to the new key.')
    return 0
  }
  console.error(USAGE)
  return 2
}
