// What read-aloud says for an item. Authors give spoken text in the item's catalog (QTI
// <qti-catalog-info>, support="spoken"): the presentation carries it as `spoken` by catalog id, and
// elements point at it with data-catalog-idref. Spoken text wins over the printed text ("0.5 in" is
// read "0.5 inches"); otherwise we read what a sighted candidate sees, with figures by their alt text.
// Pure: a unit-testable walk over the presentation tree.
import type { ChoiceOption, Interaction, ItemPresentation, PresentationNode } from "../../api/types";
import { isElement, isGap, isInteraction } from "../item-render/presentation-utils";

export interface ReadablePart {
  /** The visible label of a "read this option" button ("Option 2", or "Part 2, option 1"). */
  label: string;
  text: string;
}

export interface SpokenItem {
  /** The whole item, in reading order. */
  whole: string;
  /** Each option of the item's choice and ordering interactions, to read one at a time. */
  options: ReadablePart[];
}

const tidy = (s: string) => s.replace(/\s+/g, " ").trim();
const sentence = (s: string) => (s && !/[.?!:…]$/.test(s) ? `${s}.` : s);

function speakNodes(nodes: readonly PresentationNode[] | undefined, spoken: Record<string, string>, onInteraction?: (i: Interaction) => string): string {
  const out: string[] = [];
  const walk = (list: readonly PresentationNode[]) => {
    for (const n of list) {
      if (typeof n === "string") out.push(n);
      else if (isGap(n)) out.push(" blank ");
      else if (isInteraction(n)) out.push(` ${onInteraction ? onInteraction(n.interaction) : ""} `);
      else if (isElement(n)) {
        const ref = n.attrs?.["data-catalog-idref"];
        if (ref && spoken[ref]) out.push(` ${spoken[ref]} `);
        else if (n.attrs?.class?.split(/\s+/).includes("qti-visually-hidden")) continue;
        else if (n.tag === "img") out.push(` ${n.attrs?.alt ?? ""} `);
        else if (n.tag === "br") out.push(" ");
        else if (n.children) {
          walk(n.children);
          // Block elements end a sentence for the speech engine's pacing.
          if (/^(p|div|li|h\d|figcaption|td|th|caption)$/.test(n.tag)) out.push(" ");
        }
      }
    }
  };
  walk(nodes ?? []);
  return tidy(out.join(""));
}

/**
 * An option's spoken text: the catalog entry its data-catalog-idref names (items parsed before the
 * option kept that id follow the bank's convention "spoken-<id>"), otherwise the option's content.
 */
function optionText(option: ChoiceOption, spoken: Record<string, string>): string {
  return tidy(spoken[option.spokenId ?? `spoken-${option.id}`] ?? "") || speakNodes(option.content, spoken);
}

function optionsOf(i: Interaction): ChoiceOption[] {
  if (i.kind === "choice" || i.kind === "order" || i.kind === "associate") return i.choices;
  if (i.kind === "match") return [...i.sources, ...i.targets];
  return [];
}

export function spokenItem(presentation: ItemPresentation): SpokenItem {
  const spoken = presentation.spoken ?? {};
  const options: { part: number; index: number; text: string }[] = [];
  const parts: string[] = [];
  let partNumber = 0;

  const readInteraction = (i: Interaction): string => {
    const said: string[] = [];
    if ("prompt" in i) {
      const prompt = speakNodes(i.prompt, spoken);
      // A spoken stem often ends with the question itself; do not read it twice.
      if (prompt && !parts.join(" ").includes(prompt)) said.push(sentence(prompt));
    }
    const list = optionsOf(i);
    if (list.length) {
      partNumber += 1;
      list.forEach((option, index) => {
        const text = optionText(option, spoken);
        options.push({ part: partNumber, index: index + 1, text });
        said.push(`Option ${index + 1}: ${sentence(text)}`);
      });
    }
    if (i.kind === "inlineChoice") said.push(`blank, choose from: ${i.choices.map((c) => c.text).join(", ")}.`);
    if (i.kind === "textEntry") said.push("blank");
    if (i.kind === "gapMatch") said.push(`Words: ${i.gapTexts.map((g) => g.text).join(", ")}.`, speakNodes(i.content, spoken));
    if ((i.kind === "hotspot" || i.kind === "selectPoint") && i.image.alt) said.push(sentence(`Figure: ${i.image.alt}`));
    return said.join(" ");
  };

  for (const node of presentation.body) {
    const text = speakNodes([node], spoken, readInteraction);
    if (text) parts.push(text);
  }
  // With options in more than one part, say which part an option belongs to.
  const multiPart = partNumber > 1;
  const labelled = options.map(({ part, index, text }) => ({ label: multiPart ? `Part ${part}, option ${index}` : `Option ${index}`, text }));
  return { whole: tidy(parts.join(" ")), options: labelled };
}
