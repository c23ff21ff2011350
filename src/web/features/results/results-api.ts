// Query hooks and helpers for the candidate's results, certificates and pathway (GET /me/results,
// /me/credentials, /me/pathway); their shapes are src/common/schemas/results.ts.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { MyCredentialsView, MyResultsView, PathwayView, TrainingKind } from "../../../common/schemas/results";

export const resultsKeys = {
  results: ["me", "results"] as const,
  credentials: ["me", "credentials"] as const,
  pathway: ["me", "pathway"] as const,
};

export function useMyResults() {
  return useQuery({
    queryKey: resultsKeys.results,
    queryFn: ({ signal }) => api.get<MyResultsView>("/api/v1/me/results", undefined, signal),
  });
}

export function useMyCredentials() {
  return useQuery({
    queryKey: resultsKeys.credentials,
    queryFn: ({ signal }) => api.get<MyCredentialsView>("/api/v1/me/credentials", undefined, signal),
  });
}

export function usePathway() {
  return useQuery({
    queryKey: resultsKeys.pathway,
    queryFn: ({ signal }) => api.get<PathwayView>("/api/v1/me/pathway", undefined, signal),
  });
}

const enc = encodeURIComponent;
export const documentLinks = {
  scoreReport: (attemptId: string) => `/api/v1/me/results/${enc(attemptId)}/report.pdf`,
  certificate: (number: string) => `/api/v1/me/credentials/${enc(number)}/pdf`,
  badge: (number: string) => `/api/v1/me/credentials/${enc(number)}/ob3`,
  verify: (number: string) => `/registry/${enc(number)}`,
  learnerRecord: "/api/v1/me/clr",
  publicPage: (number: string) => `/credentials/${enc(number)}`,
};

/** "70.83%": every percent people see comes from the one rule in src/common (truncated, never rounded up). */
export { formatPercent } from "../../../common/rules/pass-rule";

export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  learning_lab: "Online Learning Lab",
  practice_test: "Practice test",
  course: "Instructor-led course",
};
