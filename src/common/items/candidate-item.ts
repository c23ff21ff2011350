// The item as a candidate receives it: the presentation with options in this form's order.
// Shuffling moves only options that are not fixed; fixed ones keep their place.
import type { ItemType } from './item-types.js'
import type { ChoiceOption, Interaction, ItemPresentation, PresentationNode } from './presentation.js'
import { isInteractionNode } from './presentation.js'
import { seededRandom, shuffleInPlace, type Random } from './seeded-random.js'

export interface CandidateItem {
  id: string
  type: ItemType
  presentation: ItemPresentation
}

function shuffleKeepingFixed<T extends { fixed?: boolean }>(options: readonly T[], random: Random): T[] {
  const movable = options.filter((o) => !o.fixed)
  shuffleInPlace(movable, random)
  let next = 0
  return options.map((o) => (o.fixed ? o : movable[next++]!))
}

function shuffleInteraction(i: Interaction, random: Random): Interaction {
  if (!('shuffle' in i) || !i.shuffle) return i
  switch (i.kind) {
    case 'choice':
    case 'order':
    case 'associate':
      return { ...i, choices: shuffleKeepingFixed<ChoiceOption>(i.choices, random) }
    case 'inlineChoice':
      return { ...i, choices: shuffleKeepingFixed(i.choices, random) }
    case 'match':
      return { ...i, sources: shuffleKeepingFixed(i.sources, random), targets: shuffleKeepingFixed(i.targets, random) }
    case 'gapMatch':
      return { ...i, gapTexts: shuffleKeepingFixed(i.gapTexts, random) }
    default:
      return i
  }
}

function mapNodes(nodes: PresentationNode[], random: Random): PresentationNode[] {
  return nodes.map((n) => {
    if (typeof n === 'string' || !('tag' in n || 'interaction' in n)) return n
    if (isInteractionNode(n)) return { interaction: shuffleInteraction(n.interaction, random) }
    return n.children ? { ...n, children: mapNodes(n.children, random) } : n
  })
}

export function candidateItem(id: string, type: ItemType, presentation: ItemPresentation, seed: number): CandidateItem {
  return { id, type, presentation: { ...presentation, body: mapNodes(presentation.body, seededRandom(seed)) } }
}
