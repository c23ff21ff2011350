// `mt1 keys rotate`: the issuer starts signing with a new Ed25519 key. The old keys stay in
// DATA_DIR/issuer-keys and stay listed at /api/v1/issuer, so every credential already issued still
// verifies. Run it on the machine that holds DATA_DIR (the keys are files, not database rows); with
// several app instances, copy the issuer-keys folder to each, then restart them.
import type { FastifyInstance } from 'fastify'

export async function keysCommand(args: string[], withApp: <T>(fn: (app: FastifyInstance) => Promise<T>) => Promise<T>): Promise<number> {
  if (args.length !== 1 || args[0] !== 'rotate') {
    console.error('Usage: mt1 keys rotate')
    return 2
  }
  const { current, retired } = await withApp((app) => app.services.credentials.rotateIssuerKey())
  console.log(`New signing key: ${current}`)
  for (const key of retired) console.log(`Retired (still published, old credentials verify): ${key}`)
  return 0
}
