// The one error type. Services throw AppError(code, message); the error plugin turns the code into
// the HTTP status below and the contract's body {"error": {code, message, details}}.

export const errorStatus = {
  VALIDATION: 400,
  MALFORMED_REQUEST: 400,
  RESET_TOKEN_INVALID: 400,
  CERTIFICATE_NUMBER_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_DOCUMENT: 415,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  ALREADY_FULFILLED: 409,
  IDENTIFIER_TAKEN: 409,
  ITEM_INVALID: 422,
  PACKAGE_INVALID: 400,
  RULE_VIOLATION: 422,
  DOCUMENT_QUOTA_EXCEEDED: 422,
  PROCTOR_NOT_CERTIFIED: 422,
  NOT_ENOUGH_PROCTORS: 422,
  PROCTOR_CONFLICT: 422,
  PROCTOR_UNAVAILABLE: 422,
  CENTER_CERTIFICATION_ENDS: 422,
  CENTER_NOT_CERTIFIED: 422,
  CHECKIN_NOT_OPEN: 422,
  INVITATION_INVALID: 422,
  REGISTRATION_TOO_LATE: 422,
  MODULE_ALREADY_BOOKED: 422,
  MODULE_ALREADY_PASSED: 422,
  RETAKE_TOO_SOON: 422,
  MODULE_NOT_OFFERED: 422,
  VOUCHER_INVALID: 422,
  // Issue 12, voucher ledger: a module of the batch has no fee set (staff enter the price), or the price changed since it was shown.
  VOUCHER_PRICE_UNSET: 422,
  PRICE_CHANGED: 409,
  SESSION_FULL: 409,
  ALREADY_REGISTERED: 409,
  SESSION_CLOSED: 409,
  NOT_CHECKED_IN: 409,
  NO_PROCTOR_PRESENT: 409,
  ATTEMPT_EXISTS: 409,
  ATTEMPT_CLOSED: 409,
  ATTEMPT_PAUSED: 409,
  DEVICE_NOT_ADMITTED: 409,
  DEVICE_REQUIRED: 400,
  BREAKS_USED: 422,
  ATTEMPTS_RUNNING: 409,
  // A no-show is marked only after the session ended, and never for a candidate who checked in.
  SESSION_NOT_OVER: 422,
  CHECKED_IN: 409,
  // issue 12, integrity stream: irregularity cases and appeals
  RESULT_UNDER_REVIEW: 409,
  RESULT_IN_CASE: 409,
  CASE_CHANGED: 409,
  CASE_DECIDED: 409,
  APPEAL_PENDING: 409,
  APPEAL_EXISTS: 409,
  NOT_APPEALABLE: 409,
  APPEAL_WINDOW_CLOSED: 422,
  SAME_DECIDER: 403,
  // end integrity stream
  // issue 13, practice stream: the Learning Lab's practice, practice tests and study plans
  LEARNING_LAB_ENROLMENT_REQUIRED: 403,
  ALREADY_ANSWERED: 409,
  PRACTICE_TEST_CLOSED: 409,
  NOTHING_TO_STUDY: 422,
  NO_PRACTICE_ITEMS: 422,
  // issue 13, training stream: ISO/IEC 17024 impartiality, course seats and enrolment
  TRAINER_IMPARTIALITY: 422,
  TRAINER_NOT_CERTIFIED: 422,
  COURSE_FULL: 409,
  ALREADY_ENROLLED: 409,
  ENROLMENT_CLOSED: 422,
  PAYMENT_REQUIRED: 422,
  ATTENDANCE_RECORDED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof errorStatus

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
  get statusCode(): number {
    return errorStatus[this.code]
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`)
