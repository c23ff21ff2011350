// Practising one skill: a set of a few practice items, one question at a time, each drawn exactly as
// the test screen draws items (with read-aloud for everyone), and immediate feedback after each answer
// (right or wrong, the correct answer, why, the lesson that teaches it) with the skill's mastery. The
// set's id is in the address (?set=), so a reload or the back button comes back to it.
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CandidateResponse } from "../../api/types";
import { errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { useProgram } from "../program/program-queries";
import { ItemView } from "../item-render";
import { ReadAloudControls } from "../test-delivery/read-aloud-controls";
import { spokenItem } from "../test-delivery/spoken-text";
import { useSpeech } from "../test-delivery/use-speech";
import type { PracticeAnswerView, PracticeSetView } from "../../../common/schemas/practice";
import { FeedbackPanel } from "./feedback-panel";
import { MasteryMeter } from "./mastery-meter";
import { practiceApi, practiceKeys, practiceLinks, useMastery, usePracticeSet } from "./practice-api";
import "../../styles/item-render.css";
import "../../styles/practice.css";

function StartSet({ skill, label, onStarted }: { skill: string; label: string; onStarted: (set: PracticeSetView) => void }) {
  const start = useMutation({ mutationFn: () => practiceApi.startSet(skill), onSuccess: onStarted });
  return (
    <>
      <FormAlert>{start.isError ? errorMessage(start.error) : null}</FormAlert>
      <p>
        <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? "Drawing questions…" : label}
        </button>
      </p>
    </>
  );
}

function RunningSet({ set, onStartAnother }: { set: PracticeSetView; onStartAnother: (next: PracticeSetView) => void }) {
  const queryClient = useQueryClient();
  const firstOpen = set.items.findIndex((i) => !set.feedback[i.id]);
  const [index, setIndex] = useState(firstOpen === -1 ? set.items.length : firstOpen);
  const [responses, setResponses] = useState<Record<string, CandidateResponse>>({});
  // What the latest answer completed: the skill mastered for the first time, a study plan.
  const [last, setLast] = useState<PracticeAnswerView | null>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const speech = useSpeech();
  const item = set.items[index];
  const feedback = item ? set.feedback[item.id] : undefined;
  const spoken = useMemo(() => (item ? spokenItem(item.presentation) : null), [item]);

  const answeredHere = useRef(false);
  const answer = useMutation({
    mutationFn: (itemId: string) => practiceApi.answer(set.id, itemId, responses[itemId] ?? {}),
    onSuccess: (result) => {
      setLast(result);
      queryClient.setQueryData<PracticeSetView>(practiceKeys.set(set.id), (old) =>
        old ? { ...old, feedback: { ...old.feedback, [result.feedback.itemId]: result.feedback }, mastery: result.mastery, completedAt: result.setCompleted ? result.feedback.answeredAt : old.completedAt } : old,
      );
      void queryClient.invalidateQueries({ queryKey: practiceKeys.mastery });
      void queryClient.invalidateQueries({ queryKey: practiceKeys.progress });
      answeredHere.current = true;
    },
  });

  // The feedback takes focus when it appears after an answer, so a screen reader says right or wrong at once.
  useEffect(() => {
    if (!feedback || !answeredHere.current) return;
    answeredHere.current = false;
    feedbackHeading.current?.focus();
  }, [feedback]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    questionHeading.current?.focus();
  }, [index]);

  function next() {
    speech.stop();
    moved.current = true;
    const after = set.items.findIndex((i, n) => n > index && !set.feedback[i.id]);
    const before = set.items.findIndex((i) => !set.feedback[i.id]);
    setIndex(after !== -1 ? after : before !== -1 ? before : set.items.length);
  }

  const answered = Object.keys(set.feedback).length;
  const right = Object.values(set.feedback).filter((f) => f.correct).length;

  if (!item) {
    return (
      <section className="card" aria-labelledby="set-done">
        <h2 id="set-done" tabIndex={-1} ref={questionHeading}>
          Set finished
        </h2>
        <p>
          You answered {right} of {set.items.length} {set.items.length === 1 ? "question" : "questions"} right.
        </p>
        <StartSet skill={set.skill} label="Start another set" onStarted={onStartAnother} />
      </section>
    );
  }

  return (
    <section className="card practice-question" aria-labelledby="practice-heading">
      <div className="question__head">
        <h2 id="practice-heading" tabIndex={-1} ref={questionHeading} className="question__title">
          Question {index + 1} of {set.items.length}
        </h2>
        <span className="card__meta">
          {answered} answered, {right} right
        </span>
      </div>
      {spoken ? <ReadAloudControls spoken={spoken} lang={item.presentation.lang || "en"} {...speech} /> : null}
      {feedback ? (
        <>
          <FeedbackPanel item={item} feedback={feedback} headingRef={feedbackHeading} />
          {last?.feedback.itemId === item.id && last.masteredNow ? (
            <p className="notice notice--success">
              <strong>You have mastered {set.skillName}.</strong>
            </p>
          ) : null}
          {last?.feedback.itemId === item.id
            ? last.plansCompleted.map((planId) => (
                <p key={planId} className="notice notice--success">
                  Every skill of your study plan is mastered. <Link to={practiceLinks.plan(planId)}>Open your study plan to book the retake</Link>.
                </p>
              ))
            : null}
          <p className="button-row">
            <button type="button" className="button" onClick={next}>
              {answered === set.items.length ? "See how the set went" : "Next question"}
            </button>
          </p>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            answer.mutate(item.id);
          }}
        >
          <ItemView
            key={`${set.id}-${item.id}`}
            presentation={item.presentation}
            response={responses[item.id] ?? {}}
            onChange={(r) => setResponses((all) => ({ ...all, [item.id]: r }))}
            labelledBy="practice-heading"
          />
          <FormAlert>{answer.isError ? errorMessage(answer.error) : null}</FormAlert>
          <p className="button-row">
            <button type="submit" className="button" disabled={answer.isPending}>
              {answer.isPending ? "Checking…" : "Check answer"}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

export function PracticeSetPage() {
  const { skill: code = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const setId = params.get("set");
  const queryClient = useQueryClient();
  const program = useProgram();
  const mastery = useMastery();
  const set = usePracticeSet(setId);

  const skill = program.data?.modules.flatMap((m) => m.skills.map((s) => ({ ...s, module: m }))).find((s) => s.code === code);
  const title = skill ? `Practise ${skill.name}` : "Practice";
  const skillMastery = set.data?.mastery ?? mastery.data?.items.find((m) => m.skill === code);

  function started(next: PracticeSetView) {
    queryClient.setQueryData(practiceKeys.set(next.id), next);
    setParams({ set: next.id });
  }

  let body;
  if (program.isPending) body = <Loading />;
  else if (program.isError) body = <QueryError error={program.error} />;
  else if (!skill) body = <p>There is no skill {code} in the program. Choose one from the <Link to="/learning">Learning Lab</Link>.</p>;
  else if (!setId) {
    body = (
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading">Practice set</h2>
        <p>
          A set is a few practice questions on {skill.name}, the ones you have seen least recently first. After each answer you see at once whether it
          was right, the correct answer, why, and the lesson that teaches it. Practice questions are never questions of the real test.
        </p>
        <StartSet skill={skill.code} label="Start a practice set" onStarted={started} />
      </section>
    );
  } else if (set.isPending) body = <Loading label="Loading your practice set…" />;
  else if (set.isError) body = <QueryError error={set.error} onRetry={() => void set.refetch()} />;
  else body = <RunningSet key={set.data.id} set={set.data} onStartAnother={started} />;

  return (
    <Page title={title} lead={skill ? `${skill.module.name} (${skill.module.code}): ${skill.description}` : undefined}>
      {skillMastery ? (
        <section aria-labelledby="mastery-heading" className="practice-mastery">
          <h2 id="mastery-heading" className="visually-hidden">
            Your mastery
          </h2>
          <MasteryMeter mastery={skillMastery} />
        </section>
      ) : null}
      {body}
      {skill ? (
        <p className="button-row">
          <Link to={practiceLinks.skill(skill.code)}>About {skill.name}: lessons</Link>
          <Link to={practiceLinks.practiceTests(skill.module.code)}>Practice test of {skill.module.name}</Link>
          <Link to={practiceLinks.progress}>Your progress</Link>
        </p>
      ) : null}
    </Page>
  );
}
