// What an outside verifier of the platform's signed credentials uses in the tests: the bundled
// contexts plus the issuer's profile, keys and status list exactly as the server publishes them (read
// through app.inject, never the server's key files), and a status check in which a set revocation bit
// fails the credential. Every URL the loader is asked for is pushed to `loaded`.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list'
import type { FastifyInstance } from 'fastify'
import { createDocumentLoader } from '../../src/server/modules/credentials/document-loader.js'
import { call } from './http-client.js'

export const suite = new DataIntegrityProof({ cryptosuite })

export function credentialVerifier(app: () => FastifyInstance, loaded: string[]) {
  const verifierLoader = () => {
    const local = new Map<string, unknown>()
    const base = createDocumentLoader((url) => local.get(url))
    return async (url: string) => {
      loaded.push(url)
      if (url.startsWith('http://mt1.test/api/v1/')) {
        const res = await call(app(), 'GET', url.slice('http://mt1.test'.length))
        if (res.statusCode === 200) local.set(url, res.json())
      }
      return base(url)
    }
  }
  const revocationCheck = async (options: { credential: object; documentLoader: (url: string) => Promise<{ document: unknown }> }) => {
    const result = await checkStatus({ ...options, suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true })
    return { ...result, verified: result.verified && !(result.results ?? []).some((r) => r.status) }
  }
  return { verifierLoader, revocationCheck }
}
