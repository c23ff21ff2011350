// One section of a lesson: its heading (the anchor #<section id> that practice feedback and the
// table of contents link to), read-aloud for the section, its body, and its practice.
import { Link } from "react-router";
import type { LessonSectionView } from "../../../common/schemas/learning";
import { sectionPracticeUrl } from "./learning-api";

interface Props {
  lessonId: string;
  skill: string;
  section: LessonSectionView;
  /** The section the address points at (#<id>): marked beside its heading. */
  targeted: boolean;
  /** Read-aloud, when the browser can speak; null shows no read-aloud buttons (the toolbar says why). */
  readAloud: { reading: boolean; read: () => void; stop: () => void } | null;
}

export function LessonSection({ lessonId, skill, section, targeted, readAloud }: Props) {
  const headingId = section.id;
  return (
    <section className={targeted ? "lesson-section lesson-section--target" : "lesson-section"} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="lesson-section__heading">
        {section.heading}
      </h2>
      {readAloud ? (
        <p className="lesson-section__read">
          {readAloud.reading ? (
            <button type="button" className="button button--secondary button--small" onClick={readAloud.stop}>
              Stop reading<span className="visually-hidden"> “{section.heading}”</span>
            </button>
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={readAloud.read}>
              Read aloud<span className="visually-hidden"> “{section.heading}”</span>
            </button>
          )}
        </p>
      ) : null}
      {/* The lesson's Markdown rendered on the server (lesson-files.ts): raw HTML in a lesson is
          escaped, links are https or inside the Learning Lab, images are the lesson's own figures
          with their alt text. It is program content, not anything a user typed. */}
      <div className="lesson-section__body" dangerouslySetInnerHTML={{ __html: section.html }} />
      {section.practiceItemCount > 0 ? (
        <p className="lesson-section__practice">
          <Link to={sectionPracticeUrl(skill, lessonId, section.id)} className="button button--secondary">
            Practise this section<span className="visually-hidden">: {section.heading}</span>
          </Link>{" "}
          <span className="lesson-section__count">
            {section.practiceItemCount} {section.practiceItemCount === 1 ? "question" : "questions"}
          </span>
        </p>
      ) : null}
    </section>
  );
}
