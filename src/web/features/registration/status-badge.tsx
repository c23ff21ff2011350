import { statusLabel, statusTone } from "./scheduling-api";

export function StatusBadge({ status }: { status: string }) {
  return <span className={statusTone(status)}>{statusLabel(status)}</span>;
}
