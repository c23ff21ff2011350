// The item editor: QTI XML, skill and pool, figures, and the live preview beside it.
// New items start from a template; saving an existing item stores a new version.
import { useId, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import type { ItemDetailView, ItemPool } from "../../../common/schemas/item-bank";
import { SelectField, TextAreaField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { useProgram } from "../program/program-queries";
import { FigureUpload } from "./figure-upload";
import { uploadFigure, useCreateItem, useUpdateItem } from "./item-bank-api";
import { ItemPreviewPanel } from "./item-preview-panel";
import { POOL_LABELS, POOL_LIST } from "./labels";
import { draftIdentifier, ITEM_TEMPLATES, type ItemTemplate } from "./templates";

interface Props {
  /** The item being edited; absent for a new item. */
  item?: ItemDetailView;
}

export function ItemEditor({ item }: Props) {
  const [qtiXml, setQtiXml] = useState(item?.qtiXml ?? "");
  const [skill, setSkill] = useState(item?.skill ?? "");
  const [pool, setPool] = useState<ItemPool>(item?.pool ?? "operational");
  const [assets, setAssets] = useState<Record<string, string>>(item?.assets ?? {});
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const program = useProgram();
  const navigate = useNavigate();
  const create = useCreateItem();
  const update = useUpdateItem(item?.id ?? "");
  const save = item ? update : create;
  const formHeadingId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const input = { qtiXml, pool, assets, ...(skill ? { skill } : {}) };
    if (item) {
      update.mutate(
        { ...input, note },
        {
          onSuccess: (next) => {
            setNote("");
            setSaved(`Saved version ${next.version}.${next.status === "draft" && item.status === "in_review" ? " The item is a draft again: submit it for review when it is ready." : ""}`);
          },
        },
      );
    } else {
      create.mutate(input, { onSuccess: (created) => void navigate(`/staff/items/${created.id}`, { state: { created: true } }) });
    }
  }

  return (
    <div className="item-editor">
      <div className="item-editor__source">
        {item ? null : (
          <TemplatePicker
            skill={skill}
            onPick={(xml, figures) => {
              setAssets((current) => ({ ...current, ...figures }));
              setQtiXml(xml);
            }}
          />
        )}
        <form className="item-editor__form" aria-labelledby={formHeadingId} onSubmit={onSubmit}>
          <h2 id={formHeadingId}>{item ? "Edit the item" : "Write the item"}</h2>
          <FormAlert>{save.isError ? errorMessage(save.error) : null}</FormAlert>
          <StatusMessage>{saved}</StatusMessage>
          <TextAreaField
            label="QTI 3.0 XML"
            hint="One qti-assessment-item, written as docs/ITEM-FORMAT.md describes. The preview updates as you type."
            className="input item-editor__xml"
            rows={28}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={qtiXml}
            onChange={(e) => setQtiXml(e.target.value)}
          />
          <div className="item-editor__row">
            <SelectField label="Skill" hint="Needed before the item can be approved." value={skill} onChange={(e) => setSkill(e.target.value)}>
              <option value="">No skill yet</option>
              {program.data?.modules.map((m) => (
                <optgroup key={m.code} label={`${m.code} · ${m.name}`}>
                  {m.skills.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.code} · {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField label="Pool" value={pool} onChange={(e) => setPool(e.target.value as ItemPool)}>
              {POOL_LIST.map((p) => (
                <option key={p} value={p}>
                  {POOL_LABELS[p]}
                </option>
              ))}
            </SelectField>
          </div>
          {item ? (
            <TextField
              label="Change note"
              optional
              hint="What changed and why; kept in the version history."
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? "Saving…" : item ? "Save a new version" : "Create the item"}
            </button>
          </div>
        </form>
        <FigureUpload assets={assets} onUploaded={(href, sha) => setAssets((current) => ({ ...current, [href]: sha }))} />
      </div>
      <ItemPreviewPanel qtiXml={qtiXml} assets={assets} />
    </div>
  );
}

function TemplatePicker({ skill, onPick }: { skill: string; onPick: (xml: string, figures: Record<string, string>) => void }) {
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(t: ItemTemplate) {
    const identifier = draftIdentifier(skill || undefined);
    setBusy(t.id);
    setError(null);
    try {
      const figures: Record<string, string> = {};
      for (const f of t.figures?.(identifier) ?? []) {
        const uploaded = await uploadFigure(new Blob([f.body], { type: f.contentType }), f.fileName, f.contentType);
        figures[`figures/${f.fileName}`] = uploaded.sha256;
      }
      onPick(t.xml(identifier), figures);
      setMessage(`The ${t.label} template is in the editor as ${identifier}. Change the identifier to MT1-<SKILL>-<NNN> and write your own content.`);
    } catch (err) {
      setError(`The template's figure could not be uploaded: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="item-templates" aria-labelledby={headingId}>
      <h2 id={headingId}>Start from a template</h2>
      <p>Each template is a complete MT1 item of one type (key, rationale, spoken text). Choosing one replaces the XML below.</p>
      <FormAlert>{error}</FormAlert>
      <StatusMessage>{message}</StatusMessage>
      <ul className="item-templates__list">
        {ITEM_TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" className="button button--secondary item-templates__button" disabled={busy !== null} aria-describedby={`template-${t.id}`} onClick={() => void pick(t)}>
              {t.label}
            </button>
            <span id={`template-${t.id}`} className="item-templates__text">
              {t.description}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
