// The key-correction screen's server calls: the dry run, the correction (a corrected version saved
// through the item editor's own route, then the correction naming it), the job's progress, the
// corrections of an item and the changes each made.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ItemDetailView, UpdateItemBody } from "../../../common/schemas/item-bank";
import type {
  RescoringChangeView,
  ScoringCorrectionBody,
  ScoringCorrectionPreview,
  ScoringCorrectionRunList,
  ScoringCorrectionView,
} from "../../../common/schemas/results";
import type { JobView } from "../../../common/schemas/scheduling";
import { useCursorList } from "../../lib/use-cursor-list";
import { ITEMS_PATH, itemKeys } from "../item-bank/item-bank-api";

export const correctionKeys = {
  history: (itemId: string) => ["admin", "items", "corrections", itemId] as const,
  changes: (jobId: string) => ["admin", "corrections", "changes", jobId] as const,
  job: (jobId: string) => ["jobs", jobId] as const,
};

const itemPath = (itemId: string) => `${ITEMS_PATH}/${encodeURIComponent(itemId)}`;

export function usePreview(itemId: string) {
  return useMutation({
    mutationFn: (version: number) => api.get<ScoringCorrectionPreview>(`${itemPath(itemId)}/scoring-corrections/preview`, { version }),
  });
}

export interface CorrectionRequest {
  item: ItemDetailView;
  version: number;
  reason: string;
  /** With a corrected key: the item's XML carrying it, saved as a new version first. */
  correctedXml?: string;
}

/** Saves the corrected version (when the key changes), then starts the correction; answers the job's id. */
export function useApplyCorrection(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ item, version, reason, correctedXml }: CorrectionRequest) => {
      let body: ScoringCorrectionBody = { version, action: "drop", reason };
      if (correctedXml !== undefined) {
        const saved = await api.put<ItemDetailView>(itemPath(itemId), {
          qtiXml: correctedXml,
          pool: item.pool,
          ...(item.skill ? { skill: item.skill } : {}),
          assets: item.assets,
          note: `Key correction of version ${version}: ${reason}`.slice(0, 500),
        } satisfies UpdateItemBody);
        queryClient.setQueryData(itemKeys.detail(itemId), saved);
        body = { version, action: "use_version", replacementVersion: saved.version, reason };
      }
      return api.post<ScoringCorrectionView>(`${itemPath(itemId)}/scoring-corrections`, body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: correctionKeys.history(itemId) }),
  });
}

/** A job's progress, asked every second while it runs. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: correctionKeys.job(jobId ?? ""),
    queryFn: ({ signal }) => api.get<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId!)}`, undefined, signal),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 1000),
  });
}

export function useCorrectionHistory(itemId: string) {
  return useQuery({
    queryKey: correctionKeys.history(itemId),
    queryFn: ({ signal }) => api.get<ScoringCorrectionRunList>(`${itemPath(itemId)}/scoring-corrections`, undefined, signal),
  });
}

export function useCorrectionChanges(jobId: string) {
  return useCursorList<RescoringChangeView>(correctionKeys.changes(jobId), `/api/v1/admin/scoring-corrections/${encodeURIComponent(jobId)}/changes`);
}
