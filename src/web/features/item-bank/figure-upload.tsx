// Figures for the item being written: uploaded as raw bytes, kept in the assets map
// {"figures/<name>": sha256} that goes with every preview and save.
import { useId, useRef, useState, type FormEvent } from "react";
import { errorMessage } from "../../api/client";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { figureContentType, uploadFigure } from "./item-bank-api";

interface Props {
  assets: Record<string, string>;
  onUploaded: (href: string, sha256: string) => void;
}

/** A safe file name for the href: letters, digits, dot, dash and underscore. */
export const figureFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "figure";

export function FigureUpload({ assets, onUploaded }: Props) {
  const inputId = useId();
  const hintId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setDone(null);
    if (!file) {
      setError("Choose a figure file first.");
      return;
    }
    const type = figureContentType(file);
    if (!type) {
      setError("Figures must be SVG, PNG, JPEG or GIF files.");
      return;
    }
    const name = figureFileName(file.name);
    setBusy(true);
    setError(null);
    try {
      const result = await uploadFigure(file, name, type);
      onUploaded(`figures/${name}`, result.sha256);
      setDone(`Uploaded. Reference it as figures/${name} in the XML.`);
      if (input.current) input.current.value = "";
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const entries = Object.entries(assets);
  return (
    // A form of its own, not nested in the editor's form.
    <form className="item-figures" aria-labelledby={headingId} onSubmit={(e) => void onSubmit(e)}>
      <h3 id={headingId}>Figures</h3>
      <FormAlert>{error}</FormAlert>
      <StatusMessage>{done}</StatusMessage>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Upload a figure
        </label>
        <p className="field__hint" id={hintId}>
          SVG (preferred), PNG, JPEG or GIF, up to 2 MB. SVG is cleaned of scripts and links on upload.
        </p>
        <div className="input-with-button">
          <input
            ref={input}
            id={inputId}
            className="input"
            type="file"
            accept=".svg,.png,.jpg,.jpeg,.gif,image/svg+xml,image/png,image/jpeg,image/gif"
            aria-describedby={hintId}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? "Uploading…" : "Upload"}
          </button>
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="field__hint">No figures yet.</p>
      ) : (
        <ul className="item-figures__list">
          {entries.map(([href, sha]) => (
            <li key={href}>
              <img src={`/api/v1/item-assets/${sha}`} alt="" className="item-figures__thumb" />
              <span>
                Reference it as <code>{href}</code> in the XML.
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
