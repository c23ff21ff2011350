// The test-delivery API as the candidate's screens use it (docs/DELIVERY.md). Every attempt request
// carries X-Attempt-Device so the server can hold the attempt to this computer.
import { request } from "../../api/client";
import type { CandidateResponse } from "../../api/types";
import type {
  AttemptEventBody,
  AttemptView,
  FlagsView,
  MyAttemptsView,
  SavedResponseView,
  SittingView,
  StartAttemptBody,
  SubmitView,
} from "../../../common/schemas/delivery";
import { deviceId } from "./device-id";

const enc = encodeURIComponent;
const attemptPath = (id: string, rest = "") => `/api/v1/attempts/${enc(id)}${rest}`;
const device = () => ({ "X-Attempt-Device": deviceId() });

export const deliveryApi = {
  sitting: (registrationId: string, signal?: AbortSignal) =>
    request<SittingView>("GET", `/api/v1/registrations/${enc(registrationId)}/sitting`, { signal }),
  myAttempts: (signal?: AbortSignal) => request<MyAttemptsView>("GET", "/api/v1/me/attempts", { signal }),
  start: (registrationId: string, module: string) =>
    request<AttemptView>("POST", "/api/v1/attempts", { body: { registrationId, module } satisfies StartAttemptBody, headers: device() }),
  get: (id: string, signal?: AbortSignal) => request<AttemptView>("GET", attemptPath(id), { signal, headers: device() }),
  saveResponse: (id: string, itemId: string, response: CandidateResponse, seq: number) =>
    request<SavedResponseView>("PUT", attemptPath(id, `/responses/${enc(itemId)}`), {
      body: { response, seq },
      headers: device(),
    }),
  saveFlags: (id: string, itemIds: string[]) =>
    request<FlagsView>("PUT", attemptPath(id, "/flags"), { body: { itemIds }, headers: device() }),
  event: (id: string, kind: AttemptEventBody["kind"]) =>
    request<void>("POST", attemptPath(id, "/events"), { body: { kind } satisfies AttemptEventBody, headers: device() }),
  startBreak: (id: string) => request<AttemptView>("POST", attemptPath(id, "/break"), { body: {}, headers: device() }),
  endBreak: (id: string) => request<AttemptView>("POST", attemptPath(id, "/break/end"), { body: {}, headers: device() }),
  submit: (id: string) => request<SubmitView>("POST", attemptPath(id, "/submit"), { body: {}, headers: device() }),
};

export const deliveryKeys = {
  attempt: (id: string) => ["attempt", id] as const,
  sitting: (registrationId: string) => ["sitting", registrationId] as const,
  myAttempts: ["me", "attempts"] as const,
};
