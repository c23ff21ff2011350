// /learning/lessons/:id: the lesson reader for signed-in accounts. A visitor is asked to sign in
// and comes back to the same place, section anchor included (the generic sign-in guard would drop
// the #section of a deep link).
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { useMe } from "../auth/auth-queries";
import { useLesson } from "./learning-api";
import { LessonReader } from "./lesson-reader";
import "../../styles/contrast-theme.css";
import "../../styles/learning.css";

export function LessonPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const me = useMe();
  const lesson = useLesson(id, !!me.data);

  if (me.isPending) return <Loading label="Checking your sign-in…" />;
  if (me.isError) return <QueryError error={me.error} />;
  if (!me.data) {
    const next = `${location.pathname}${location.hash}`;
    return (
      <Page title="Sign in to read this lesson" heading="Sign in to read this lesson">
        <p>The Learning Lab’s lessons are open to every account. Sign in, or create an account, and the lesson opens here.</p>
        <p className="button-row">
          <Link to={`/login?next=${encodeURIComponent(next)}`} className="button">
            Sign in to start
          </Link>
          <Link to="/register">Create an account</Link>
          <Link to="/learning">See every lesson</Link>
        </p>
      </Page>
    );
  }
  if (lesson.isPending) return <Loading label="Loading the lesson…" />;
  if (lesson.isError) {
    const missing = lesson.error instanceof ApiError && (lesson.error.status === 404 || lesson.error.status === 400);
    if (!missing) return <QueryError error={lesson.error} onRetry={() => void lesson.refetch()} />;
    return (
      <Page title="Lesson not found" heading="We could not find that lesson">
        <p>There is no lesson “{id}” in the Learning Lab.</p>
        <p>
          <Link to="/learning">See every lesson</Link>
        </p>
      </Page>
    );
  }
  return <LessonReader lesson={lesson.data} />;
}
