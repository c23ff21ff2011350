// Sequence numbers for saves. The server keeps, per item, the response with the highest seq and
// acknowledges (but ignores) an older one, so a late retry can never overwrite a newer answer.
//
// Why seq = max(Date.now() × 1000, last + 1) rather than a plain counter:
// - a reload continues higher without having to read anything back (the clock has moved on), and
//   the counter persisted in localStorage covers a local clock that steps backwards;
// - after the proctor re-admits the attempt on another computer (whose localStorage has no counter)
//   the new computer's numbers are still higher than the old one's, as long as the two clocks agree
//   to within the time between the last save there and the first save here;
// - × 1000 leaves room for 1000 saves in one millisecond and stays below Number.MAX_SAFE_INTEGER
//   (the server's limit) until the year 2255.
import type { KeyValueStore } from "./local-store";

export interface SeqSource {
  next(): number;
  /** Never issue a number at or below one the server already holds (e.g. a scribe's save). */
  raiseTo(min: number): void;
}

export function createSeqSource(store: KeyValueStore, key: string, now: () => number = Date.now): SeqSource {
  const stored = Number(store.getItem(key));
  let last = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
  const persist = () => store.setItem(key, String(last));
  return {
    next() {
      last = Math.max(now() * 1000, last + 1);
      persist();
      return last;
    },
    raiseTo(min) {
      if (Number.isSafeInteger(min) && min > last) {
        last = min;
        persist();
      }
    },
  };
}
