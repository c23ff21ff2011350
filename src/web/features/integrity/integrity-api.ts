// Queries and mutations of the irregularity queue, cases and appeals; the shapes are
// src/common/schemas/integrity.ts, shared with the server.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  AppealBody,
  AppealDecisionBody,
  CaseDecisionBody,
  CaseView,
  IncidentForCase,
  MyCase,
  MyCasesView,
  OpenCaseBody,
} from "../../../common/schemas/integrity";
import { resultsKeys } from "../results/results-api";

export const integrityKeys = {
  queue: ["admin", "irregularities"] as const,
  cases: ["admin", "irregularity-cases"] as const,
  case: (id: string) => ["admin", "irregularity-cases", id] as const,
  incident: (id: string) => ["admin", "irregularities", "incident", id] as const,
  mine: ["me", "irregularities"] as const,
};

export type CaseDecision = "hold" | "release" | "void";

export function useCase(id: string) {
  return useQuery({
    queryKey: integrityKeys.case(id),
    queryFn: ({ signal }) => api.get<CaseView>(`/api/v1/admin/irregularity-cases/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useIncidentForCase(id: string) {
  return useQuery({
    queryKey: integrityKeys.incident(id),
    queryFn: ({ signal }) => api.get<IncidentForCase>(`/api/v1/admin/irregularities/incidents/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseBody) => api.post<CaseView>("/api/v1/admin/irregularity-cases", body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: integrityKeys.queue });
      void client.invalidateQueries({ queryKey: integrityKeys.cases });
    },
  });
}

/** Hold, release or void; the case comes back as it now is. */
export function useCaseDecision(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, body }: { decision: CaseDecision; body: CaseDecisionBody }) =>
      api.post<CaseView>(`/api/v1/admin/irregularity-cases/${encodeURIComponent(id)}/${decision}`, body),
    onSuccess: (view) => {
      client.setQueryData(integrityKeys.case(id), view);
      void client.invalidateQueries({ queryKey: integrityKeys.queue });
    },
  });
}

export function useAppealDecision(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealDecisionBody) => api.post<CaseView>(`/api/v1/admin/irregularity-cases/${encodeURIComponent(id)}/appeal-decision`, body),
    onSuccess: (view) => {
      client.setQueryData(integrityKeys.case(id), view);
      void client.invalidateQueries({ queryKey: integrityKeys.queue });
    },
  });
}

export function useMyCases() {
  return useQuery({
    queryKey: integrityKeys.mine,
    queryFn: ({ signal }) => api.get<MyCasesView>("/api/v1/me/irregularities", undefined, signal),
  });
}

export function useAppeal(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealBody) => api.post<MyCase>(`/api/v1/me/irregularities/${encodeURIComponent(caseId)}/appeal`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: integrityKeys.mine });
      void client.invalidateQueries({ queryKey: resultsKeys.results });
    },
  });
}
