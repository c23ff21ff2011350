// The proctor's live console for one session.
export function ProctorConsolePage() {
  return null;
}
