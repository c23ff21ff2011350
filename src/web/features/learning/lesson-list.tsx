// A skill's lessons in order, each a link with its reading time and, for a signed-in reader, a
// "Finished" tick. The tick is text, not only a mark, so it is read out and survives high contrast.
import { Link } from "react-router";
import type { LessonSummaryView } from "../../../common/schemas/learning";
import { lessonUrl } from "./learning-api";

interface Props {
  lessons: LessonSummaryView[];
  /** Show each lesson's summary (the skill page), not only its title (the Learning Lab's home). */
  detailed?: boolean;
}

export function LessonList({ lessons, detailed = false }: Props) {
  if (lessons.length === 0) return <p className="lesson-list__empty">Lessons for this skill are being written.</p>;
  return (
    <ol className={detailed ? "lesson-list lesson-list--detailed" : "lesson-list"}>
      {lessons.map((lesson) => (
        <li key={lesson.id} className={lesson.completed ? "lesson-list__item lesson-list__item--done" : "lesson-list__item"}>
          <span className="lesson-list__title">
            <Link to={lessonUrl(lesson.id)}>{lesson.title}</Link>{" "}
            <span className="lesson-list__minutes">{lesson.minutes} min</span>
            {lesson.completed ? <FinishedBadge /> : null}
          </span>
          {detailed ? <span className="lesson-list__summary">{lesson.summary}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function FinishedBadge() {
  return (
    <span className="badge badge--success lesson-list__done">
      <span aria-hidden="true">✓ </span>Finished
    </span>
  );
}

/** "2 of 3 lessons finished", or nothing for a visitor or a skill without lessons. */
export function skillProgress(lessons: LessonSummaryView[]): string | null {
  if (lessons.length === 0 || lessons.some((l) => l.completed === undefined)) return null;
  const done = lessons.filter((l) => l.completed).length;
  return `${done} of ${lessons.length} ${lessons.length === 1 ? "lesson" : "lessons"} finished`;
}
