// The candidate's test day for one registration: check-in state, modules to start or resume.
export function SittingPage() {
  return null;
}
