import type { ReactNode } from "react";
import type { CandidateResponse } from "../../../common/qti/scoring";
import type { PresentationNode } from "../../../common/items/presentation";

/** What every part of one rendered item shares. */
export interface RenderCtx {
  /** Scopes an id from the item to this rendering, so two items on a page never clash. */
  scope: (id: string) => string;
  response: CandidateResponse;
  set: (responseId: string, value: unknown) => void;
  readOnly: boolean;
  /** The id of the stem paragraph, which labels an interaction that has no prompt. */
  stemId: string | undefined;
  /** Accessible names for inline controls ("Answer", or "Answer 2" when a sentence has several). */
  inlineNames: Map<string, string>;
  /**
   * A message about one interaction's input (a numeric entry refusing a unit), shown below the item
   * so it never splits the sentence around the control; null clears it. `noticeId` names it for
   * aria-describedby.
   */
  notify: (responseId: string, message: string | null) => void;
  noticeId: (responseId: string) => string;
  /** Renders nodes; `path` makes keys and generated ids unique; `contextId` names the sentence around inline controls. */
  render: (nodes: readonly PresentationNode[], path: string, contextId?: string) => ReactNode[];
}
