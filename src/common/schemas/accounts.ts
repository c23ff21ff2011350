// Accounts: the requests and answers of registration, log-in, password reset, the caller's own
// account and profile, and staff's management of users and integration tokens.
import { Type, type Static } from 'typebox'
import { ROLES } from '../roles.js'
import { Email, Id, Nullable, PageOf, PageQuery, PageQueryWith, Password, PersonName, PRINTABLE_TEXT_PATTERN, RoleSchema, Strict, StringEnum } from './common.js'

/** What an API token may be used for (the routes each scope covers: server/modules/accounts/token-scopes.ts). */
export const TOKEN_SCOPES = ['registry:verify', 'registrations', 'results', 'admin'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]
export const TokenScopeSchema = StringEnum(TOKEN_SCOPES)

/** Longest life of a token, in days; every token has an expiry. */
export const TOKEN_MAX_DAYS = 365

export const AccountStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')])

export const UserView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    roles: Type.Array(RoleSchema),
    status: AccountStatus,
    createdAt: Type.String(),
  },
  { description: 'A person with an account.' },
)
export type UserView = Static<typeof UserView>

/** One user, wrapped: the answer of the routes that create, read or change an account. */
export const UserEnvelope = Type.Object({ user: UserView })
export type UserEnvelope = Static<typeof UserEnvelope>

// ---------- Authentication and the caller's own account ----------

/** A browser session just opened: who logged in and the token to send back in `x-csrf-token`. */
export const SessionView = Type.Object({ user: UserView, csrfToken: Type.String() })
export type SessionView = Static<typeof SessionView>

/** The logged-in user; `csrfToken` only for a browser session (an API token needs none). */
export const MeView = Type.Object({ user: UserView, csrfToken: Type.Optional(Type.String()) })
export type MeView = Static<typeof MeView>

export const OkView = Type.Object({ ok: Type.Boolean() })
export type OkView = Static<typeof OkView>

export const RegisterBody = Type.Object({ email: Email, password: Password, firstName: PersonName, lastName: PersonName }, Strict)
export type RegisterBody = Static<typeof RegisterBody>

export const LoginBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, Strict)
export type LoginBody = Static<typeof LoginBody>

export const PasswordResetBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }) }, Strict)
export type PasswordResetBody = Static<typeof PasswordResetBody>

export const PasswordResetConfirmBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, Strict)
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>

export const UpdateMeBody = Type.Object({ firstName: Type.Optional(PersonName), lastName: Type.Optional(PersonName) }, Strict)
export type UpdateMeBody = Static<typeof UpdateMeBody>

export const ChangePasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }, Strict)
export type ChangePasswordBody = Static<typeof ChangePasswordBody>

// ---------- The candidate's profile ----------

export const NcrcVerificationSchema = StringEnum(['unverified', 'verified', 'not_verified'] as const)
export type NcrcVerificationState = Static<typeof NcrcVerificationSchema>

export const NcrcCertificateView = Type.Object({
  fileName: Type.String(), contentType: Type.String(), size: Type.Integer(), uploadedAt: Type.String(),
})
export type NcrcCertificateView = Static<typeof NcrcCertificateView>

export const ProfileView = Type.Object({
  ncrcLevel: Nullable(Type.String()), ncrcNumber: Nullable(Type.String()), state: Nullable(Type.String()),
  registryListed: Type.Boolean({ description: 'Whether the public registry search may find me by name and state.' }),
  ncrcAdvice: Nullable(Type.String()), ncrcLevels: Type.Array(Type.String()),
  ncrcDate: Nullable(Type.String({ description: 'The date on the NCRC certificate (YYYY-MM-DD).' })),
  ncrcVerification: NcrcVerificationSchema,
  ncrcVerificationReason: Nullable(Type.String({ description: 'Why program staff did not verify the NCRC.' })),
  ncrcVerifiedAt: Nullable(Type.String()),
  ncrcCertificate: Nullable(NcrcCertificateView),
})
export type ProfileView = Static<typeof ProfileView>

export const UpdateProfileBody = Type.Object({
  ncrcLevel: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  ncrcNumber: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }))),
  ncrcDate: Type.Optional(Nullable(Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }))),
  state: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]{2}$' }))),
  registryListed: Type.Optional(Type.Boolean()),
}, Strict)
export type UpdateProfileBody = Static<typeof UpdateProfileBody>

/** The uploaded NCRC certificate's file name (the bytes are the request body). */
export const NcrcCertificateQuery = Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }, Strict)
export type NcrcCertificateQuery = Static<typeof NcrcCertificateQuery>

/** Staff's verdict on a person's NCRC: a reason is required when it is not verified. */
export const NcrcVerificationBody = Type.Object({
  verified: Type.Boolean(),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: PRINTABLE_TEXT_PATTERN })),
}, Strict)
export type NcrcVerificationBody = Static<typeof NcrcVerificationBody>

// ---------- Staff: users ----------

export const UsersQuery = PageQueryWith({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(RoleSchema) })
export type UsersQuery = Static<typeof UsersQuery>

export const UsersPage = PageOf(UserView)
export type UsersPage = Static<typeof UsersPage>

export const CreateUserBody = Type.Object({ email: Email, firstName: PersonName, lastName: PersonName, roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length }) }, Strict)
export type CreateUserBody = Static<typeof CreateUserBody>

export const UpdateUserBody = Type.Object({
  roles: Type.Optional(Type.Array(RoleSchema, { maxItems: ROLES.length })),
  status: Type.Optional(AccountStatus),
}, { ...Strict, minProperties: 1 })
export type UpdateUserBody = Static<typeof UpdateUserBody>

// ---------- Staff: integration tokens ----------

export const ApiTokenView = Type.Object({
  id: Type.String(), name: Type.String(), userId: Type.String(), userEmail: Type.String(),
  createdAt: Type.String(), lastUsedAt: Nullable(Type.String()), revokedAt: Nullable(Type.String()),
  scopes: Type.Array(TokenScopeSchema), expiresAt: Nullable(Type.String()),
})
export type ApiTokenView = Static<typeof ApiTokenView>

export const ApiTokensQuery = PageQuery
export type ApiTokensQuery = Static<typeof ApiTokensQuery>

export const ApiTokensPage = PageOf(ApiTokenView)
export type ApiTokensPage = Static<typeof ApiTokensPage>

export const CreateApiTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }), userId: Id,
  scopes: Type.Array(TokenScopeSchema, { minItems: 1, maxItems: TOKEN_SCOPES.length, uniqueItems: true }),
  expiresInDays: Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS }),
}, Strict)
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>

/** A token just issued: `token` is shown this once and never again. */
export const CreatedApiTokenView = Type.Object({
  id: Type.String(), name: Type.String(), userId: Type.String(), scopes: Type.Array(TokenScopeSchema), expiresAt: Type.String(), token: Type.String(),
})
export type CreatedApiTokenView = Static<typeof CreatedApiTokenView>

export const RevokedApiTokenView = Type.Object({ id: Type.String(), revokedAt: Type.String() })
export type RevokedApiTokenView = Static<typeof RevokedApiTokenView>
