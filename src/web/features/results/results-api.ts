// Types and query hooks for the candidate's results, certificates and pathway (the shapes of
// src/server/modules/results routes: GET /me/results, /me/credentials, /me/pathway).
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export type TrainingKind = "learning_lab" | "practice_test" | "course";

export interface TrainingRecommendation {
  skill: string;
  kind: TrainingKind;
  title: string;
  description: string;
  url?: string;
}

export interface SkillResult {
  code: string;
  name: string;
  percent: number;
  belowStandard: boolean;
}

export interface MyResult {
  attemptId: string;
  sessionId: string;
  submittedAt: string | null;
  scoredAt: string;
  module: string;
  percent: number;
  passed: boolean;
  skills: SkillResult[];
  training: TrainingRecommendation[];
}

export interface MyCredential {
  certificateNumber: string;
  type: string;
  issuedOn: string;
  status: string;
}

export type ModuleStatus = "passed" | "registered" | "attempted" | "not_started";

export interface Pathway {
  ncrc: { level: string | null; recommended: string; meetsRecommendation: boolean; advice: string | null };
  modules: {
    code: string;
    name: string;
    status: ModuleStatus;
    passedOn: string | null;
    percent?: number;
    certificateNumber?: string;
    registration?: { sessionId: string; startsAt: string; status: string };
  }[];
  credentials: { code: string; name: string; earned: boolean; issuedOn?: string; certificateNumber?: string; remaining: string[] }[];
  nextSessions: {
    module: string;
    sessionId: string;
    startsAt: string;
    centerName: string;
    city: string;
    state: string;
    seatsAvailable: number;
    waitlist: boolean;
  }[];
}

export const resultsKeys = {
  results: ["me", "results"] as const,
  credentials: ["me", "credentials"] as const,
  pathway: ["me", "pathway"] as const,
};

export function useMyResults() {
  return useQuery({
    queryKey: resultsKeys.results,
    queryFn: ({ signal }) => api.get<{ items: MyResult[] }>("/api/v1/me/results", undefined, signal),
  });
}

export function useMyCredentials() {
  return useQuery({
    queryKey: resultsKeys.credentials,
    queryFn: ({ signal }) => api.get<{ items: MyCredential[] }>("/api/v1/me/credentials", undefined, signal),
  });
}

export function usePathway() {
  return useQuery({
    queryKey: resultsKeys.pathway,
    queryFn: ({ signal }) => api.get<Pathway>("/api/v1/me/pathway", undefined, signal),
  });
}

const enc = encodeURIComponent;
export const documentLinks = {
  scoreReport: (attemptId: string) => `/api/v1/me/results/${enc(attemptId)}/report.pdf`,
  certificate: (number: string) => `/api/v1/me/credentials/${enc(number)}/pdf`,
  badge: (number: string) => `/api/v1/me/credentials/${enc(number)}/ob3`,
  verify: (number: string) => `/registry/${enc(number)}`,
};

/** "70.83%": every percent people see comes from the one rule in src/common (truncated, never rounded up). */
export { formatPercent } from "../../../common/rules/pass-rule";

export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  learning_lab: "Online Learning Lab",
  practice_test: "Practice test",
  course: "Instructor-led course",
};
