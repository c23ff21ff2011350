// A person's record for staff, and the staff actions on their registrations. Every action refreshes
// the record (its registrations, payments and trail) and the audit log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AttentionView, NoShowBody, PersonRecordView, StaffRescheduleBody } from "../../../common/schemas/people";
import type { PublicSessionsPage, RegistrationView, StaffRegisterBody, WaiveBody } from "../../../common/schemas/scheduling";
import { staffKeys } from "../staff/staff-keys";

export const peopleKeys = {
  record: (id: string) => ["admin", "people", id] as const,
  attention: ["admin", "attention"] as const,
  sessions: ["admin", "people", "sessions"] as const,
};

export function usePersonRecord(id: string) {
  return useQuery({
    queryKey: peopleKeys.record(id),
    queryFn: ({ signal }) => api.get<PersonRecordView>(`/api/v1/admin/people/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useAttention() {
  return useQuery({
    queryKey: peopleKeys.attention,
    queryFn: ({ signal }) => api.get<AttentionView>("/api/v1/admin/attention", undefined, signal),
  });
}

/** Sessions a registration can go to: every listed session from now on, soonest first. */
export function useBookableSessions() {
  return useQuery({
    queryKey: peopleKeys.sessions,
    queryFn: ({ signal }) => api.get<PublicSessionsPage>("/api/v1/sessions", { from: new Date().toISOString(), limit: 200 }, signal),
    select: (page) => page.items.filter((s) => s.status === "scheduled" || s.status === "in_progress"),
  });
}

function useRecordMutation<I>(personId: string, run: (input: I) => Promise<RegistrationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.record(personId) });
      void queryClient.invalidateQueries({ queryKey: staffKeys.audit });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.attention });
    },
  });
}

const path = (registrationId: string, action: string) => `/api/v1/admin/registrations/${encodeURIComponent(registrationId)}/${action}`;

export const useWaiveFee = (personId: string) =>
  useRecordMutation(personId, ({ registrationId, ...body }: WaiveBody & { registrationId: string }) => api.post<RegistrationView>(path(registrationId, "waive"), body));

export const useStaffReschedule = (personId: string) =>
  useRecordMutation(personId, ({ registrationId, ...body }: StaffRescheduleBody & { registrationId: string }) =>
    api.post<RegistrationView>(path(registrationId, "reschedule"), body));

export const useMarkNoShow = (personId: string) =>
  useRecordMutation(personId, ({ registrationId, ...body }: NoShowBody & { registrationId: string }) => api.post<RegistrationView>(path(registrationId, "no-show"), body));

export const useStaffRegister = (personId: string) =>
  useRecordMutation(personId, (body: StaffRegisterBody) => api.post<RegistrationView>("/api/v1/admin/registrations", body));
