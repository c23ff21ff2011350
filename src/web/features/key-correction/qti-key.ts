// Reading and rewriting an item's key (its qti-correct-response values) in the QTI XML, for the key
// correction screen: staff choose the right choice(s) or value, and a new version of the item is
// saved with exactly that key changed and everything else byte for byte as it was.

export interface KeyChoice {
  identifier: string;
  label: string;
}

export interface KeyDeclaration {
  identifier: string;
  cardinality: string;
  baseType: string;
  /** The key as the XML declares it now. */
  values: string[];
  /** Scored by a mapping (accepted spellings, areas): the key alone may not decide the score. */
  mapped: boolean;
  /** The choices of the interaction answering this declaration, in authored order. */
  choices: KeyChoice[];
}

const CHOICE_TAGS = ["qti-simple-choice", "qti-hotspot-choice", "qti-inline-choice", "qti-simple-associable-choice", "qti-gap-text", "qti-gap-img"];

function elements(root: Document | Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag));
}

function labelOf(choice: Element): string {
  const text = (choice.textContent ?? "").replace(/\s+/g, " ").trim();
  const label = text || choice.getAttribute("hotspot-label") || choice.getAttribute("aria-label") || "";
  return label.length > 90 ? `${label.slice(0, 87)}…` : label;
}

/** The declarations that have a key, each with the choices of its interaction (the browser's XML parser). */
export function readKeyDeclarations(xml: string): KeyDeclaration[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) return [];
  return elements(doc, "qti-response-declaration").flatMap((declaration) => {
    const correct = elements(declaration, "qti-correct-response")[0];
    if (!correct) return [];
    const identifier = declaration.getAttribute("identifier") ?? "";
    const interactions = Array.from(doc.querySelectorAll("*")).filter((e) => e.getAttribute("response-identifier") === identifier);
    const choices = interactions.flatMap((i) => CHOICE_TAGS.flatMap((tag) => elements(i, tag))).map((c) => ({ identifier: c.getAttribute("identifier") ?? "", label: labelOf(c) }));
    return [
      {
        identifier,
        cardinality: declaration.getAttribute("cardinality") ?? "single",
        baseType: declaration.getAttribute("base-type") ?? "identifier",
        values: elements(correct, "qti-value").map((v) => (v.textContent ?? "").trim()),
        mapped: elements(declaration, "qti-mapping").length + elements(declaration, "qti-area-mapping").length > 0,
        choices: choices.filter((c, index) => c.identifier && choices.findIndex((x) => x.identifier === c.identifier) === index),
      },
    ];
  });
}

const escapeXml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The XML with the declaration's qti-correct-response holding `values` instead (in order), and
 * nothing else changed; null when the declaration or its key is not found.
 */
export function replaceCorrectResponse(xml: string, identifier: string, values: readonly string[]): string | null {
  const open = new RegExp(`<qti-response-declaration\\b[^>]*\\bidentifier="${identifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(xml);
  if (!open) return null;
  const start = open.index + open[0].length;
  const end = xml.indexOf("</qti-response-declaration>", start);
  if (end < 0) return null;
  const body = xml.slice(start, end);
  const key = /<qti-correct-response\b[^>]*>[\s\S]*?<\/qti-correct-response>/.exec(body);
  if (!key) return null;
  const replacement = `<qti-correct-response>${values.map((v) => `<qti-value>${escapeXml(v.trim())}</qti-value>`).join("")}</qti-correct-response>`;
  return xml.slice(0, start) + body.slice(0, key.index) + replacement + body.slice(key.index + key[0].length) + xml.slice(end);
}

/** Whether two keys are the same (order matters only for ordered cardinality). */
export function sameKey(a: readonly string[], b: readonly string[], cardinality: string): boolean {
  if (a.length !== b.length) return false;
  if (cardinality === "ordered" || cardinality === "single") return a.every((v, i) => v === b[i]);
  const sorted = (x: readonly string[]) => [...x].sort().join("\u0000");
  return sorted(a) === sorted(b);
}

/** Values typed in a text field: one per line or separated by commas (a pair is "source target"). */
export function splitValues(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim().replace(/\s+/g, " "))
    .filter((v) => v.length > 0);
}
