// Schemas shared by every route: the error body, ids, pagination, and reusable field rules.
import { Type, type Static, type TProperties, type TSchema } from 'typebox'
import { ROLES, type Role } from '../roles.js'

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'Every 4xx and 5xx answer has this shape.' },
)

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })
export const IsoDateTime = Type.String({ format: 'date-time' })
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 })
/** A person's name part: printable text without control characters. */
export const PersonName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f<>]+$' })
export const Password = Type.String({ minLength: 10, maxLength: 200 })
export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES] }))

const pageProperties = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
}

export const PageQuery = Type.Object(pageProperties, { additionalProperties: false })

/** A list's query string: the page parameters plus the list's own filters, nothing else. */
export function PageQueryWith<P extends TProperties>(filters: P) {
  return Type.Object({ ...pageProperties, ...filters }, { additionalProperties: false })
}

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) })
}

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    roles: Type.Array(RoleSchema),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: Type.String(),
  },
  { description: 'A person with an account.' },
)
export type User = Static<typeof UserSchema>
