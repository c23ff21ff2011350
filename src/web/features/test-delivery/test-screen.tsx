// The candidate's test screen for one attempt: loads it, keeps answers safe (save queue), decides
// which screen to show (screen-mode.ts) and wires the pieces together. Stands alone, without the
// site's header and navigation.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../api/client";
import { useProgram } from "../program/program-queries";
import type { ClockAnchor } from "./clock";
import type { SubmitView } from "../../../common/schemas/delivery";
import { deliveryApi, deliveryKeys } from "./delivery-api";
import { FinishedScreen } from "./finished-screen";
import { localStore, sessionStore, storageKeys } from "./local-store";
import { DeviceScreen, FinishingScreen, LoadErrorScreen, LoadingScreen, SignedOutScreen } from "./other-screens";
import { PausedScreen } from "./paused-screen";
import { RunningTest } from "./running-test";
import { saveState } from "./save-status";
import { queueMayResume, screenMode, type ScreenInputs } from "./screen-mode";
import { useAnswers } from "./use-answers";
import { errorCodeOf, useAttemptQuery } from "./use-attempt-query";
import { useDisplaySettings } from "./use-display-settings";
import { CONTRAST_THEME_CLASS } from "../../components/display-controls";
import { usePreloadFigures } from "./use-figure-preload";
import { useIntegrityGuards } from "./use-integrity";
import { useBrowserOnline, useSaveQueue } from "./use-save-queue";
import "../../styles/test-screen.css";
// After test-screen.css: the theme overrides the screen's own rules (see the file).
import "../../styles/contrast-theme.css";

const BLOCKED_NOTICE = "Copying, pasting and the right-click menu are turned off during the test.";

export function TestScreen({ attemptId }: { attemptId: string }) {
  const queryClient = useQueryClient();
  const [timeUp, setTimeUp] = useState(false);
  // The submit answer, or no result when the attempt was closed before it could be submitted.
  const [submitted, setSubmitted] = useState<{ result: SubmitView["result"] | null; awarded?: SubmitView["awarded"] } | null>(null);
  const [notice, setNotice] = useState("");
  const [breakBusy, setBreakBusy] = useState(false);
  const query = useAttemptQuery(attemptId, timeUp);
  const attempt = query.data;
  const { queue, snapshot } = useSaveQueue(attemptId);
  const answers = useAnswers(attemptId, queue, attempt);
  const online = useBrowserOnline();
  const program = useProgram();
  const accommodations = attempt?.accommodations ?? [];
  const display = useDisplaySettings(attempt?.registrationId, accommodations);
  usePreloadFigures(attempt?.items);

  const inputs: ScreenInputs = {
    status: attempt?.status ?? null,
    dataUpdatedAt: attempt ? query.dataUpdatedAt : 0,
    loadErrorCode: errorCodeOf(query.error),
    errorUpdatedAt: query.errorUpdatedAt,
    blocked: snapshot.blocked,
    timeUp,
    submittedHere: submitted !== null,
  };
  const mode = screenMode(inputs);
  const mayResume = queueMayResume(inputs);

  // The queue met a pause, a device change or a closed attempt: ask the server what is going on.
  const { refetch } = query;
  useEffect(() => {
    if (snapshot.blocked) void refetch();
  }, [snapshot.blocked, refetch]);
  useEffect(() => {
    if (mayResume) queue.resume();
  }, [mayResume, queue]);
  // The clock ran out here, but the proctor added time: carry on.
  useEffect(() => {
    if (timeUp && attempt?.status === "in_progress" && attempt.remainingMs > 5_000) setTimeUp(false);
  }, [timeUp, attempt]);
  // Nothing of a finished attempt needs to stay on a shared test-center computer.
  useEffect(() => {
    if (mode !== "finished") return;
    for (const key of [storageKeys.saveQueue(attemptId), storageKeys.lastSeq(attemptId)]) localStore().removeItem(key);
    sessionStore().removeItem(storageKeys.position(attemptId));
  }, [mode, attemptId]);

  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const showNotice = useCallback((text: string) => {
    setNotice(text);
    if (noticeTimer.current) clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(""), 6_000);
  }, []);
  useIntegrityGuards(attemptId, mode === "running" || mode === "paused", () => showNotice(BLOCKED_NOTICE));

  const anchor: ClockAnchor = useMemo(
    () => ({ remainingMs: attempt?.remainingMs ?? 0, receivedAt: query.dataUpdatedAt, running: attempt?.status === "in_progress" }),
    [attempt?.remainingMs, attempt?.status, query.dataUpdatedAt],
  );
  const onExpire = useCallback(() => {
    setTimeUp(true);
    void refetch();
  }, [refetch]);

  const { flushTyping } = answers;
  const submit = useCallback(async () => {
    flushTyping();
    if (!(await queue.drain())) {
      if (queue.snapshot().blocked) return; // paused or closed meanwhile: that screen takes over
      throw new ApiError(0, "NETWORK_ERROR", "Some answers could not be sent yet.");
    }
    try {
      setSubmitted(await deliveryApi.submit(attemptId));
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "ATTEMPT_CLOSED")) throw error;
      setSubmitted({ result: null });
    }
    void queryClient.invalidateQueries({ queryKey: deliveryKeys.attempt(attemptId) });
  }, [attemptId, flushTyping, queue, queryClient]);

  async function takeBreak() {
    setBreakBusy(true);
    try {
      flushTyping();
      await queue.drain();
      queryClient.setQueryData(deliveryKeys.attempt(attemptId), await deliveryApi.startBreak(attemptId));
    } catch (error) {
      showNotice(`The break could not start: ${errorMessage(error)}`);
    } finally {
      setBreakBusy(false);
    }
  }

  const theme = ["test-screen", display.settings.highContrast ? CONTRAST_THEME_CLASS : ""].filter(Boolean).join(" ");
  const moduleName = attempt?.moduleName ?? program.data?.modules.find((m) => m.code === attempt?.module)?.name ?? attempt?.module ?? "Test";

  let screen;
  if (mode === "loading") screen = <LoadingScreen />;
  else if (mode === "load_error")
    screen = <LoadErrorScreen error={query.error} notFound={query.error instanceof ApiError && query.error.status === 404} onRetry={() => void refetch()} />;
  else if (mode === "device") screen = <DeviceScreen />;
  else if (mode === "signed_out") screen = <SignedOutScreen attemptId={attemptId} />;
  else if (mode === "finishing") screen = <FinishingScreen />;
  else if (mode === "finished")
    screen = (
      <FinishedScreen
        status={attempt?.status ?? null}
        moduleName={moduleName}
        result={submitted?.result ?? attempt?.result ?? null}
        awarded={submitted?.awarded ?? []}
        registrationId={attempt?.registrationId ?? null}
        timeUp={timeUp && !submitted}
      />
    );
  else if (mode === "paused")
    screen = (
      <PausedScreen
        attemptId={attemptId}
        reason={attempt?.status === "paused" ? attempt.pauseReason : (snapshot.blocked?.reason ?? null)}
        remainingMs={attempt ? attempt.remainingMs : null}
        unsent={snapshot.pending}
      />
    );
  else if (attempt && answers.answers)
    screen = (
      <RunningTest
        attempt={attempt}
        moduleName={moduleName}
        anchor={anchor}
        responses={answers.answers.responses}
        flags={answers.answers.flags}
        saveState={saveState(snapshot, answers.typing, online)}
        notice={notice}
        display={display.settings}
        onDisplay={display.change}
        onResponse={answers.setResponse}
        onToggleFlag={answers.toggleFlag}
        onExpire={onExpire}
        breaks={{ available: accommodations.includes("extra_breaks"), busy: breakBusy, start: () => void takeBreak() }}
        onSubmit={submit}
      />
    );
  else screen = <LoadingScreen />;

  return <div className={theme}>{screen}</div>;
}
