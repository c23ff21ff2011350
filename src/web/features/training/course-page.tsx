// One course (/training/courses/:id): what it covers, who teaches it, where, its meetings on the
// place's clock, the seats left and the fee; and enrolment for a signed-in learner: a free seat at
// once, a paid one by training voucher or by invoice (the seat is held until staff mark it paid).
import { Link, useLocation, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { timeZoneLabel } from "../../../common/us-time-zones";
import type { CourseView } from "../../../common/schemas/training";
import { useMe } from "../auth/auth-queries";
import { feeText, meetingSpan, STATUS_LABELS } from "./course-text";
import { EnrolForm } from "./enrol-form";
import { useCourse, useMyTraining } from "./training-api";
import "../../styles/scheduling.css";
import "../../styles/training.css";

function Enrolment({ course }: { course: CourseView }) {
  const me = useMe();
  const location = useLocation();
  const mine = useMyTraining();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>Log in</Link> or <Link to="/register">create an account</Link> to enrol.
      </p>
    );
  }
  const seat = mine.data?.courses.find((c) => c.course.id === course.id && c.enrolment.status !== "cancelled")?.enrolment;
  if (seat) {
    return (
      <div role="status" className="notice notice--success">
        {seat.status === "confirmed" ? (
          <p>You are enrolled in {course.title}: your seat is confirmed.</p>
        ) : seat.status === "pending_payment" ? (
          <p>Your seat in {course.title} is held until invoice {seat.invoice?.number ?? ""} ({feeText(course)}) is paid; the program confirms it then.</p>
        ) : (
          <p>Your seat: {STATUS_LABELS[seat.status]}.</p>
        )}
        <p>Your courses and your attendance are on <Link to="/training/my-courses">My training</Link>.</p>
      </div>
    );
  }
  if (!course.enrolmentOpen) {
    const why = course.status !== "scheduled" ? `The course is ${STATUS_LABELS[course.status]!.toLowerCase()}.`
      : course.private ? "This course is held onsite for an employer's own staff, who are enrolled by their employer."
        : course.seatsLeft === 0 ? "The course is full." : "Enrolment has closed.";
    return <p className="notice">{why} Other courses are on the <Link to="/training/courses">course finder</Link>.</p>;
  }
  return <EnrolForm subject={{ offeringId: course.id }} title={course.title} feeCents={course.feeCents ?? 0} currency={course.currency} />;
}

export function CoursePage() {
  const { id = "" } = useParams();
  const course = useCourse(id);
  return (
    <Page title={course.data?.title ?? "Course"} wide>
      <QueryStatus query={course} loadingLabel="Loading the course…">
        {(c) => (
          <>
            <dl className="course-facts">
              <dt>Module</dt>
              <dd>{c.moduleName} ({c.module})</dd>
              <dt>Skills</dt>
              <dd>{c.skills.map((s) => s.name).join(", ")}</dd>
              <dt>Trainer</dt>
              <dd>{c.trainer.name}, MT1 Certified Trainer</dd>
              <dt>Where</dt>
              <dd>{c.place.name}, {c.place.address}</dd>
              <dt>Seats left</dt>
              <dd>{c.seatsLeft} of {c.seats}</dd>
              <dt>Fee</dt>
              <dd>{feeText(c)}</dd>
              <dt>Status</dt>
              <dd>{STATUS_LABELS[c.status]}{c.cancelReason ? `: ${c.cancelReason}` : ""}</dd>
            </dl>
            <h2>Meetings</h2>
            <p className="card__meta">Times at the place: {timeZoneLabel(c.timeZone)}.</p>
            <ol className="meetings-list">
              {c.meetings.map((m) => <li key={m.id}>{meetingSpan(c, m)}</li>)}
            </ol>
            <Enrolment course={c} />
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
