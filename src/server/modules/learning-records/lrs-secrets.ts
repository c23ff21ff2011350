// An LRS endpoint's secret at rest: sealed under the key-encryption key (crypto/envelope.ts), bound to
// the endpoint's id, with the KEK's id in its own column. A null KEK id is a row written before
// migration 0034 (plaintext): sealed at the next start (sealPlaintextSecrets), read as it is until then.
import type { Envelope } from '../../crypto/envelope.js'
import type { LrsEndpointsTable } from '../../db/schema.js'

const context = (endpointId: string) => `lrs_endpoints.auth_secret:${endpointId}`

export function sealSecret(secrets: Envelope, endpointId: string, secret: string): Pick<LrsEndpointsTable, 'auth_secret' | 'auth_secret_kek_id'> {
  return { auth_secret: secrets.sealText(secret, context(endpointId)), auth_secret_kek_id: secrets.kekId }
}

export function openSecret(secrets: Envelope, row: { endpointId: string; secret: string; kekId: string | null }): string {
  if (row.kekId === null) return row.secret
  return secrets.openText(row.secret, context(row.endpointId), `The secret of learning record store endpoint ${row.endpointId}`)
}
