import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { problemsOf, useFormErrors } from "../lib/form-errors";
import { click, render, type Rendered } from "../testing/render";
import { ErrorSummary } from "./error-summary";
import { TextField } from "./field";

const LABELS = { email: "Email", name: "Token name" };
const refusal = new ApiError(400, "VALIDATION", "The request is not valid. See details.", [
  { path: "body/email", field: "email", message: 'must match format "email"' },
  { path: "body/email", field: "email", message: "must NOT have more than 320 characters" },
  { path: "body/extra", field: "extra", message: "must NOT have additional properties" },
]);

describe("problemsOf", () => {
  it("pins a VALIDATION detail to the field the form shows, once per field, in plain words", () => {
    expect(problemsOf(refusal, LABELS)).toEqual([
      { field: "email", message: "Enter an email address like name@example.com." },
      // A field the form does not show goes to the summary with where it was.
      { field: undefined, message: "extra: must NOT have additional properties" },
    ]);
  });

  it("turns missing and empty values into an instruction naming the field", () => {
    const missing = new ApiError(400, "VALIDATION", "x", [{ path: "body", field: "name", message: "must have required property 'name'" }]);
    expect(problemsOf(missing, LABELS)).toEqual([{ field: "name", message: "Enter token name." }]);
  });

  it("pins another code to a field when the form says which, and keeps anything else whole", () => {
    const taken = new ApiError(409, "EMAIL_TAKEN", "An account with this email already exists.");
    expect(problemsOf(taken, LABELS, { EMAIL_TAKEN: "email" })).toEqual([{ field: "email", message: "An account with this email already exists." }]);
    expect(problemsOf(taken, LABELS)).toEqual([{ field: undefined, message: "An account with this email already exists." }]);
    expect(problemsOf(new TypeError("Failed to fetch"), LABELS)[0]?.field).toBeUndefined();
  });
});

function Form({ error }: { error: unknown }) {
  const errors = useFormErrors("token", LABELS);
  return (
    <form noValidate>
      <ErrorSummary errors={errors} />
      <TextField label="Token name" id={errors.fieldId("name")} error={errors.errorFor("name")} />
      <TextField label="Email" id={errors.fieldId("email")} error={errors.errorFor("email")} />
      <button type="button" onClick={() => errors.showError(error)}>
        Submit
      </button>
    </form>
  );
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe("ErrorSummary", () => {
  it("shows nothing until the form is refused", () => {
    view = render(<Form error={refusal} />);
    expect(view.container.querySelector(".error-summary")).toBeNull();
  });

  it("takes focus when it appears, lists each problem, and its link focuses the field, which shows the message too", () => {
    view = render(<Form error={refusal} />);
    click(view.container.querySelector("button"));
    const summary = view.container.querySelector<HTMLElement>(".error-summary")!;
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute("role")).toBe("alert");
    expect(summary.querySelector("h2")?.textContent).toBe("There is a problem");
    const link = summary.querySelector<HTMLAnchorElement>("a")!;
    expect(link.getAttribute("href")).toBe("#token-email");
    expect(link.textContent).toBe("Email: Enter an email address like name@example.com.");
    // The problem with no field of its own is plain text, not a link to nowhere.
    expect([...summary.querySelectorAll("li")].map((li) => li.querySelector("a") !== null)).toEqual([true, false]);

    const email = view.container.querySelector<HTMLInputElement>("#token-email")!;
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(email.getAttribute("aria-describedby")!)?.textContent).toContain("Enter an email address");
    Element.prototype.scrollIntoView ??= () => {};
    click(link);
    expect(document.activeElement).toBe(email);
  });
});
