// Query hooks and helpers for scheduling, registration, fees, the profile, centers and proctors; their
// types are the static types of src/common/schemas.
import { useQuery } from "@tanstack/react-query";
import { useProgram } from "../program/program-queries";
import { api } from "../../api/client";
import type { Center, Page } from "../../api/types";
import type { FeesView, MyRegistrationsPage } from "../../../common/schemas/scheduling";
import type { ProfileView } from "../../../common/schemas/accounts";
import type { ProctorList } from "../../../common/schemas/centers";

export const schedulingKeys = {
  myRegistrations: ["me", "registrations"] as const,
  profile: ["me", "profile"] as const,
  fees: ["fees"] as const,
  myAccommodations: ["me", "accommodation-requests"] as const,
  accommodationQueue: ["admin", "accommodation-requests"] as const,
  mySessions: ["me", "sessions"] as const,
  myCenters: ["centers", "mine"] as const,
  adminCenters: ["admin", "centers"] as const,
  proctors: ["admin", "proctors"] as const,
  invoices: ["admin", "invoices"] as const,
  vouchers: ["vouchers"] as const,
  onsite: ["onsite-requests"] as const,
  roster: (id: string) => ["roster", id] as const,
};

export function useMyRegistrations(enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.myRegistrations,
    queryFn: ({ signal }) => api.get<MyRegistrationsPage>("/api/v1/me/registrations", undefined, signal),
    enabled,
  });
}

export function useFees() {
  return useQuery({
    queryKey: schedulingKeys.fees,
    queryFn: ({ signal }) => api.get<FeesView>("/api/v1/fees", undefined, signal),
  });
}

export function useProfile() {
  return useQuery({
    queryKey: schedulingKeys.profile,
    queryFn: ({ signal }) => api.get<ProfileView>("/api/v1/me/profile", undefined, signal),
  });
}

export function useProctors(enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.proctors,
    queryFn: ({ signal }) => api.get<ProctorList>("/api/v1/admin/proctors", undefined, signal),
    enabled,
  });
}

export function useMyCenters(enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.myCenters,
    queryFn: ({ signal }) => api.get<Page<Center>>("/api/v1/centers/mine", undefined, signal),
    enabled,
  });
}

const money = new Map<string, Intl.NumberFormat>();
export function formatMoney(cents: number, currency = "USD"): string {
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "currency", currency });
    money.set(currency, format);
  }
  return format.format(cents / 100);
}

export const STATUS_LABELS: Record<string, string> = {
  pending_payment: "Seat held: payment due",
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  cancelled: "Cancelled",
  expired: "Expired (unpaid)",
  no_show: "No-show",
  pending: "Pending review",
  approved: "Approved",
  partly_approved: "Partly approved",
  denied: "Denied",
  scheduled: "Scheduled",
  in_progress: "In progress",
  closed: "Closed",
  completed: "Completed",
  applied: "Applied",
  certified: "Certified",
  suspended: "Suspended",
  running: "Running",
  done: "Done",
  failed: "Failed",
  open: "Open",
  paid: "Paid",
  available: "Available",
  redeemed: "Redeemed",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replace(/_/g, " ");
}

export function statusTone(status: string): string {
  if (["confirmed", "approved", "certified", "done", "paid", "available", "scheduled"].includes(status)) return "badge badge--success";
  if (["pending_payment", "waitlisted", "pending", "partly_approved", "applied", "running", "open"].includes(status)) return "badge badge--warning";
  return "badge badge--muted";
}

/** The value of a datetime-local input as an ISO instant (the reader's time zone). */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An ISO instant as a datetime-local input value in the reader's time zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The registration lead time, from the program definition (the rule's one source: program.json). */
export function useRegistrationLeadHours(): number | undefined {
  return useProgram().data?.policies.registrationLeadHours;
}
