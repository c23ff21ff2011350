// The candidate's own registration, its receipt, and the policy a move or cancellation follows.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ReceiptView } from "../../../common/schemas/scheduling";
import { registrationDeadline } from "../../../common/rules/registration-window";
import { useMyRegistrations } from "../registration/scheduling-api";

export const receiptKey = (id: string) => ["registrations", id, "receipt"] as const;

export function useReceipt(id: string) {
  return useQuery({
    queryKey: receiptKey(id),
    queryFn: ({ signal }) => api.get<ReceiptView>(`/api/v1/registrations/${encodeURIComponent(id)}/receipt`, undefined, signal),
  });
}

/** One of my registrations, from the list the dashboard already loads. */
export function useMyRegistration(id: string) {
  const query = useMyRegistrations();
  return { query, registration: query.data?.items.find((r) => r.id === id) };
}

/** Until when a registration can still be moved or cancelled online (the 48-hour rule). */
export function changeDeadline(startsAt: string, leadHours: number): Date {
  return registrationDeadline(new Date(startsAt), leadHours);
}

export const calendarUrl = (id: string) => `/api/v1/registrations/${encodeURIComponent(id)}/calendar`;
export const LIVE_STATUSES = ["pending_payment", "confirmed", "waitlisted"];
