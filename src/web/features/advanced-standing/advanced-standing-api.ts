// Query keys, queries and mutations of advanced standing (issue 14): partners, agreements, holders'
// requests and partners' decisions. The types are the static types of src/common/schemas/advanced-standing.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  AgreementList, AgreementView, ApplyBody, CreateAgreementBody, DecisionBody, MyInstitutions, PartnerList, RequestList, RequestsQuery, RequestView, WithdrawalBody,
} from "../../../common/schemas/advanced-standing";

export const standingKeys = {
  all: ["advanced-standing"] as const,
  partners: ["advanced-standing", "partners"] as const,
  agreements: ["advanced-standing", "agreements"] as const,
  mine: ["advanced-standing", "mine"] as const,
  institutions: ["advanced-standing", "institutions"] as const,
  requests: (q: RequestsQuery) => ["advanced-standing", "requests", q] as const,
};

export const usePartners = () =>
  useQuery({ queryKey: standingKeys.partners, queryFn: ({ signal }) => api.get<PartnerList>("/api/v1/partners", undefined, signal) });

export const useAgreements = () =>
  useQuery({ queryKey: standingKeys.agreements, queryFn: ({ signal }) => api.get<AgreementList>("/api/v1/admin/articulation-agreements", undefined, signal) });

export const useMyStandingRequests = () =>
  useQuery({ queryKey: standingKeys.mine, queryFn: ({ signal }) => api.get<RequestList>("/api/v1/me/advanced-standing", undefined, signal) });

export const useMyInstitutions = () =>
  useQuery({ queryKey: standingKeys.institutions, queryFn: ({ signal }) => api.get<MyInstitutions>("/api/v1/college/institutions", undefined, signal) });

export const useStandingRequests = (q: RequestsQuery) =>
  useQuery({ queryKey: standingKeys.requests(q), queryFn: ({ signal }) => api.get<RequestList>("/api/v1/college/advanced-standing", { ...q }, signal) });

/** Where a registrar downloads the decisions as CSV (an institution's, or all they may see). */
export const decisionsExportUrl = (institutionId?: string) =>
  `/api/v1/college/advanced-standing/export${institutionId ? `?institutionId=${encodeURIComponent(institutionId)}` : ""}`;

function useStandingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: standingKeys.all });
      // Granted credit shows on the holder's pathway.
      void queryClient.invalidateQueries({ queryKey: ["me", "pathway"] });
    },
  });
}

export const useApplyForStanding = () => useStandingMutation((body: ApplyBody) => api.post<RequestView>("/api/v1/me/advanced-standing", body));
export const useWithdrawStanding = (id: string) =>
  useStandingMutation((body: WithdrawalBody) => api.post<RequestView>(`/api/v1/me/advanced-standing/${encodeURIComponent(id)}/withdrawal`, body));
export const useDecideStanding = (id: string) =>
  useStandingMutation((body: DecisionBody) => api.post<RequestView>(`/api/v1/college/advanced-standing/${encodeURIComponent(id)}/decision`, body));
export const useCreateAgreement = () => useStandingMutation((body: CreateAgreementBody) => api.post<AgreementView>("/api/v1/admin/articulation-agreements", body));
