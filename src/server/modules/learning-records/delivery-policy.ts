// How forwarding to an external learning record store behaves, as pure functions: which endpoints a
// learner's statement goes to, what an LRS's answer means, and when to try again. The dispatcher
// (lrs-dispatcher.ts) applies them; the unit tests beside pin them down.

/** Statements per request: an LRS MUST accept batches (Part Three 1.5.1.s1.b1); 50 keeps a request small. */
export const BATCH_SIZE = 50
/** Attempts at one delivery before it is marked failed for staff to see. */
export const MAX_ATTEMPTS = 8
export const FIRST_RETRY_MS = 30_000
export const MAX_RETRY_MS = 60 * 60_000
/** How long one request to an LRS may take before it counts as a network failure. */
export const REQUEST_TIMEOUT_MS = 10_000

/** The wait before the next attempt, after `attempts` attempts have failed: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts))
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (n - 1))
}

/**
 * What an LRS's HTTP status means for the statements sent:
 * - `sent`: stored (POST answers 200 with the ids; 204 is what an LRS answers a statement it already has, Part Three 2.1.1);
 * - `conflict` (409): a statement with one of these ids exists. Statement ids here never change, so for
 *   one statement it is already there and counts as sent; a batch is rejected whole (Part Three
 *   3.2.s3.b9), so its statements are sent again one by one;
 * - `retry`: the LRS or the network may recover (5xx, 408 Request Timeout, 429 Too Many Requests);
 * - `permanent`: nothing sent again will change the answer (other 4xx: bad credentials, refused
 *   statements; 3xx: redirects are not followed, so credentials never go to another address).
 */
export type AnswerKind = 'sent' | 'conflict' | 'retry' | 'permanent'

export function answerKind(status: number): AnswerKind {
  if (status >= 200 && status < 300) return 'sent'
  if (status === 409) return 'conflict'
  if (status >= 500 || status === 408 || status === 429) return 'retry'
  return 'permanent'
}

export interface EndpointAudience {
  id: string
  ownerKind: 'program' | 'center' | 'employer'
  ownerId: string | null
}

/** The organisations a learner belongs to, for forwarding (centers whose courses they take, employers who sponsor them). */
export interface LearnerOrganisations {
  centers: readonly string[]
  employers: readonly string[]
}

/** The endpoints that receive a learner's statements: the program's always, a center's or an employer's when the learner is theirs. */
export function endpointsFor<E extends EndpointAudience>(endpoints: readonly E[], organisations: LearnerOrganisations): E[] {
  return endpoints.filter((e) =>
    e.ownerKind === 'program'
    || (e.ownerKind === 'center' && e.ownerId !== null && organisations.centers.includes(e.ownerId))
    || (e.ownerKind === 'employer' && e.ownerId !== null && organisations.employers.includes(e.ownerId)))
}
