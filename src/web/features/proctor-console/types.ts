// The shapes of the proctor console API (docs/DELIVERY.md, "Proctor").

export type AttemptStatus = "in_progress" | "paused" | "submitted" | "scored" | "voided";
export type PauseReason = "no_proctor_present" | "proctor" | "break";
export type Connection = "online" | "idle" | "offline";

export interface ConsoleAttempt {
  id: string;
  module: string;
  status: AttemptStatus;
  pauseReason: PauseReason | null;
  deadline: string;
  /** Frozen while paused; counted down locally between polls while running. */
  remainingMs: number;
  answered: number;
  total: number;
  lastSaveAt: string | null;
  connection: Connection;
  focusLost: number;
  awaitingReadmit: boolean;
  extraMinutes: number;
}

export interface ConsoleCandidate {
  registrationId: string;
  candidateId: string;
  name: string;
  modules: string[];
  checkedInAt: string | null;
  accommodations: string[];
  attempts: ConsoleAttempt[];
}

export const INCIDENT_CATEGORIES = ["proctor_absent", "technical", "identity", "misconduct", "disruption", "health", "other"] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export interface Incident {
  id: string;
  category: IncidentCategory;
  occurredAt: string;
  /** When a lasting incident (a proctor's absence) ended; null while it lasts or for a moment. */
  endedAt: string | null;
  narrative: string;
  actionTaken: string;
  registrationId: string | null;
  reportedBy: string | null;
  automatic: boolean;
}

export interface ConsoleSession {
  id: string;
  centerName: string;
  startsAt: string;
  endsAt: string;
  status: string;
  closedAt: string | null;
}

export interface ConsoleView {
  session: ConsoleSession;
  proctorPresent: boolean;
  candidates: ConsoleCandidate[];
  incidents: Incident[];
}

/** What the attempt actions answer: the attempt's new state. */
export interface AttemptChange {
  id: string;
  status: AttemptStatus;
  deadline?: string;
}

export interface NewIncident {
  category: IncidentCategory;
  occurredAt: string;
  narrative: string;
  actionTaken: string;
  registrationId?: string;
}
