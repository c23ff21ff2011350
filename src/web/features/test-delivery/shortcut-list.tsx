// The keyboard shortcuts, as a list the tutorial and the help panel both show.
import { SHORTCUTS, type ShortcutAction } from "./use-shortcuts";

export function ShortcutList({ unavailable = [] }: { unavailable?: ShortcutAction[] }) {
  return (
    <dl className="shortcut-list">
      {SHORTCUTS.filter((s) => !unavailable.includes(s.action)).map((s) => (
        <div key={s.action}>
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.what}</dd>
        </div>
      ))}
    </dl>
  );
}
