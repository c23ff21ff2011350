// What went wrong with a form, per field: a VALIDATION error's details name the field each message
// belongs to (the server's error handler sets `field`), and a refusal with another code can be
// pinned to the field it is about (SESSION_FULL → sessionId). Messages with no field still reach the
// error summary, so nothing the server said is lost.
import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "../api/client";

export interface FormProblem {
  /** The field's name in the request body; absent for a problem with the whole form. */
  field?: string;
  message: string;
}

interface Detail {
  field?: unknown;
  path?: unknown;
  message?: unknown;
}

/** "must have required property 'x'" and "must NOT have fewer than 1 characters" read badly beside a label. */
function plain(message: string, label: string | undefined): string {
  if (/required property/.test(message)) return `Enter ${label ? label.toLowerCase() : "this field"}.`;
  if (/fewer than 1 characters/.test(message)) return `Enter ${label ? label.toLowerCase() : "this field"}.`;
  if (/^must NOT have fewer than (\d+) characters$/.test(message)) return message.replace(/^must NOT have fewer than (\d+) characters$/, "Use at least $1 characters.");
  if (/must NOT have more than (\d+) characters/.test(message)) return message.replace(/^must NOT have more than (\d+) characters$/, "Use $1 characters or fewer.");
  if (/^must match format "email"$/.test(message)) return "Enter an email address like name@example.com.";
  if (/^must match format "date-time"$/.test(message)) return "Enter a valid date and time.";
  if (/^must be (>=|<=) /.test(message)) return message.replace(/^must be >= (.*)$/, "Enter $1 or more.").replace(/^must be <= (.*)$/, "Enter $1 or less.");
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith(".") ? "" : ".");
}

/**
 * The problems an error stands for. `labels` names the form's fields (and only those are pinned to a
 * field: a detail about a field the form does not show goes to the summary as it is); `codeFields`
 * pins other error codes to a field.
 */
export function problemsOf(error: unknown, labels: Record<string, string>, codeFields: Record<string, string> = {}): FormProblem[] {
  if (!(error instanceof ApiError)) return [{ message: errorMessage(error) }];
  if (error.code === "VALIDATION" && Array.isArray(error.details) && error.details.length > 0) {
    const seen = new Set<string>();
    const problems: FormProblem[] = [];
    for (const detail of error.details as Detail[]) {
      const field = typeof detail.field === "string" && detail.field in labels ? detail.field : undefined;
      const raw = typeof detail.message === "string" ? detail.message : "is not valid";
      if (field && seen.has(field)) continue; // one message per field is enough to fix it
      if (field) seen.add(field);
      const where = !field && typeof detail.path === "string" ? `${detail.path.replace(/^body\/?/, "") || "The form"}: ` : "";
      problems.push({ field, message: field ? plain(raw, labels[field]) : `${where}${raw}` });
    }
    return problems;
  }
  const field = codeFields[error.code];
  return [{ field, message: error.message }];
}

/** The form's problems, and the ids its fields and the error summary share. */
export function useFormErrors(formId: string, labels: Record<string, string>, codeFields: Record<string, string> = {}) {
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const fieldId = useCallback((name: string) => `${formId}-${name}`, [formId]);
  const errorFor = useCallback((name: string) => problems.find((p) => p.field === name)?.message, [problems]);
  const showError = useCallback(
    (error: unknown) => setProblems(problemsOf(error, labels, codeFields)),
    // labels and codeFields are literals at the call site: their contents, not identity, matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(labels), JSON.stringify(codeFields)],
  );
  const clear = useCallback(() => setProblems([]), []);
  return { problems, setProblems, showError, clear, fieldId, errorFor, labels };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
