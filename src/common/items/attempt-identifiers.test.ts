import { describe, expect, it } from 'vitest'
import { attemptItem, NotANumberError, responseTranslator, UnknownIdentifierError } from './attempt-identifiers.js'
import type { Interaction, ItemPresentation, PresentationNode } from './presentation.js'

const option = (id: string, text: string) => ({ id, content: [text], spokenId: `spoken-${id}` })

const presentation: ItemPresentation = {
  lang: 'en',
  spoken: { 'spoken-stem': 'Stem', 'spoken-A': 'a', 'spoken-B': 'b', 'spoken-C': 'c' },
  body: [
    { tag: 'p', attrs: { 'data-catalog-idref': 'spoken-stem' }, children: ['Stem'] },
    { interaction: { kind: 'choice', responseId: 'R1', shuffle: true, maxChoices: 1, minChoices: 0, prompt: [], choices: [option('A', 'a'), option('B', 'b'), option('C', 'c')] } },
    { interaction: { kind: 'order', responseId: 'R2', shuffle: true, prompt: [], choices: [option('P1', 'one'), option('P2', 'two'), option('P3', 'three')] } },
    { interaction: { kind: 'match', responseId: 'R3', shuffle: false, maxAssociations: 2, prompt: [], sources: [option('L1', 'l1'), option('L2', 'l2')], targets: [option('T1', 't1'), option('T2', 't2')] } },
    { interaction: { kind: 'gapMatch', responseId: 'R4', shuffle: false, prompt: [], gapTexts: [{ id: 'W1', text: 'x' }, { id: 'W2', text: 'y' }], content: [{ tag: 'p', children: ['a ', { gap: 'G1' }, ' b ', { gap: 'G2' }] }] } },
    { interaction: { kind: 'hotspot', responseId: 'R5', maxChoices: 1, prompt: [], image: { src: 'x.svg', alt: 'x' }, hotspots: [{ id: 'H1', shape: 'rect', coords: [0, 0, 1, 1] }, { id: 'H2', shape: 'rect', coords: [1, 1, 2, 2] }] } },
    { tag: 'p', children: [{ interaction: { kind: 'inlineChoice', responseId: 'R6', shuffle: true, choices: [{ id: 'I1', text: 'in' }, { id: 'I2', text: 'out' }] } }] },
    { interaction: { kind: 'textEntry', responseId: 'R7', expectedLength: 5, numeric: true } },
  ],
}
const AUTHORED = ['A', 'B', 'C', 'P1', 'P2', 'P3', 'L1', 'L2', 'T1', 'T2', 'W1', 'W2', 'G1', 'G2', 'H1', 'H2', 'I1', 'I2', 'spoken-A', 'spoken-B', 'spoken-C', 'spoken-stem']

/** Every identifier-bearing value in a payload: option ids, gaps, spoken ids and attributes. */
function identifiersIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) identifiersIn(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === 'gap' || k === 'spokenId' || k === 'data-catalog-idref') && typeof v === 'string') out.push(v)
      if (k === 'spoken') out.push(...Object.keys(v as object))
      identifiersIn(v, out)
    }
  }
  return out
}

const interactions = (nodes: PresentationNode[]): Interaction[] =>
  nodes.flatMap((n) => (typeof n === 'object' && 'interaction' in n ? [n.interaction] : typeof n === 'object' && 'children' in n && n.children ? interactions(n.children) : []))

describe('opaque identifiers per attempt', () => {
  it('sends no authored identifier, and the same seed rebuilds the same tokens', () => {
    const a = attemptItem('X-1', 'composite', presentation, 12345)
    const found = identifiersIn(a.item.presentation).filter((id) => id !== 'X-1')
    for (const id of found) expect(AUTHORED, id).not.toContain(id)
    expect(new Set(found.filter((id) => /^[A-Z][0-9A-Z]{8}$/.test(id))).size).toBeGreaterThanOrEqual(AUTHORED.length)
    expect(attemptItem('X-1', 'composite', presentation, 12345).item).toEqual(a.item)
    expect(attemptItem('X-1', 'composite', presentation, 12346).item).not.toEqual(a.item)
  })

  it('keeps read-aloud working: every spoken reference resolves to its text', () => {
    const { item } = attemptItem('X-1', 'composite', presentation, 7)
    const choice = interactions(item.presentation.body)[0] as Extract<Interaction, { kind: 'choice' }>
    for (const c of choice.choices) expect(item.presentation.spoken[c.spokenId!]).toBe(c.content[0])
    const stem = item.presentation.body[0] as { attrs: Record<string, string> }
    expect(item.presentation.spoken[stem.attrs['data-catalog-idref']!]).toBe('Stem')
  })

  it('translates every interaction kind both ways; what the candidate picked is what is stored', () => {
    const a = attemptItem('X-1', 'composite', presentation, 99)
    const authored = {
      R1: 'B', R2: ['P3', 'P1', 'P2'], R3: [['L1', 'T2'], ['L2', 'T1']], R4: ['W2 G1', 'W1 G2'], R5: 'H2', R6: 'I1', R7: '0.375',
    }
    const opaque = a.toOpaque(authored) as Record<string, unknown>
    expect(JSON.stringify(opaque)).not.toMatch(/"(B|P\d|L\d|T\d|W\d|G\d|H\d|I\d)[" ]/)
    expect(opaque.R7).toBe('0.375')
    expect(a.toAuthored(opaque)).toEqual(authored)
    // The save path rebuilds the same tables without the presentation.
    expect(responseTranslator('X-1', presentation, 99).toAuthored(opaque)).toEqual(authored)
    // The option shown with the text "b" carries the token that stores as "B".
    const shown = interactions(a.item.presentation.body)[0] as Extract<Interaction, { kind: 'choice' }>
    expect(a.toAuthored({ R1: shown.choices.find((c) => c.content[0] === 'b')!.id })).toEqual({ R1: 'B' })
  })

  it('refuses an identifier the attempt never showed, including an authored one', () => {
    const a = attemptItem('X-1', 'composite', presentation, 5)
    expect(() => a.toAuthored({ R1: 'A' })).toThrow(UnknownIdentifierError)
    expect(() => a.toAuthored({ R2: ['nope'] })).toThrow(/not an option of R2/)
    expect(() => attemptItem('X-1', 'composite', presentation, 6).toAuthored(a.toOpaque({ R1: 'A' }))).toThrow(UnknownIdentifierError)
    expect(a.toAuthored(null)).toBeNull()
    expect(a.toAuthored({ R1: null })).toEqual({ R1: null })
  })
})

describe('numeric entries', () => {
  it('store numbers (also while typed) and refuse a unit or a letter', () => {
    const a = attemptItem('X-1', 'composite', presentation, 3)
    for (const v of ['0.375', '12', '-', '3.', '', null, 12]) expect(a.toAuthored({ R7: v })).toEqual({ R7: v })
    for (const v of ['26%', '3 in', 'x', true, ['1']]) expect(() => a.toAuthored({ R7: v }), String(v)).toThrow(NotANumberError)
  })
})
