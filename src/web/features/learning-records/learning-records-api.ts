// The learning-records screens' server calls: a learner's statements (their own, or a person's for
// staff), and staff's external learning record stores, deliveries, Learning Lab use and mastery by skill.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../lib/use-cursor-list";
import type {
  CreateLrsEndpointBody, LearningRecordView, LearningUsage, LrsDeliveryStatus, LrsEndpointList, LrsEndpointView, LrsOrganisations, LrsRetryResult, LrsTestResult,
  UpdateLrsEndpointBody,
} from "../../../common/schemas/learning-records";
import type { MasteryReport } from "../../../common/schemas/practice";

export const learningRecordKeys = {
  all: ["learning-records"] as const,
  list: (personId: string | null) => ["learning-records", "list", personId ?? "me"] as const,
  stores: ["learning-records", "stores"] as const,
  deliveries: ["learning-records", "deliveries"] as const,
  organisations: ["learning-records", "organisations"] as const,
  usage: (from: string, to: string) => ["learning-records", "usage", from, to] as const,
  mastery: (from: string, to: string) => ["learning-records", "mastery", from, to] as const,
};

export const MY_RECORDS_DOWNLOAD = "/api/v1/me/learning-records/export";

export interface RecordFilters {
  verb?: string;
  skill?: string;
}

/** A learner's statements newest first: the signed-in learner's, or (staff) a person's. */
export function useLearningRecords(personId: string | null, filters: RecordFilters, pageSize = 25) {
  const path = personId ? `/api/v1/admin/people/${encodeURIComponent(personId)}/learning-records` : "/api/v1/me/learning-records";
  return useCursorList<LearningRecordView>(learningRecordKeys.list(personId), path, { verb: filters.verb, skill: filters.skill }, pageSize);
}

export function useStores() {
  return useQuery({ queryKey: learningRecordKeys.stores, queryFn: ({ signal }) => api.get<LrsEndpointList>("/api/v1/admin/learning-record-stores", undefined, signal) });
}

export function useDeliveries() {
  return useQuery({ queryKey: learningRecordKeys.deliveries, queryFn: ({ signal }) => api.get<LrsDeliveryStatus>("/api/v1/admin/learning-record-deliveries", undefined, signal) });
}

export function useOrganisations() {
  return useQuery({ queryKey: learningRecordKeys.organisations, queryFn: ({ signal }) => api.get<LrsOrganisations>("/api/v1/admin/learning-record-organisations", undefined, signal) });
}

export function useUsage(from: string, to: string) {
  return useQuery({ queryKey: learningRecordKeys.usage(from, to), queryFn: ({ signal }) => api.get<LearningUsage>("/api/v1/admin/learning-records/usage", { from, to }, signal) });
}

/** Mastery by skill and module over [from, to) (staff). */
export function useMasteryReport(from: string, to: string) {
  return useQuery({ queryKey: learningRecordKeys.mastery(from, to), queryFn: ({ signal }) => api.get<MasteryReport>("/api/v1/admin/learning/mastery", { from, to }, signal) });
}

/** Every change to a store refreshes the stores and the deliveries. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: learningRecordKeys.stores });
    void client.invalidateQueries({ queryKey: learningRecordKeys.deliveries });
  };
}

export function useCreateStore() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateLrsEndpointBody) => api.post<LrsEndpointView>("/api/v1/admin/learning-record-stores", body), onSuccess: refresh });
}

export function useUpdateStore() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateLrsEndpointBody }) => api.patch<LrsEndpointView>(`/api/v1/admin/learning-record-stores/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useTestStore() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<LrsTestResult>(`/api/v1/admin/learning-record-stores/${encodeURIComponent(id)}/test`), onSuccess: refresh });
}

export function useRetryStore() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<LrsRetryResult>(`/api/v1/admin/learning-record-stores/${encodeURIComponent(id)}/retry`), onSuccess: refresh });
}
