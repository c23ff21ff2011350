// An accessible modal: the native <dialog> opened with showModal() makes the rest of the page inert
// and closes on Escape; we add a Tab wrap-around (so focus never leaves for the browser's toolbar),
// focus the safe control (or the first) on open and give focus back to the opener on close.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

interface Props {
  open: boolean;
  titleId: string;
  /** Escape and the backdrop do nothing while false (e.g. during a submit). */
  dismissable?: boolean;
  onClose: () => void;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ModalDialog({ open, titleId, dismissable = true, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // The control marked data-autofocus (the safe choice), else the first one.
      (dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab") return;
    const list = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Escape: we close through state, so React and the element agree on whether it is open.
        event.preventDefault();
        if (dismissable) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
