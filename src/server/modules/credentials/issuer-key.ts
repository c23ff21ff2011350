// What an issuer key is, shared by the key store and the import of the old key files.

/** What is published of a key. */
export interface PublishedKey {
  /** Short id, the last segment of the verification method URL. */
  id: string
  publicKeyMultibase: string
  createdAt: string
  retiredAt: string | null
}

/** A key with its secret, opened only to sign (or read from an old key file to import it). */
export interface IssuerKey extends PublishedKey {
  secretKeyMultibase: string
}

export const KEY_ID = /^\d{8}-[0-9a-f]{8}$/
