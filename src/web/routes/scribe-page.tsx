// Scribe mode: a proctor enters responses for a candidate approved for a scribe.
export function ScribePage() {
  return null;
}
