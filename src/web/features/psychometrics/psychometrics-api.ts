// Psychometrics' server calls: starting the statistics job and following it, a year's module figures,
// the review queue, an item's statistics, sending an item back to review, and the candidate's own
// voluntary demographics.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ItemDetailView } from "../../../common/schemas/item-bank";
import type {
  FormComparabilityView,
  ItemStatisticsList,
  MyDemographicsView,
  ReviewQueue,
  SaveDemographicsBody,
  SendToReviewBody,
  SnapshotList,
  StartedJob,
  StartStatisticsBody,
} from "../../../common/schemas/psychometrics";
import { itemKeys } from "../item-bank/item-bank-api";

const BASE = "/api/v1/psychometrics";

export const psychometricsKeys = {
  all: ["psychometrics"] as const,
  modules: (year: number) => ["psychometrics", "modules", year] as const,
  queue: (year: number) => ["psychometrics", "queue", year] as const,
  forms: (module: string, year: number) => ["psychometrics", "forms", module, year] as const,
  item: (id: string) => ["psychometrics", "item", id] as const,
  demographics: ["me", "demographics"] as const,
};

export const reportPath = (module: string, year: number) => `${BASE}/reports/${encodeURIComponent(module)}/${year}.pdf`;

export function useModuleFigures(year: number) {
  return useQuery({ queryKey: psychometricsKeys.modules(year), queryFn: ({ signal }) => api.get<SnapshotList>(`${BASE}/modules`, { year }, signal) });
}

export function useReviewQueue(year: number) {
  return useQuery({ queryKey: psychometricsKeys.queue(year), queryFn: ({ signal }) => api.get<ReviewQueue>(`${BASE}/review-queue`, { year }, signal) });
}

/** A module's calibration and each delivered form's expected score at the cut, as the job last stored them. */
export function useFormComparability(module: string, year: number) {
  return useQuery({
    queryKey: psychometricsKeys.forms(module, year),
    queryFn: ({ signal }) => api.get<FormComparabilityView>(`${BASE}/forms/${encodeURIComponent(module)}`, { year }, signal),
    enabled: module !== "",
  });
}

export function useItemStatistics(itemId: string) {
  return useQuery({
    queryKey: psychometricsKeys.item(itemId),
    queryFn: ({ signal }) => api.get<ItemStatisticsList>(`${BASE}/items/${encodeURIComponent(itemId)}`, undefined, signal),
  });
}

export function useStartStatistics() {
  return useMutation({ mutationFn: (body: StartStatisticsBody) => api.post<StartedJob>(`${BASE}/runs`, body) });
}

export function useSendToReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string } & SendToReviewBody) =>
      api.post<ItemDetailView>(`${BASE}/items/${encodeURIComponent(itemId)}/send-to-review`, { reason } satisfies SendToReviewBody),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(item.id), item);
      void queryClient.invalidateQueries({ queryKey: psychometricsKeys.all });
      void queryClient.invalidateQueries({ queryKey: itemKeys.list });
    },
  });
}

export function useMyDemographics() {
  return useQuery({ queryKey: psychometricsKeys.demographics, queryFn: ({ signal }) => api.get<MyDemographicsView>("/api/v1/me/demographics", undefined, signal) });
}

export function useSaveDemographics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveDemographicsBody) => api.put<MyDemographicsView>("/api/v1/me/demographics", body),
    onSuccess: (view) => queryClient.setQueryData(psychometricsKeys.demographics, view),
  });
}

export function useWithdrawDemographics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<MyDemographicsView>("/api/v1/me/demographics"),
    onSuccess: (view) => queryClient.setQueryData(psychometricsKeys.demographics, view),
  });
}
