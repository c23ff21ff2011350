import type { OverriddenRule } from "./overridden-rules";

// What a staff booking sets aside, said before it is confirmed (in words, not only a colour).
export function RuleNotice({ rules }: { rules: OverriddenRule[] }) {
  if (rules.length === 0) return null;
  return (
    <div className="notice notice--warning">
      <p>
        <strong>This sets {rules.length === 1 ? "a program rule" : `${rules.length} program rules`} aside</strong> (your reason is recorded with it):
      </p>
      <ul>
        {rules.map((r) => (
          <li key={`${r.rule}-${r.text}`}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}
