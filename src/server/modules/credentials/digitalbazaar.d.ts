// The Digital Bazaar verifiable-credential libraries ship JavaScript without type declarations; these
// are the few calls this module (and its tests) make, typed as narrowly as we use them.

declare module '@digitalbazaar/vc' {
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
  export interface VerifyResult {
    verified: boolean
    error?: Error & { errors?: Error[] }
    results?: { verified: boolean; error?: Error; verificationMethod?: { id: string } }[]
    statusResult?: { verified: boolean; error?: Error; results?: { verified: boolean; status: boolean }[] }
  }
  export function issue(options: { credential: object; suite: object; documentLoader: DocumentLoader; now?: Date }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: object
    suite: object | object[]
    documentLoader: DocumentLoader
    now?: Date
    checkStatus?: (options: { credential: object; documentLoader: DocumentLoader; suite: object | object[] }) => Promise<{ verified: boolean }>
  }): Promise<VerifyResult>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: Signer; cryptosuite: object; date?: Date | string })
  }
  export interface Signer {
    id: string
    algorithm: string
    sign(options: { data: Uint8Array }): Promise<Uint8Array>
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string; requiredAlgorithm: string }
}

declare module '@digitalbazaar/ed25519-multikey' {
  import type { Signer } from '@digitalbazaar/data-integrity'
  export interface Ed25519KeyPair {
    id: string
    controller: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    signer(): Signer
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>
  export function from(key: {
    '@context'?: string
    type: 'Multikey'
    id: string
    controller: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
  }): Promise<Ed25519KeyPair>
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    length: number
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>
  export function checkStatus(options: {
    credential: object
    documentLoader: (url: string) => Promise<{ document: unknown }>
    suite?: object | object[]
    verifyBitstringStatusListCredential?: boolean
    verifyMatchingIssuers?: boolean
  }): Promise<{ verified: boolean; error?: Error; results?: { verified: boolean; status: boolean }[] }>
}
