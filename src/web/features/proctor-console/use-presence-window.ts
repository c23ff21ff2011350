import { useProgram } from "../program/program-queries";
import { DEFAULT_PRESENCE_WINDOW_MS } from "./presence";

/**
 * How long the server counts a proctor present after a heartbeat: the program's
 * proctorPresenceSeconds policy (the web's Program type does not list it yet, hence the narrow cast).
 */
export function usePresenceWindowMs(): number {
  const policies = useProgram().data?.policies as { proctorPresenceSeconds?: number } | undefined;
  const seconds = policies?.proctorPresenceSeconds;
  return typeof seconds === "number" && seconds > 0 ? seconds * 1000 : DEFAULT_PRESENCE_WINDOW_MS;
}
