// Operations: what the health, liveness and readiness checks answer, for operators and load
// balancers (the 503 carries Retry-After).
import { Type, type Static } from 'typebox'

export const DatabaseKind = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')])

export const HealthyView = Type.Object({ status: Type.Literal('ok'), database: DatabaseKind })
export type HealthyView = Static<typeof HealthyView>

export const UnavailableView = Type.Object(
  { status: Type.Literal('unavailable'), database: Type.Literal('unavailable') },
  { description: 'The database did not answer in time; Retry-After says when to ask again.' },
)
export type UnavailableView = Static<typeof UnavailableView>

export const LiveView = Type.Object({ status: Type.Literal('ok') })
export type LiveView = Static<typeof LiveView>
