// A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert and
// gives Escape for free. We add what it lacks everywhere: a name from the heading, focus on the
// first field (or the element marked data-autofocus), and focus back to the control that opened it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import "../../styles/proctor-console.css";

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes when the opener is gone (e.g. "Pause" became "Resume"). */
  fallbackFocus?: () => HTMLElement | null;
  tone?: "default" | "danger";
}

const FIELDS = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

export function Dialog({ title, onClose, children, fallbackFocus, tone = "default" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read through a ref so the effect below runs once per opening, not on every parent render.
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>(FIELDS))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = opener?.isConnected && !opener.matches(":disabled") ? opener : fallback.current?.();
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={tone === "danger" ? "console-dialog console-dialog--danger" : "console-dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React state close the dialog, so the unmount above restores focus.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="console-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The dialog's buttons: the action, then a Cancel that never submits. */
/** A confirmation without fields (danger) starts on Cancel, so a stray Enter does no harm. */
export function DialogActions({ submitLabel, busy, onCancel, danger, focusCancel }: { submitLabel: string; busy: boolean; onCancel: () => void; danger?: boolean; focusCancel?: boolean }) {
  return (
    <div className="button-row console-dialog__actions">
      <button type="submit" className={danger ? "button button--danger" : "button"} disabled={busy}>
        {busy ? "Working…" : submitLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel} data-autofocus={focusCancel || undefined}>
        Cancel
      </button>
    </div>
  );
}
