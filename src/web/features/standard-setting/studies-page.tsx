// Staff's standard-setting studies (/staff/standard-setting): every modified-Angoff study with its
// status and the last closed round's cut, and the form that creates one.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormErrors, type FormProblem } from "../../lib/form-errors";
import { formatCalendarDate } from "../../lib/format";
import { useProgram } from "../program/program-queries";
import type { ItemSource, StudySummaryView } from "../../../common/schemas/standard-setting";
import { useCreateStudy, useStudies } from "./standard-setting-api";
import { cutWithSe, STATUS_LABELS } from "./study-text";
import "../../styles/standard-setting.css";

const LABELS = { module: "Module", title: "Title", meetingDate: "Meeting date", trainingNote: "Training note", itemSource: "Items rated" };
const DEFAULT_NOTE = [
  "The minimally competent candidate has just enough of the skills to earn the certificate: not an expert, not a beginner.",
  "Think of someone you have known who was just barely ready for the job.",
  "For each item, estimate how many out of 100 such candidates would answer it correctly. The key is shown: judge difficulty, not the answer.",
].join("\n\n");

function CreateStudyForm() {
  const program = useProgram();
  const create = useCreateStudy();
  const errors = useFormErrors("study", LABELS);
  const [message, setMessage] = useState<string | null>(null);
  const [module, setModule] = useState("MM");
  const [title, setTitle] = useState("");
  const [meetingDate, setMeetingDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [trainingNote, setTrainingNote] = useState(DEFAULT_NOTE);
  const [itemSource, setItemSource] = useState<ItemSource>("form");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const problems: FormProblem[] = [];
    if (!title.trim()) problems.push({ field: "title", message: "Enter the study's title." });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) problems.push({ field: "meetingDate", message: "Enter the day of the panel meeting." });
    if (!trainingNote.trim()) problems.push({ field: "trainingNote", message: "Write the training note panelists read first." });
    if (problems.length) return errors.setProblems(problems);
    errors.clear();
    create.mutate({ module, title: title.trim(), meetingDate, trainingNote: trainingNote.trim(), itemSource }, {
      onSuccess: (study) => { setMessage(`${study.title} is created with ${study.itemCount} items. Open it to add panelists.`); setTitle(""); },
      onError: errors.showError,
    });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="study-form-heading" noValidate>
      <h2 id="study-form-heading">Create a study</h2>
      <ErrorSummary errors={errors} />
      <StatusMessage>{message}</StatusMessage>
      <SelectField id={errors.fieldId("module")} label="Module" name="module" value={module} onChange={(e) => setModule(e.target.value)}>
        {(program.data?.modules ?? []).map((m) => <option key={m.code} value={m.code}>{m.name} ({m.code})</option>)}
      </SelectField>
      <TextField id={errors.fieldId("title")} error={errors.errorFor("title")} label="Title" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextField id={errors.fieldId("meetingDate")} error={errors.errorFor("meetingDate")} label="Meeting date" name="meetingDate" type="date" value={meetingDate} onChange={(e) => setMeetingDate(e.target.value)} />
      <SelectField id={errors.fieldId("itemSource")} label="Items rated" name="itemSource" hint="The active versions are fixed when the study is created." value={itemSource} onChange={(e) => setItemSource(e.target.value as ItemSource)}>
        <option value="form">One form drawn by the blueprint</option>
        <option value="pool">Every active operational item</option>
      </SelectField>
      <TextAreaField id={errors.fieldId("trainingNote")} error={errors.errorFor("trainingNote")} label="Training note" name="trainingNote" rows={8} maxLength={10000}
        hint="Panelists read this first: how to imagine the minimally competent candidate. Plain text; blank lines separate paragraphs." value={trainingNote} onChange={(e) => setTrainingNote(e.target.value)} />
      <button type="submit" className="button" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create the study"}</button>
    </form>
  );
}

export function StudiesPage() {
  const studies = useStudies();
  const columns: Column<StudySummaryView>[] = [
    { id: "title", header: "Study", rowHeader: true, sortValue: (s) => s.title, cell: (s) => <Link to={`/staff/standard-setting/${encodeURIComponent(s.id)}`}>{s.title}</Link> },
    { id: "module", header: "Module", sortValue: (s) => s.module, cell: (s) => s.moduleName },
    { id: "meeting", header: "Meeting", className: "nowrap", sortValue: (s) => s.meetingDate, cell: (s) => formatCalendarDate(s.meetingDate) },
    { id: "status", header: "Status", sortValue: (s) => s.status, cell: (s) => STATUS_LABELS[s.status] },
    { id: "size", header: "Items, panelists", className: "numeric", cell: (s) => `${s.itemCount} items, ${s.panelistCount} panelists` },
    { id: "cut", header: "Recommended cut", className: "numeric", sortValue: (s) => s.cutPercent, cell: (s) => cutWithSe(s.cutPercent, s.se) },
  ];
  return (
    <Page title="Standard setting" wide lead="Modified-Angoff studies that document each module's passing standard: panelists rate every item in two rounds, with impact data between them.">
      <DataTable caption="Studies" showCaption columns={columns} rows={studies.data?.items ?? []} rowKey={(s) => s.id} status={studies}
        empty="No studies yet. Create one with the form below." initialSort={{ id: "meeting", desc: true }} pageSize={25} />
      <div className="section">
        <CreateStudyForm />
      </div>
    </Page>
  );
}
