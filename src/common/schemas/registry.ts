// Request and response schemas of the registry: the public lookup, search and bulk verification, and
// the staff side (one credential with its holder, revoke and reinstate, figures) (src/server/modules/registry).
import { Type, type Static } from 'typebox'
import { MultilineText, Nullable, PageOf, PageQueryWith, PRINTABLE_TEXT_PATTERN, StringEnum } from './common.js'

/** Bulk verification's bounds: items in a JSON request, bytes and rows of a CSV, characters of one input. */
export const BULK_LIMITS = { jsonItems: 1000, csvBytes: 1024 * 1024, csvRows: 10_000, inputLength: 200 }

/** What the public sees: a withdrawn credential is not shown at all. */
export const RegistryStatus = StringEnum(['active', 'revoked'] as const)
export type RegistryStatus = Static<typeof RegistryStatus>
/** What staff see: the stored status. */
export const StoredCredentialStatus = StringEnum(['active', 'revoked', 'withdrawn'] as const)
export type StoredCredentialStatus = Static<typeof StoredCredentialStatus>

/** Forgiving on purpose: the service tells a mistyped number (400) from an unknown one (404). */
export const CertificateNumberParams = Type.Object({ certificateNumber: Type.String({ minLength: 1, maxLength: 64 }) })
export type CertificateNumberParams = Static<typeof CertificateNumberParams>

export const RegistryLookupView = Type.Object({
  certificateNumber: Type.String(), type: Type.String(), holderName: Type.String(), issuedOn: Type.String(), status: RegistryStatus,
  revokedOn: Nullable(Type.String({ description: 'The date it stopped being valid, when it is revoked.' })),
  stack: Nullable(Type.String({ description: 'What an MS or MT1 stacks on, e.g. "MT1, stacked on NCRC Gold (verified)": the NCRC level and whether program staff verified it, never its number.' })),
})
export type RegistryLookupView = Static<typeof RegistryLookupView>

export const HolderSearchQuery = PageQueryWith({
  name: Type.String({ minLength: 2, maxLength: 100, pattern: PRINTABLE_TEXT_PATTERN }),
  state: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
})
export type HolderSearchQuery = Static<typeof HolderSearchQuery>

export const ListedHolderView = Type.Object({
  holderName: Type.String(), state: Nullable(Type.String()),
  credentials: Type.Array(Type.Object({ certificateNumber: Type.String(), type: Type.String(), issuedOn: Type.String(), status: RegistryStatus })),
})
export type ListedHolderView = Static<typeof ListedHolderView>
export const HolderSearchPage = PageOf(ListedHolderView)
export type HolderSearchPage = Static<typeof HolderSearchPage>

export const VerifyItem = Type.Object({
  certificateNumber: Type.String({ maxLength: BULK_LIMITS.inputLength }),
  name: Type.Optional(Type.String({ maxLength: BULK_LIMITS.inputLength })),
}, { additionalProperties: false })
export type VerifyItem = Static<typeof VerifyItem>
export const VerifyBody = Type.Object({
  items: Type.Array(VerifyItem, { minItems: 1, maxItems: BULK_LIMITS.jsonItems }),
}, { additionalProperties: false })
export type VerifyBody = Static<typeof VerifyBody>

export const Verdict = StringEnum(['valid', 'revoked', 'not_found', 'mistyped'] as const)
export type Verdict = Static<typeof Verdict>
export const VerifyResultView = Type.Object({
  certificateNumber: Nullable(Type.String({ description: 'The canonical number when the input reads as one; null when it cannot be one of ours.' })),
  input: Type.String(), name: Nullable(Type.String()), result: Verdict,
  type: Nullable(Type.String()), holderName: Nullable(Type.String()), issuedOn: Nullable(Type.String()),
  nameMatches: Nullable(Type.Boolean({ description: "Whether the given name is the holder's (case, accents, spaces and punctuation aside); null when there is nothing to compare." })),
})
export type VerifyResultView = Static<typeof VerifyResultView>
export const VerifyView = Type.Object({ items: Type.Array(VerifyResultView) })
export type VerifyView = Static<typeof VerifyView>
export const VerifyCsvAnswer = Type.String({ description: 'CSV: input,name,certificateNumber,result,type,holderName,issuedOn,nameMatches' })

export const StatusReasonBody = Type.Object({ reason: MultilineText(1000) }, { additionalProperties: false })
export type StatusReasonBody = Static<typeof StatusReasonBody>
export const StatusChangeView = Type.Object({ certificateNumber: Type.String(), status: RegistryStatus, reason: Type.String(), changedAt: Type.String() })
export type StatusChangeView = Static<typeof StatusChangeView>

export const StaffCredentialView = Type.Object({
  certificateNumber: Type.String(), type: Type.String(), typeName: Type.String(), issuedOn: Type.String(), status: StoredCredentialStatus, statusReason: Nullable(Type.String()),
})
export type StaffCredentialView = Static<typeof StaffCredentialView>
export const StaffCredentialDetailView = Type.Object({
  ...StaffCredentialView.properties, publicStatus: RegistryStatus, statusChangedAt: Nullable(Type.String()),
  holder: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), state: Nullable(Type.String()) }),
  otherCredentials: Type.Array(StaffCredentialView),
  history: Type.Array(Type.Object({ action: Type.String(), actorEmail: Nullable(Type.String()), reason: Nullable(Type.String()), at: Type.String() })),
})
export type StaffCredentialDetailView = Static<typeof StaffCredentialDetailView>

export const RegistryFiguresView = Type.Object({
  activeHolders: Type.Integer(),
  byCredential: Type.Array(Type.Object({ type: Type.String(), active: Type.Integer(), revoked: Type.Integer(), withdrawn: Type.Integer() })),
  byState: Type.Array(Type.Object({ state: Nullable(Type.String()), holders: Type.Integer() })),
  byYear: Type.Array(Type.Object({ year: Type.Integer(), type: Type.String(), active: Type.Integer() })),
})
export type RegistryFiguresView = Static<typeof RegistryFiguresView>
