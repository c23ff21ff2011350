// Valid responses to an item as a candidate sees it, made from its presentation alone (the
// attempt's own option identifiers): for tests and benchmarks that save many different answers
// without knowing any key. The n-th response differs from the (n+1)-th wherever the item allows.

interface Node { [key: string]: unknown }
type Interaction = Node & { kind: string; responseId: string }

function interactionsIn(value: unknown, out: Interaction[] = []): Interaction[] {
  if (Array.isArray(value)) for (const v of value) interactionsIn(v, out)
  else if (value && typeof value === 'object') {
    const i = (value as { interaction?: Interaction }).interaction
    if (i) out.push(i)
    for (const v of Object.values(value)) interactionsIn(v, out)
  }
  return out
}

function gapsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) gapsIn(v, out)
  else if (value && typeof value === 'object') {
    const g = (value as { gap?: unknown }).gap
    if (typeof g === 'string') out.push(g)
    for (const v of Object.values(value)) gapsIn(v, out)
  }
  return out
}

const ids = (list: unknown): string[] => (list as { id: string }[]).map((c) => c.id)
const pick = <T>(list: T[], n: number): T => list[n % list.length]!

function valueFor(i: Interaction, n: number): unknown {
  switch (i.kind) {
    case 'choice':
      return (i.maxChoices as number) === 1 ? pick(ids(i.choices), n) : [pick(ids(i.choices), n)]
    case 'inlineChoice':
      return pick(ids(i.choices), n)
    case 'hotspot':
      return (i.maxChoices as number) === 1 ? pick(ids(i.hotspots), n) : [pick(ids(i.hotspots), n)]
    case 'order': {
      const all = ids(i.choices)
      const k = n % all.length
      return [...all.slice(k), ...all.slice(0, k)]
    }
    case 'match':
      return [[ids(i.sources)[0]!, pick(ids(i.targets), n)]]
    case 'associate': {
      const all = ids(i.choices)
      return [[all[0]!, pick(all.slice(1), n)]]
    }
    case 'gapMatch':
      return [[pick(ids(i.gapTexts), n), gapsIn(i.content)[0]!]]
    case 'selectPoint':
      return [n % 50, (n * 7) % 50]
    default:
      return String(n)
  }
}

/** The n-th valid response to an item as its candidate was shown it. */
export function responseFor(item: { presentation: unknown }, n: number): Record<string, unknown> {
  return Object.fromEntries(interactionsIn(item.presentation).map((i) => [i.responseId, valueFor(i, n)]))
}
