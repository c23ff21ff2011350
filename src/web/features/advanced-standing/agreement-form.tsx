// Staff record an articulation agreement: the partner college, the credential, the program and its
// courses, the credits, the conditions and the days it applies.
import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField, TextField } from "../../components/field";
import { useFormErrors } from "../../lib/form-errors";
import type { AgreementCourse } from "../../../common/schemas/advanced-standing";
import type { AdminOrganisationList } from "../../../common/schemas/organisations";
import { useProgram } from "../program/program-queries";
import { useCreateAgreement } from "./advanced-standing-api";

const FORM_ID = "new-agreement";
const LABELS = {
  institutionId: "Partner college", credential: "Credential", programName: "Program", programCode: "Program code", courses: "Courses",
  credits: "Credits", earnedWithinYears: "Earned within (years)", conditions: "Other conditions", effectiveFrom: "Applies from", effectiveTo: "Applies until",
};

/** "MFG 110 | Manufacturing Processes | 3", one course a line. */
function parseCourses(text: string): AgreementCourse[] | string {
  const courses: AgreementCourse[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [code, title, credits] = line.split("|").map((p) => p.trim());
    if (!code || !title || !/^\d+$/.test(credits ?? "")) return `Write each course as code | title | credits: "${line}" is not.`;
    courses.push({ code, title, credits: Number(credits) });
  }
  return courses;
}

export function AgreementForm() {
  const program = useProgram();
  const colleges = useQuery({
    queryKey: ["organisations", "admin", "college"],
    queryFn: ({ signal }) => api.get<AdminOrganisationList>("/api/v1/admin/organisations", { kind: "college" }, signal),
  });
  const create = useCreateAgreement();
  const errors = useFormErrors(FORM_ID, LABELS);
  const [done, setDone] = useState<string | null>(null);
  const credentials = [...(program.data?.credentials ?? []).map((c) => ({ code: c.code, name: c.name })), ...(program.data?.modules ?? []).map((m) => ({ code: m.code, name: `${m.name} certificate` }))];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const courses = parseCourses(text("courses"));
    if (typeof courses === "string") return errors.setProblems([{ field: "courses", message: courses }]);
    const years = text("earnedWithinYears");
    errors.clear();
    const target = event.currentTarget;
    create.mutate(
      {
        institutionId: text("institutionId"), credential: text("credential"), programName: text("programName"), programCode: text("programCode") || null,
        courses, credits: Number(text("credits")), earnedWithinYears: years ? Number(years) : null, conditions: text("conditions") || null,
        effectiveFrom: text("effectiveFrom"), effectiveTo: text("effectiveTo") || null,
      },
      { onSuccess: (a) => { setDone(`Recorded: ${a.institution.name}, ${a.programName}.`); target.reset(); }, onError: errors.showError },
    );
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby={`${FORM_ID}-heading`} noValidate>
      <h2 id={`${FORM_ID}-heading`}>New articulation agreement</h2>
      <ErrorSummary errors={errors} />
      <p role="status">{done}</p>
      <SelectField id={errors.fieldId("institutionId")} error={errors.errorFor("institutionId")} label={LABELS.institutionId} name="institutionId"
        hint="Partner colleges are organisations of kind college.">
        {(colleges.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </SelectField>
      <SelectField id={errors.fieldId("credential")} error={errors.errorFor("credential")} label={LABELS.credential} name="credential">
        {credentials.map((c) => <option key={c.code} value={c.code}>{`${c.name} (${c.code})`}</option>)}
      </SelectField>
      <TextField id={errors.fieldId("programName")} error={errors.errorFor("programName")} label={LABELS.programName} name="programName" maxLength={200} />
      <TextField id={errors.fieldId("programCode")} error={errors.errorFor("programCode")} label={LABELS.programCode} name="programCode" maxLength={40} optional />
      <TextAreaField id={errors.fieldId("courses")} error={errors.errorFor("courses")} label={LABELS.courses} name="courses" rows={3} optional
        hint="One a line: code | title | credits, for example MFG 110 | Manufacturing Processes | 3." />
      <TextField id={errors.fieldId("credits")} error={errors.errorFor("credits")} label={LABELS.credits} name="credits" inputMode="numeric" hint="Never more than six for one holder at one institution." />
      <TextField id={errors.fieldId("earnedWithinYears")} error={errors.errorFor("earnedWithinYears")} label={LABELS.earnedWithinYears} name="earnedWithinYears" inputMode="numeric" optional />
      <TextAreaField id={errors.fieldId("conditions")} error={errors.errorFor("conditions")} label={LABELS.conditions} name="conditions" rows={2} maxLength={1000} optional />
      <TextField id={errors.fieldId("effectiveFrom")} error={errors.errorFor("effectiveFrom")} label={LABELS.effectiveFrom} name="effectiveFrom" type="date" />
      <TextField id={errors.fieldId("effectiveTo")} error={errors.errorFor("effectiveTo")} label={LABELS.effectiveTo} name="effectiveTo" type="date" optional />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Recording…" : "Record the agreement"}
      </button>
    </form>
  );
}
