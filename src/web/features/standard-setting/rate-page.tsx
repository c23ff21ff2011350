// A panelist's rating page (/standard-setting/:id/rate): the training note first, then impact data
// from the last closed round (between rounds), then every item as candidates see it with its key
// (Angoff panelists judge with the key), each with a rating (0–100) saved as it is typed.
import { useEffect, useId, useRef, useState } from "react";
import { useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { errorMessage } from "../../api/client";
import { formatCalendarDate } from "../../lib/format";
import type { RatingItemView, RatingWorkspaceView } from "../../../common/schemas/standard-setting";
import { describeResponse, ItemView } from "../item-render";
import { ImpactSummary, ImpactTable } from "./impact-table";
import { useSaveRating, useWorkspace } from "./standard-setting-api";
import { STATUS_LABELS } from "./study-text";
import "../../styles/standard-setting.css";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };
const SAVE_DELAY_MS = 400;

const noop = () => {};

function ItemRating({ studyId, item, n, of, round, initial, previous, onRated }: {
  studyId: string; item: RatingItemView; n: number; of: number; round: number | null; initial: number | undefined; previous: number | undefined; onRated: (itemId: string) => void;
}) {
  const headingId = useId();
  const inputId = useId();
  const statusId = useId();
  const save = useSaveRating(studyId);
  const [value, setValue] = useState(initial === undefined ? "" : String(initial));
  const [state, setState] = useState<SaveState>({ kind: initial === undefined ? "idle" : "saved" });
  const lastSaved = useRef(initial === undefined ? "" : String(initial));
  const key = describeResponse(item.presentation, item.correctResponse);

  useEffect(() => {
    if (round === null || value === lastSaved.current) return;
    const rating = Number(value);
    if (value.trim() === "" || !Number.isInteger(rating) || rating < 0 || rating > 100) {
      setState({ kind: "error", message: "Enter a whole number from 0 to 100." });
      return;
    }
    const timer = setTimeout(() => {
      setState({ kind: "saving" });
      save.mutate({ round, itemId: item.id, rating }, {
        onSuccess: () => { lastSaved.current = value; setState({ kind: "saved" }); onRated(item.id); },
        onError: (e) => setState({ kind: "error", message: errorMessage(e) }),
      });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // Saves when the typed value settles; the mutation object changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, round, item.id]);

  const status = state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "Saved" : state.kind === "error" ? `Not saved: ${state.message}` : "Not rated yet";
  return (
    <section className="angoff-item" aria-labelledby={headingId}>
      <h3 id={headingId}>Item {n} of {of} <span className="card__meta">{item.identifier}{item.skill ? ` · ${item.skill}` : ""}</span></h3>
      <ItemView presentation={item.presentation} response={item.correctResponse ?? {}} onChange={noop} readOnly labelledBy={headingId} />
      <div className="item-staff__key">
        <p><strong>Key:</strong> {key.length === 0 ? "none declared" : key.flatMap((k) => k.lines).join("; ")}</p>
      </div>
      <div className="angoff-item__rating">
        <div className="field">
          <label htmlFor={inputId} className="field__label">Rating for item {n} (0–100)</label>
          <input id={inputId} className="input" type="number" inputMode="numeric" min={0} max={100} step={5} name={`rating-${item.id}`} value={value}
            disabled={round === null} aria-describedby={statusId} aria-invalid={state.kind === "error" || undefined}
            onChange={(e) => setValue(e.target.value)} />
        </div>
        <p id={statusId} className={state.kind === "error" ? "angoff-save angoff-save--error" : "angoff-save"} aria-live="polite">
          {round === null ? (initial === undefined ? "Not rated" : "Rating kept") : status}
          {previous !== undefined ? <><br /><span className="card__meta">Your round {round === null ? "" : round - 1} rating: {previous}</span></> : null}
        </p>
      </div>
    </section>
  );
}

function Workspace({ w }: { w: RatingWorkspaceView }) {
  const mine = new Map(w.ratings.map((r) => [r.itemId, r.rating]));
  const before = new Map(w.previousRatings.map((r) => [r.itemId, r.rating]));
  const [rated, setRated] = useState(() => new Set(mine.keys()));
  const onRated = (itemId: string) => setRated((s) => (s.has(itemId) ? s : new Set([...s, itemId])));
  const lastCut = w.impact ? w.rounds.find((r) => r.round === w.impact!.round)?.cutPercent ?? null : null;
  return (
    <Page title={`Rate: ${w.title}`} wide lead={`${w.moduleName} (${w.module}) standard-setting panel, meeting ${formatCalendarDate(w.meetingDate)}. ${STATUS_LABELS[w.status]}.`}>
      <section className="section" aria-labelledby="training-heading">
        <h2 id="training-heading">Before you rate: the minimally competent candidate</h2>
        <div className="angoff-note">{w.trainingNote}</div>
      </section>
      {w.impact ? (
        <section className="section" aria-labelledby="impact-heading">
          <h2 id="impact-heading">What round {w.impact.round} showed</h2>
          <p>The panel's mean rating per item beside the share of real candidates who answered it correctly, and how many candidates would have passed at the panel's cut.</p>
          <ImpactSummary impact={w.impact} cut={lastCut} passPercent={w.passPercent} />
          <ImpactTable impact={w.impact} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="items-heading">
        <h2 id="items-heading">{w.openRound ? `Round ${w.openRound}: rate every item` : "Items"}</h2>
        <p aria-live="polite">
          {w.openRound
            ? `${rated.size} of ${w.items.length} items rated. For each item, how many out of 100 minimally competent candidates would answer it correctly? Each rating is saved as you type.`
            : w.status === "draft" ? "The first round has not opened yet: read the training note and the items." : "No round is open now: ratings are closed."}
        </p>
        {w.items.map((item, i) => (
          <ItemRating key={`${w.openRound ?? 0}-${item.id}`} studyId={w.id} item={item} n={i + 1} of={w.items.length} round={w.openRound}
            initial={mine.get(item.id)} previous={before.get(item.id)} onRated={onRated} />
        ))}
      </section>
    </Page>
  );
}

export function RatePage() {
  const { id = "" } = useParams();
  const workspace = useWorkspace(id);
  return <QueryStatus query={workspace} loadingLabel="Loading the study…">{(w) => <Workspace w={w} />}</QueryStatus>;
}
