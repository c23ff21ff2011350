// A refusal about one field, shaped like the schema validator's details (path, message, field), so a
// form shows the message beside the field whichever of the two refused it.
import { isTimeZone } from '../common/time-zones.js'
import { AppError } from './errors.js'

export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: `body/${field}`, field, message }])
}

/** The zone, if it is an IANA time zone this runtime knows; a field error otherwise. */
export function requireTimeZone(zone: string, field = 'timeZone'): string {
  if (isTimeZone(zone)) return zone
  throw fieldError(field, `"${String(zone).slice(0, 64)}" is not an IANA time zone (such as America/Chicago).`)
}
