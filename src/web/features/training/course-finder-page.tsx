// The public course finder (/training/courses): instructor-led MT1 skills courses at certified
// centers, by state, module and skill, soonest first, with the seats left and the fee; each links to
// its page, where a signed-in learner enrols.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import type { CourseFinderQuery, CourseView } from "../../../common/schemas/training";
import { useProgram } from "../program/program-queries";
import { courseStart, feeText, placeText } from "./course-text";
import { useCourseFinder } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

export function CourseFinderPage() {
  const program = useProgram();
  const [draft, setDraft] = useState({ state: "", module: "", skill: "" });
  const [query, setQuery] = useState<Partial<CourseFinderQuery>>({});
  const [stateProblem, setStateProblem] = useState<string | null>(null);
  const courses = useCourseFinder(query);
  const skills = (program.data?.modules ?? []).filter((m) => !draft.module || m.code === draft.module).flatMap((m) => m.skills);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const state = draft.state.trim().toUpperCase();
    if (state && !/^[A-Z]{2}$/.test(state)) return setStateProblem("Enter a state as its two letters, like VA.");
    setStateProblem(null);
    setQuery({ ...(state ? { state } : {}), ...(draft.module ? { module: draft.module } : {}), ...(draft.skill ? { skill: draft.skill } : {}) });
  }

  const columns: Column<CourseView>[] = [
    { id: "title", header: "Course", rowHeader: true, sortValue: (c) => c.title, cell: (c) => <Link to={`/training/courses/${encodeURIComponent(c.id)}`}>{c.title}</Link> },
    { id: "skills", header: "Skills", cell: (c) => <>{c.moduleName}<br /><span className="card__meta">{c.skills.map((s) => s.name).join(", ")}</span></> },
    { id: "place", header: "Where", sortValue: (c) => placeText(c), cell: (c) => placeText(c) },
    { id: "when", header: "Starts (at the place)", className: "nowrap", sortValue: (c) => c.meetings[0]?.startsAt, cell: (c) => courseStart(c) },
    { id: "trainer", header: "Trainer", cell: (c) => c.trainer.name },
    { id: "seats", header: "Seats left", className: "numeric", sortValue: (c) => c.seatsLeft, cell: (c) => (c.seatsLeft === 0 ? "Full" : String(c.seatsLeft)) },
    { id: "fee", header: "Fee", sortValue: (c) => c.feeCents ?? 0, cell: (c) => feeText(c) },
  ];

  return (
    <Page
      title="Find a training course"
      wide
      lead="Instructor-led MT1 skills training, taught by MT1 Certified Trainers at certified centers. Times are shown on the clock of the place the course meets."
    >
      <form className="filters" role="search" aria-label="Courses" onSubmit={onSearch} noValidate>
        <TextField label="State" name="state" required={false} maxLength={2} hint="Two letters, like VA" error={stateProblem ?? undefined} value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value })} />
        <SelectField label="Module" name="module" required={false} value={draft.module} onChange={(e) => setDraft({ ...draft, module: e.target.value, skill: "" })}>
          <option value="">Any module</option>
          {(program.data?.modules ?? []).map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
        </SelectField>
        <SelectField label="Skill" name="skill" required={false} value={draft.skill} onChange={(e) => setDraft({ ...draft, skill: e.target.value })}>
          <option value="">Any skill</option>
          {skills.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
        </SelectField>
        <button type="submit" className="button">Find courses</button>
      </form>
      <DataTable caption="Courses, soonest first" showCaption columns={columns} rows={courses.data?.items ?? []} rowKey={(c) => c.id} status={courses}
        empty="No course matches. Try another state, module or skill, or the online Learning Lab." pageSize={25} />
      <p>
        Your courses and your attendance are on <Link to="/training/my-courses">My training</Link>.
      </p>
    </Page>
  );
}
