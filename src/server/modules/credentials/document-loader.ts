// The JSON-LD document loader for signing and verifying: bundled contexts plus whatever the caller
// resolves locally (the issuer's own profile and keys), and nothing else. The libraries' default
// loaders fetch over the network; a credential must sign and verify offline, and a remote context
// is a way to change what a signed document means.
import type { DocumentLoader } from '@digitalbazaar/vc'
import { bundledContexts } from './contexts/index.js'

/** Resolves a URL to a JSON-LD document held locally, or undefined. */
export type LocalResolver = (url: string) => unknown

export function createDocumentLoader(resolve: LocalResolver = () => undefined): DocumentLoader {
  return async (url: string) => {
    const document = bundledContexts.get(url) ?? await resolve(url)
    if (document === undefined) throw new Error(`Refusing to load ${url}: not a bundled context or a document of this issuer.`)
    return { contextUrl: null, documentUrl: url, document }
  }
}
