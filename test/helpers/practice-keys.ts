// The key of an item as one practice set or test presents it, found the way a person would: staff see
// the key in authored identifiers with the authored presentation; each authored option is found on the
// learner's screen by its content (options), its text (inline choices, gap texts), its place (gaps,
// which keep their order) or its shape (hotspots). Pure, so the integration tests and the journeys
// (e2e) share it. Covers every interaction the bank uses.
import type { Interaction, PresentationNode } from '../../src/common/items/presentation.js'

function interactions(nodes: unknown): Interaction[] {
  const out: Interaction[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const i = (v as { interaction?: Interaction }).interaction
      if (i) out.push(i)
      for (const [k, child] of Object.entries(v)) if (k !== 'interaction') walk(child)
      if (i) walk(Object.values(i))
    }
  }
  walk(nodes)
  return out
}

function gaps(nodes: readonly PresentationNode[]): string[] {
  const out: string[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      if ('gap' in v) out.push((v as { gap: string }).gap)
      else Object.values(v).forEach(walk)
    }
  }
  walk(nodes)
  return out
}

/**
 * What a person sees of an option: its text and figures, without the attributes a set renames (the
 * spoken-text references of read-aloud).
 */
function seen(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(seen)
  if (v && typeof v === 'object') {
    const n = v as { tag?: string; attrs?: Record<string, string>; children?: unknown }
    if (n.tag !== undefined) return { tag: n.tag, src: n.attrs?.src, alt: n.attrs?.alt, children: seen(n.children ?? []) }
    return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, seen(c)]))
  }
  return v
}
const same = (a: unknown) => JSON.stringify(seen(a))

/** authored id → the id this presentation shows, for one interaction. */
function idMap(authored: Interaction, shown: Interaction): Map<string, string> {
  const map = new Map<string, string>()
  const byContent = (a: readonly { id: string; content?: unknown; text?: string }[], b: readonly { id: string; content?: unknown; text?: string }[]) => {
    for (const option of a) {
      const found = b.find((o) => same(o.content ?? o.text) === same(option.content ?? option.text))
      if (found) map.set(option.id, found.id)
    }
  }
  if ((authored.kind === 'choice' || authored.kind === 'order' || authored.kind === 'associate') && shown.kind === authored.kind) byContent(authored.choices, shown.choices)
  if (authored.kind === 'inlineChoice' && shown.kind === 'inlineChoice') byContent(authored.choices, shown.choices)
  if (authored.kind === 'match' && shown.kind === 'match') {
    byContent(authored.sources, shown.sources)
    byContent(authored.targets, shown.targets)
  }
  if (authored.kind === 'gapMatch' && shown.kind === 'gapMatch') {
    byContent(authored.gapTexts, shown.gapTexts)
    const [a, b] = [gaps(authored.content), gaps(shown.content)]
    a.forEach((g, i) => map.set(g, b[i]!))
  }
  if (authored.kind === 'hotspot' && shown.kind === 'hotspot') {
    for (const h of authored.hotspots) {
      const found = shown.hotspots.find((o) => o.shape === h.shape && same(o.coords) === same(h.coords))
      if (found) map.set(h.id, found.id)
    }
  }
  return map
}

/**
 * The key (`correctResponse`, authored) in the identifiers of the presentation the learner was shown.
 * Values that are not identifiers (numbers, typed text) pass as they are.
 */
export function keyAsPresented(staff: { presentation: { body: unknown }; correctResponse: Record<string, unknown> }, shown: { presentation: { body: unknown } }): Record<string, unknown> {
  const authored = interactions(staff.presentation.body)
  const screen = interactions(shown.presentation.body)
  const out: Record<string, unknown> = {}
  for (const [responseId, value] of Object.entries(staff.correctResponse)) {
    const a = authored.find((i) => i.responseId === responseId)
    const b = screen.find((i) => i.responseId === responseId)
    if (!a || !b) {
      out[responseId] = value
      continue
    }
    const map = idMap(a, b)
    const one = (id: unknown) => (typeof id === 'string' && map.has(id) ? map.get(id)! : id)
    const pair = (p: unknown): unknown => (Array.isArray(p) ? p.map(one) : typeof p === 'string' && /\s/.test(p.trim()) ? p.trim().split(/\s+/).map(one).join(' ') : one(p))
    out[responseId] = Array.isArray(value) ? value.map(pair) : pair(value)
  }
  return out
}
