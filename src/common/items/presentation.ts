// What a candidate's browser receives for an item: a tree of allowed HTML elements and interaction
// descriptions. It is built from the QTI body by an allowlist and never carries keys, mappings,
// response processing or rationales, so rendering it cannot leak an answer or run a script.

export type PresentationNode = string | ElementNode | InteractionNode | GapNode

export interface ElementNode {
  tag: string
  attrs?: Record<string, string>
  children?: PresentationNode[]
}

export interface GapNode {
  gap: string
}

export interface ChoiceOption {
  id: string
  content: PresentationNode[]
  fixed?: boolean
  /** The catalog id of the option's spoken text (read-aloud), from its data-catalog-idref. */
  spokenId?: string
}

export interface FigureRef {
  src: string
  alt: string
  width?: number
  height?: number
  describedBy?: string
}

export type Interaction =
  | { kind: 'choice'; responseId: string; maxChoices: number; minChoices: number; shuffle: boolean; prompt: PresentationNode[]; choices: ChoiceOption[] }
  | { kind: 'order'; responseId: string; shuffle: boolean; prompt: PresentationNode[]; choices: ChoiceOption[] }
  | { kind: 'textEntry'; responseId: string; expectedLength: number; numeric: boolean; label?: string }
  | { kind: 'extendedText'; responseId: string; expectedLines: number; prompt: PresentationNode[] }
  | { kind: 'inlineChoice'; responseId: string; shuffle: boolean; choices: { id: string; text: string; fixed?: boolean }[]; label?: string }
  | { kind: 'match'; responseId: string; shuffle: boolean; maxAssociations: number; prompt: PresentationNode[]; sources: ChoiceOption[]; targets: ChoiceOption[] }
  | { kind: 'associate'; responseId: string; shuffle: boolean; maxAssociations: number; prompt: PresentationNode[]; choices: ChoiceOption[] }
  | { kind: 'gapMatch'; responseId: string; shuffle: boolean; prompt: PresentationNode[]; gapTexts: { id: string; text: string; fixed?: boolean }[]; content: PresentationNode[] }
  | { kind: 'hotspot'; responseId: string; maxChoices: number; prompt: PresentationNode[]; image: FigureRef; hotspots: { id: string; shape: string; coords: number[]; label?: string }[] }
  | { kind: 'selectPoint'; responseId: string; maxChoices: number; prompt: PresentationNode[]; image: FigureRef }

export interface InteractionNode {
  interaction: Interaction
}

export interface ItemPresentation {
  body: PresentationNode[]
  /** Spoken text (read-aloud) by catalog id, referenced from elements' data-catalog-idref. */
  spoken: Record<string, string>
  lang: string
}

export const isInteractionNode = (n: PresentationNode): n is InteractionNode => typeof n === 'object' && 'interaction' in n
export const isGapNode = (n: PresentationNode): n is GapNode => typeof n === 'object' && 'gap' in n

/** The interactions of a presentation tree, in document order. */
export function interactionsIn(nodes: readonly PresentationNode[], out: Interaction[] = []): Interaction[] {
  for (const n of nodes) {
    if (typeof n === 'string' || isGapNode(n)) continue
    if (isInteractionNode(n)) out.push(n.interaction)
    else if (n.children) interactionsIn(n.children, out)
  }
  return out
}

/** The gap identifiers in a gap-match interaction's content, in document order. */
export function gapsIn(nodes: readonly PresentationNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (typeof n === 'string') continue
    if (isGapNode(n)) out.push(n.gap)
    else if (!isInteractionNode(n) && n.children) gapsIn(n.children, out)
  }
  return out
}
