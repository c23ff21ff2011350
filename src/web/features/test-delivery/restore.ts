// On load: the server's saved answers and flags, with anything still queued on this computer laid
// over them (those are newer, or the server would already have them). A queued response loses only
// to a server response with a higher seq (e.g. a scribe saved it since). Pure.
import type { CandidateResponse } from "../../api/types";
import type { QueueEntry } from "./save-queue";

export interface ServerSaved {
  responses: Record<string, { response: unknown; seq: number }>;
  flags?: string[];
}

export interface Restored {
  responses: Record<string, CandidateResponse>;
  flags: string[];
  /** The highest seq seen, so new saves are numbered above it. */
  maxSeq: number;
}

/** A saved response as the item screens read it: an object by response identifier (anything else: none). */
export const asResponse = (v: unknown): CandidateResponse => (v && typeof v === "object" && !Array.isArray(v) ? (v as CandidateResponse) : {});

export function restoreAnswers(server: ServerSaved, queued: readonly QueueEntry[]): Restored {
  const responses: Record<string, CandidateResponse> = {};
  const seqs: Record<string, number> = {};
  let maxSeq = 0;
  for (const [itemId, saved] of Object.entries(server.responses ?? {})) {
    responses[itemId] = asResponse(saved.response);
    seqs[itemId] = saved.seq;
    maxSeq = Math.max(maxSeq, saved.seq);
  }
  let flags = server.flags ?? [];
  for (const entry of queued) {
    if (entry.kind === "flags") flags = entry.itemIds;
    else if (entry.seq > (seqs[entry.itemId] ?? -1)) {
      responses[entry.itemId] = asResponse(entry.response);
      seqs[entry.itemId] = entry.seq;
      maxSeq = Math.max(maxSeq, entry.seq);
    }
  }
  return { responses, flags, maxSeq };
}
