// The candidate's test screen for one attempt.
export function TestPage() {
  return null;
}
