// The content rules every MT1 item must meet before it can serve candidates: a key that earns full
// marks, a skill, alt text and a long description for every figure, a rationale, spoken text, and
// no two options alike. The build fails on a shipped item that breaks one (test/content/bank.test.ts),
// and staff see the same problems in the editor.
import { isGapNode, isInteractionNode, type ElementNode, type Interaction, type PresentationNode } from '../../../common/items/presentation.js'
import { correctResponseOf, scoreItem } from '../../../common/qti/scoring.js'
import type { StoredItemModel } from './item-model.js'

function walk(nodes: PresentationNode[], visit: (n: ElementNode | Interaction) => void): void {
  for (const n of nodes) {
    if (typeof n === 'string' || isGapNode(n)) continue
    if (isInteractionNode(n)) {
      visit(n.interaction)
      const i = n.interaction
      if ('prompt' in i) walk(i.prompt, visit)
      if (i.kind === 'gapMatch') walk(i.content, visit)
      for (const list of [('choices' in i ? i.choices : []), ('sources' in i ? i.sources : []), ('targets' in i ? i.targets : [])]) {
        for (const c of list) if ('content' in c) walk(c.content, visit)
      }
      continue
    }
    visit(n)
    if (n.children) walk(n.children, visit)
  }
}

const textOf = (nodes: PresentationNode[]): string =>
  nodes.map((n) => (typeof n === 'string' ? n : isInteractionNode(n) || isGapNode(n) ? '' : textOf(n.children ?? []))).join('').replace(/\s+/g, ' ').trim()

export function contentProblems(model: StoredItemModel, skill: string | null): string[] {
  const problems: string[] = []
  if (!skill) problems.push('no skill')
  const correct = correctResponseOf(model.scoring)
  if (model.scoring.manual) problems.push('scored by a person (not allowed in MT1 forms)')
  else if (!correct) problems.push('no key (qti-correct-response)')
  else if (scoreItem(model.scoring, correct).fraction !== 1) problems.push('the key does not earn full marks')
  if (textOf(model.rationale).length < 20) problems.push('no rationale')
  if (!model.presentation.spoken['spoken-stem']) problems.push('no spoken text for the stem (spoken-stem)')

  const ids = new Set<string>()
  const described: string[] = []
  walk(model.presentation.body, (n) => {
    if ('tag' in n) {
      if (n.attrs?.id) ids.add(n.attrs.id)
      if (n.tag === 'img') {
        if (!n.attrs?.alt?.trim()) problems.push(`figure ${n.attrs?.src ?? ''} has no alt text`)
        if (!n.attrs?.['aria-describedby']) problems.push(`figure ${n.attrs?.src ?? ''} has no long description`)
        else described.push(n.attrs['aria-describedby'])
      }
      return
    }
    const i = n
    if (i.kind === 'hotspot' || i.kind === 'selectPoint') {
      if (!i.image.alt.trim()) problems.push('the interaction figure has no alt text')
      if (!i.image.describedBy) problems.push('the interaction figure has no long description')
      else described.push(i.image.describedBy)
    }
    const options: string[] =
      i.kind === 'choice' || i.kind === 'order' || i.kind === 'associate' ? i.choices.map((c) => textOf(c.content))
        : i.kind === 'inlineChoice' ? i.choices.map((c) => c.text)
          : i.kind === 'match' ? [...i.sources.map((c) => textOf(c.content)), ...i.targets.map((c) => textOf(c.content))]
            : i.kind === 'gapMatch' ? i.gapTexts.map((g) => g.text) : []
    const seen = new Set<string>()
    for (const o of options) {
      const key = o.toLowerCase()
      if (key && seen.has(key)) problems.push(`duplicate option "${o}"`)
      seen.add(key)
    }
  })
  for (const id of described) if (!ids.has(id)) problems.push(`the long description #${id} is missing`)
  return problems
}
