// A lesson to read: where it sits (module, skill, its number), the reading tools (text size and
// high contrast as on the test screen, read-aloud per section), a table of contents whose links
// focus their section, the sections, "I have finished this lesson", and the previous and next
// lessons of the skill.
import { useState } from "react";
import { Link, useLocation } from "react-router";
import type { LessonView } from "../../../common/schemas/learning";
import { errorMessage } from "../../api/client";
import { DisplayControls, usePageContrast } from "../../components/display-controls";
import { Page } from "../../components/page";
import { formatDate } from "../../lib/format";
import { useDisplaySettings } from "../test-delivery/use-display-settings";
import { useSpeech } from "../test-delivery/use-speech";
import { lessonUrl, skillUrl, useCompleteLesson } from "./learning-api";
import { moduleAnchor } from "./learning-home-page";
import { LessonSection } from "./lesson-section";
import { FinishedBadge } from "./lesson-list";
import { hashId, useHashTarget } from "./use-hash-target";

/** The reader's display settings are kept for the Learning Lab as a whole, apart from any test's. */
const DISPLAY_SCOPE = "learning-lab";
const NO_ACCOMMODATIONS: readonly string[] = [];

function FinishLesson({ lesson }: { lesson: LessonView }) {
  const complete = useCompleteLesson(lesson.id);
  return (
    <section className="lesson-finish" aria-labelledby="finish-heading">
      <h2 id="finish-heading">Finished reading?</h2>
      {/* Always rendered: a live region must exist before its message appears to be announced. */}
      <div role="status">
        {lesson.completedAt ? (
          <p>
            <FinishedBadge /> You finished this lesson on {formatDate(lesson.completedAt)}.
          </p>
        ) : null}
      </div>
      {lesson.completedAt ? null : (
        <>
          <p>When you have read every section, mark the lesson finished: the Learning Lab keeps track of it for you.</p>
          <button type="button" className="button" onClick={() => complete.mutate()} disabled={complete.isPending}>
            I have finished this lesson
          </button>
        </>
      )}
      {complete.isError ? (
        <p className="notice notice--error" role="alert">
          The lesson could not be marked finished: {errorMessage(complete.error)}
        </p>
      ) : null}
    </section>
  );
}

export function LessonReader({ lesson }: { lesson: LessonView }) {
  const display = useDisplaySettings(DISPLAY_SCOPE, NO_ACCOMMODATIONS);
  usePageContrast(display.settings.highContrast);
  const speech = useSpeech();
  const [reading, setReading] = useState<string | null>(null);
  useHashTarget(true);
  // (Not CSS :target: the browser picks the target when the address changes, before React has drawn the section.)
  const targetId = hashId(useLocation().hash);

  const readAloudFor = (sectionId: string, text: string) =>
    speech.supported
      ? {
          reading: speech.speaking && reading === sectionId,
          read: () => {
            setReading(sectionId);
            speech.speak(text, "en-US");
          },
          stop: speech.stop,
        }
      : null;

  return (
    <Page title={`${lesson.title} · Learning Lab`} heading={lesson.title} lead={lesson.summary}>
      <nav aria-label="Breadcrumb" className="lab-breadcrumb">
        <ol>
          <li>
            <Link to="/learning">Learning Lab</Link>
          </li>
          <li>
            <Link to={`/learning#${moduleAnchor(lesson.module)}`}>{lesson.moduleName}</Link>
          </li>
          <li>
            <Link to={skillUrl(lesson.skill)}>{lesson.skillName}</Link>
          </li>
        </ol>
      </nav>
      <p className="lesson-meta">
        Lesson {lesson.order} of {lesson.lessonsInSkill} in {lesson.skillName} · about {lesson.minutes} minutes
        {lesson.completedAt ? (
          <>
            {" "}
            <FinishedBadge />
          </>
        ) : null}
      </p>

      <section className="lesson-tools" aria-label="Reading tools">
        <DisplayControls display={display.settings} onDisplay={display.change} />
        {speech.supported ? (
          <span className="lesson-tools__hint">Each section has a Read aloud button.</span>
        ) : (
          <span className="lesson-tools__hint">Read-aloud is not available in this browser.</span>
        )}
      </section>

      <nav className="lesson-toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">In this lesson</h2>
        <ol>
          {lesson.sections.map((section) => (
            <li key={section.id}>
              <Link to={{ hash: `#${section.id}` }}>{section.heading}</Link>
            </li>
          ))}
        </ol>
      </nav>

      {lesson.sections.map((section) => (
        <LessonSection key={section.id} lessonId={lesson.id} skill={lesson.skill} section={section} targeted={section.id === targetId} readAloud={readAloudFor(section.id, section.spokenText)} />
      ))}

      <FinishLesson lesson={lesson} />

      <nav className="lesson-pager" aria-label={`Lessons in ${lesson.skillName}`}>
        {lesson.previous ? (
          <Link to={lessonUrl(lesson.previous.id)} className="lesson-pager__link lesson-pager__link--previous">
            <span className="lesson-pager__label">Previous lesson</span> {lesson.previous.title}
          </Link>
        ) : null}
        {lesson.next ? (
          <Link to={lessonUrl(lesson.next.id)} className="lesson-pager__link lesson-pager__link--next">
            <span className="lesson-pager__label">Next lesson</span> {lesson.next.title}
          </Link>
        ) : (
          <Link to={skillUrl(lesson.skill)} className="lesson-pager__link lesson-pager__link--next">
            <span className="lesson-pager__label">Back to the skill</span> {lesson.skillName}
          </Link>
        )}
      </nav>
    </Page>
  );
}
