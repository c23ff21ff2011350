// Queries and mutations of certification periods: the staff watch, a proctor's renewal, a center's
// certification or renewal. Each success refreshes every list that shows a period.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CenterView, CertificationOverview, CertifyCenterBody, ProctorCertificationView, RenewProctorBody } from "../../../common/schemas/centers";
import { schedulingKeys } from "../registration/scheduling-api";

export const certificationKeys = {
  overview: ["admin", "certifications"] as const,
};

export function useCertificationOverview() {
  return useQuery({
    queryKey: certificationKeys.overview,
    queryFn: ({ signal }) => api.get<CertificationOverview>("/api/v1/admin/certifications", undefined, signal),
  });
}

function useRefreshPeriods() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: certificationKeys.overview });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.proctors });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.adminCenters });
  };
}

export function useRenewProctor(userId: string) {
  const refresh = useRefreshPeriods();
  return useMutation({
    mutationFn: (body: RenewProctorBody) =>
      api.post<ProctorCertificationView>(`/api/v1/admin/proctors/${encodeURIComponent(userId)}/certification/renew`, body),
    onSuccess: refresh,
  });
}

export function useCertifyCenter(centerId: string) {
  const refresh = useRefreshPeriods();
  return useMutation({
    mutationFn: (body: CertifyCenterBody) => api.post<CenterView>(`/api/v1/admin/centers/${encodeURIComponent(centerId)}/certify`, body),
    onSuccess: refresh,
  });
}
