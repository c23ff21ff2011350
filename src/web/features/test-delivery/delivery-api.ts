// The test-delivery API as the candidate's screens use it (docs/DELIVERY.md). Every attempt request
// carries X-Attempt-Device so the server can hold the attempt to this computer.
import { request } from "../../api/client";
import type { CandidateItem, CandidateResponse } from "../../api/types";
import { deviceId } from "./device-id";

export type AttemptStatus = "in_progress" | "paused" | "submitted" | "scored" | "voided";
export type PauseReason = "no_proctor_present" | "proctor" | "break";

export interface SkillResult {
  code: string;
  name: string;
  percent: number;
  belowStandard: boolean;
}

export interface AttemptResult {
  module: string;
  percent: number;
  passed: boolean;
  skills: SkillResult[];
}

export interface Award {
  type: string;
  certificateNumber: string;
  issuedOn: string;
}

export interface Attempt {
  id: string;
  registrationId?: string;
  sessionId?: string;
  module: string;
  moduleName?: string;
  status: AttemptStatus | string;
  startedAt: string;
  deadline: string;
  remainingMs: number;
  serverTime?: string;
  pauseReason: PauseReason | string | null;
  calculator?: boolean;
  accommodations?: string[];
  items: CandidateItem[];
  responses: Record<string, { response: CandidateResponse; seq: number; savedAt: string }>;
  flags?: string[];
  result?: AttemptResult | null;
}

export interface SubmitOutcome {
  result: AttemptResult | null;
  awarded?: Award[];
}

export interface SittingModule {
  code: string;
  name: string;
  minutes: number;
  questions: number;
  calculator: boolean;
  attempt: { id: string; status: AttemptStatus | string } | null;
}

export interface Sitting {
  registrationId: string;
  session: { id: string; startsAt: string; endsAt: string; centerName: string };
  checkedIn: boolean;
  proctorPresent: boolean;
  accommodations: string[];
  modules: SittingModule[];
}

export interface MyAttempt {
  id: string;
  registrationId: string;
  module: string;
  status: string;
  startedAt: string;
  submittedAt: string | null;
  result: AttemptResult | null;
}

const enc = encodeURIComponent;
const attemptPath = (id: string, rest = "") => `/api/v1/attempts/${enc(id)}${rest}`;
const device = () => ({ "X-Attempt-Device": deviceId() });

export const deliveryApi = {
  sitting: (registrationId: string, signal?: AbortSignal) =>
    request<Sitting>("GET", `/api/v1/registrations/${enc(registrationId)}/sitting`, { signal }),
  myAttempts: (signal?: AbortSignal) => request<{ items: MyAttempt[] }>("GET", "/api/v1/me/attempts", { signal }),
  start: (registrationId: string, module: string) =>
    request<Attempt>("POST", "/api/v1/attempts", { body: { registrationId, module }, headers: device() }),
  get: (id: string, signal?: AbortSignal) => request<Attempt>("GET", attemptPath(id), { signal, headers: device() }),
  saveResponse: (id: string, itemId: string, response: CandidateResponse, seq: number) =>
    request<{ itemId: string; seq: number; applied: boolean; savedAt: string }>("PUT", attemptPath(id, `/responses/${enc(itemId)}`), {
      body: { response, seq },
      headers: device(),
    }),
  saveFlags: (id: string, itemIds: string[]) =>
    request<{ itemIds: string[] }>("PUT", attemptPath(id, "/flags"), { body: { itemIds }, headers: device() }),
  event: (id: string, kind: "focus_lost" | "focus_returned") =>
    request<void>("POST", attemptPath(id, "/events"), { body: { kind }, headers: device() }),
  startBreak: (id: string) => request<Attempt>("POST", attemptPath(id, "/break"), { body: {}, headers: device() }),
  endBreak: (id: string) => request<Attempt>("POST", attemptPath(id, "/break/end"), { body: {}, headers: device() }),
  submit: (id: string) => request<SubmitOutcome>("POST", attemptPath(id, "/submit"), { body: {}, headers: device() }),
};

export const deliveryKeys = {
  attempt: (id: string) => ["attempt", id] as const,
  sitting: (registrationId: string) => ["sitting", registrationId] as const,
  myAttempts: ["me", "attempts"] as const,
};
