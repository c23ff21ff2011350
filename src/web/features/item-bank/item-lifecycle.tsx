// The status of an item and the changes allowed from it: submit for review, approve (by someone
// other than the last editor: the server says so when it refuses), return to draft, retire (with a
// reason).
import { useId, useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import type { ItemDetailView, ItemStatus } from "../../../common/schemas/item-bank";
import { TextAreaField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { useChangeStatus } from "./item-bank-api";
import { STATUS_LABELS, StatusBadge } from "./labels";

interface Action {
  to: ItemStatus;
  label: string;
  done: string;
  secondary?: boolean;
}

function actionsFor(item: ItemDetailView): Action[] {
  switch (item.status) {
    case "draft":
      return [{ to: "in_review", label: "Submit for review", done: "Submitted for review." }];
    case "in_review":
      return [
        { to: "active", label: "Approve", done: "Approved: the item is active." },
        { to: "draft", label: "Return to draft", done: "Returned to draft.", secondary: true },
      ];
    case "active":
      return item.pendingReview ? [{ to: "active", label: "Approve the edit", done: `Approved: version ${item.version} is now the active version.` }] : [];
    case "retired":
      return [{ to: "draft", label: "Return to draft", done: "Returned to draft." }];
    default:
      return [];
  }
}

export function ItemLifecycle({ item }: { item: ItemDetailView }) {
  const change = useChangeStatus(item.id);
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const headingId = useId();
  const canRetire = item.status !== "retired";

  function run(action: Action) {
    setMessage(null);
    change.mutate({ status: action.to }, { onSuccess: () => setMessage(action.done) });
  }

  function onRetire(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError("Say why the item is retired.");
      return;
    }
    setReasonError(null);
    setMessage(null);
    change.mutate(
      { status: "retired", reason: reason.trim() },
      {
        onSuccess: () => {
          setRetiring(false);
          setReason("");
          setMessage("Retired: the item is no longer drawn into forms.");
        },
      },
    );
  }

  return (
    <section className="item-lifecycle" aria-labelledby={headingId}>
      <h2 id={headingId}>Status and review</h2>
      <p>
        <StatusBadge status={item.status} />{" "}
        {item.status === "active" && item.pendingReview
          ? `Version ${item.activeVersion} is in use; version ${item.version} waits for approval.`
          : item.status === "active"
            ? `Version ${item.activeVersion ?? item.version} is in use.`
            : item.status === "in_review"
              ? "Waiting for another staff member to approve it."
              : item.status === "draft"
                ? "Being written; not used in forms."
                : "Not used in forms."}
      </p>
      <FormAlert>{change.isError ? errorMessage(change.error) : null}</FormAlert>
      <StatusMessage>{message}</StatusMessage>
      <div className="button-row">
        {actionsFor(item).map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.secondary ? "button button--secondary" : "button"}
            disabled={change.isPending}
            onClick={() => run(action)}
          >
            {action.label}
          </button>
        ))}
        {canRetire && !retiring ? (
          <button type="button" className="button button--danger" onClick={() => setRetiring(true)}>
            Retire…
          </button>
        ) : null}
      </div>
      {retiring ? (
        <form className="item-lifecycle__retire" onSubmit={onRetire} aria-label="Retire the item">
          <TextAreaField
            label="Why is the item retired?"
            hint="Kept in the audit log, for example “over-exposed” or “key disputed”."
            error={reasonError}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={change.isPending}>
              Retire the item
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRetiring(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <p className="field__hint">
        Lifecycle: {STATUS_LABELS.draft} → {STATUS_LABELS.in_review} → {STATUS_LABELS.active} → {STATUS_LABELS.retired}. Approval must come from
        someone other than the last editor.
      </p>
    </section>
  );
}
