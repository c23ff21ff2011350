// Words and numbers of standard-setting studies shown on several pages.
import type { StudyStatus } from "../../../common/schemas/standard-setting";

export const STATUS_LABELS: Record<StudyStatus, string> = {
  draft: "Draft",
  round1_open: "Round 1 open",
  round1_closed: "Round 1 closed",
  round2_open: "Round 2 open",
  round2_closed: "Round 2 closed",
  completed: "Completed",
};

export const percent = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${v.toFixed(digits)}%`);
export const cutWithSe = (cut: number | null, se: number | null) => (cut === null ? "—" : `${cut.toFixed(1)}%${se === null ? "" : ` (SE ${se.toFixed(2)})`}`);
