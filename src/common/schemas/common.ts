// Schemas shared by every route: the error body, ids, pagination, and reusable field rules.
import { Type, type TProperties, type TSchema } from 'typebox'
import { isTimestamp } from '../dates.js'
import { ROLES } from '../roles.js'

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

/** Request bodies and queries are strict: an unknown field is refused, never silently dropped. */
export const Strict = { additionalProperties: false } as const

/** Text a person types: printable, without control characters or markup brackets. */
export const PRINTABLE_TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f<>]+$'
export const PrintableText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: PRINTABLE_TEXT_PATTERN })

/** Paragraphs a person writes (a narrative): printable text that may also break lines and tab. */
export const MULTILINE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f<>]+$'
export const MultilineText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: MULTILINE_TEXT_PATTERN })

/** A module or skill code of the program (MM, SRMT, MEAS, …). */
export const CODE_PATTERN = '^[A-Z][A-Z0-9]{1,9}$'
export const Code = Type.String({ pattern: CODE_PATTERN })
export const ModuleList = Type.Array(Code, { minItems: 1, maxItems: 3, uniqueItems: true })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** A string restricted to listed values, typed as their union. */
export const StringEnum = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.String({ enum: [...values] }))

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })
/**
 * A timestamp from outside. `date-time` is checked by `parseTimestamp` (src/common/dates.ts), which the
 * server registers as Ajv's `date-time` format (app.ts), so every route declaring it refuses a leap
 * second, a day that does not exist or a year out of range with 400 VALIDATION.
 */
export const IsoDateTime = Type.String({ format: 'date-time', maxLength: 35 })
/** The `date-time` format every route's validator uses: what parseTimestamp accepts, nothing else. */
export const timestampFormat = { type: 'string' as const, validate: isTimestamp }
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 })
/** A person's name part: printable text without control characters. */
export const PersonName = PrintableText(100)
export const Password = Type.String({ minLength: 10, maxLength: 200 })
export const RoleSchema = StringEnum(ROLES)

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
