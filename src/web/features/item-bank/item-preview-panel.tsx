// The live preview of the item being written: the server parses the XML (debounced ~500 ms) and the
// result is drawn with <ItemView> exactly as a candidate sees it, answerable, with staff-only panels
// (type, scoring, warnings, the key, the rationale) underneath. A parse error is shown in an alert
// while the last readable version stays on screen.
import { useId, useState } from "react";
import { errorMessage } from "../../api/client";
import type { CandidateResponse } from "../../../common/qti/scoring";
import type { ItemPreviewView } from "../../../common/schemas/item-bank";
import { describeResponse, ItemView, PresentationContent } from "../item-render";
import { useItemPreview } from "./item-bank-api";
import { typeLabel } from "./labels";
import { useDebouncedValue } from "./use-debounced-value";

interface Props {
  qtiXml: string;
  assets: Record<string, string>;
}

export function ItemPreviewPanel({ qtiXml, assets }: Props) {
  const debouncedXml = useDebouncedValue(qtiXml, 500);
  const query = useItemPreview(debouncedXml, assets);
  const [lastGood, setLastGood] = useState<ItemPreviewView | null>(null);
  const [response, setResponse] = useState<{ key: string; value: CandidateResponse }>({ key: "", value: {} });
  const headingId = useId();
  const candidateHeadingId = useId();

  // Keep the last preview that could be read, so an error while typing does not blank the panel.
  if (query.data && !query.isPlaceholderData && query.data !== lastGood) setLastGood(query.data);

  const responseKey = lastGood ? `${lastGood.identifier}:${lastGood.type}` : "";
  const current = response.key === responseKey ? response.value : {};
  const pending = qtiXml !== debouncedXml || query.isFetching;
  const empty = qtiXml.trim().length < 20;

  return (
    <section className="item-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>Live preview</h2>
      <p className="item-preview__state">
        {empty ? "Nothing to preview yet." : pending ? "Updating the preview…" : query.isError ? "The preview shows the last version that could be read." : "The preview is up to date."}
      </p>
      {query.isError && !empty ? (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>Not previewed.</strong> {errorMessage(query.error)}
          </p>
        </div>
      ) : null}
      {empty ? (
        <p>Choose a template or write the QTI XML: the item appears here as candidates will see it.</p>
      ) : lastGood ? (
        <>
          <div className="item-preview__candidate">
            <h3 id={candidateHeadingId} className="item-preview__label">
              As the candidate sees it
            </h3>
            <ItemView
              presentation={lastGood.presentation}
              response={current}
              onChange={(value) => setResponse({ key: responseKey, value })}
              labelledBy={candidateHeadingId}
            />
          </div>
          <StaffPanels preview={lastGood} response={current} />
        </>
      ) : null}
    </section>
  );
}

function StaffPanels({ preview, response }: { preview: ItemPreviewView; response: CandidateResponse }) {
  const key = describeResponse(preview.presentation, preview.correctResponse);
  const headingId = useId();
  return (
    <section className="item-staff" aria-labelledby={headingId}>
      <h3 id={headingId}>Staff only</h3>
      <dl className="item-staff__facts">
        <div>
          <dt>Identifier</dt>
          <dd>{preview.identifier}</dd>
        </div>
        <div>
          <dt>Title</dt>
          <dd>{preview.title}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{typeLabel(preview.type)}</dd>
        </div>
        <div>
          <dt>Scoring</dt>
          <dd>
            {preview.scoringMode === "manual" ? "By a person" : "Automatic"}, {preview.maxScore} point{preview.maxScore === 1 ? "" : "s"}
          </dd>
        </div>
      </dl>

      <h4>Warnings</h4>
      {preview.warnings.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="item-staff__warnings">
          {preview.warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}

      <h4>Key</h4>
      {key.length === 0 ? (
        <p>No correct response is declared.</p>
      ) : (
        key.map((k) => (
          <div key={k.responseId} className="item-staff__key">
            {key.length > 1 ? <p className="item-staff__key-id">{k.responseId}</p> : null}
            <ul>
              {k.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </div>
        ))
      )}

      <h4>Rationale</h4>
      {preview.rationale.length === 0 ? (
        <p>No rationale: every MT1 item needs one (a qti-modal-feedback with identifier RATIONALE).</p>
      ) : (
        <div className="item-staff__rationale">
          <PresentationContent nodes={preview.rationale} lang={preview.presentation.lang} />
        </div>
      )}

      <h4>Your response, as the scorer receives it</h4>
      <pre className="item-staff__json">{Object.keys(response).length ? JSON.stringify(response) : "(not answered)"}</pre>
    </section>
  );
}
