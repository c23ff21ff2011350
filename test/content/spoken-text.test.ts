// Nothing but an option's words tells the key from the distractors (issue 10): not its read-aloud text,
// not its attributes, not its markup. A candidate receives every option's spoken-text id, attributes
// and markup (under opaque tokens, but present or absent all the same), and the spoken texts in
// catalog order, so over the whole bank, for every interaction:
// - every option has a spoken-text card, or none does; every card an option names exists and says something;
// - no attribute of an option element (its own identifier written as <id>, so data-catalog-idref="spoken-<id>"
//   is one value for all options; the values of coords, hotspot-label, alt and the like are content and only
//   their presence counts), no element or attribute inside it, and no spoken text that says other words than
//   the printed ones (a symbol or abbreviation spelled out) is on every keyed option and on no distractor, or
//   on every distractor and on no keyed option (for match, associate and gap-match interactions: the options
//   used in the key against those it leaves out, per match set);
// - the options' cards stand in the catalog in the options' document order;
// - a spoken text that reads out the choices of an inline-choice or gap-match interaction (a card replaces
//   the sentence the interaction sits in) reads them in document order, whatever order they are shown in.
//   Document order is the order key-balance.test.ts keeps from favouring any position.
import fs from 'node:fs'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { listItemFiles } from './item-xml.js'

const OPTION_TAGS: Record<string, string[]> = {
  'qti-choice-interaction': ['qti-simple-choice'],
  'qti-order-interaction': ['qti-simple-choice'],
  'qti-inline-choice-interaction': ['qti-inline-choice'],
  'qti-match-interaction': ['qti-simple-associable-choice'],
  'qti-associate-interaction': ['qti-simple-associable-choice'],
  'qti-gap-match-interaction': ['qti-gap-text', 'qti-gap-img'],
  'qti-hotspot-interaction': ['qti-hotspot-choice'],
}
/** Attributes whose values are the option's content (where it is, what it is called), not its markup. */
const CONTENT_ATTRIBUTES = new Set(['coords', 'hotspot-label', 'aria-label', 'alt', 'title', 'src', 'data', 'width', 'height', 'object-label'])

interface Option {
  id: string
  el: Element
  text: string
  /** The catalog id its data-catalog-idref names, if any. */
  card: string | undefined
}

interface ItemInteraction {
  kind: string
  /** Options that stand in for one another: the choices, or one match set. */
  sets: Option[][]
  /** Every identifier the key uses. */
  keyed: Set<string>
}

interface Item {
  id: string
  interactions: ItemInteraction[]
  /** Catalogs in document order, with the text of their spoken card ('' when they have none). */
  catalogs: { id: string; spoken: string }[]
}

const elements = (root: Element, name = '*'): Element[] => Array.from(root.getElementsByTagNameNS('*', name)) as unknown as Element[]
const children = (el: Element): Element[] => (Array.from(el.childNodes) as unknown as Element[]).filter((n) => n.nodeType === 1)
const folded = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()
/** Lower-case words and numbers, each after a space, for comparing what is printed with what is said. */
const words = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}`

function readItemXml(id: string, xml: string): Item {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element
  const keys = new Map<string, Set<string>>()
  for (const d of elements(root, 'qti-response-declaration')) {
    const values = elements(d, 'qti-correct-response').flatMap((c) => elements(c, 'qti-value')).flatMap((v) => folded(v.textContent).split(' '))
    keys.set(d.getAttribute('identifier') ?? '', new Set(values.filter(Boolean)))
  }
  const option = (el: Element): Option => ({
    id: el.getAttribute('identifier') ?? '',
    el,
    text: folded(el.localName === 'qti-hotspot-choice' ? el.getAttribute('hotspot-label') : el.textContent),
    card: el.getAttribute('data-catalog-idref') ?? undefined,
  })
  const interactions = elements(root)
    .filter((el) => (el.localName ?? '') in OPTION_TAGS)
    .map((el): ItemInteraction => {
      const tags = OPTION_TAGS[el.localName!]!
      const inSet = (parent: Element) => elements(parent).filter((c) => tags.includes(c.localName ?? '')).map(option)
      const matchSets = children(el).filter((c) => c.localName === 'qti-simple-match-set')
      return { kind: el.localName!, sets: matchSets.length ? matchSets.map(inSet) : [inSet(el)], keyed: keys.get(el.getAttribute('response-identifier') ?? '') ?? new Set() }
    })
  const catalogs = elements(root, 'qti-catalog').map((c) => ({
    id: c.getAttribute('id') ?? '',
    spoken: folded(elements(c, 'qti-card').find((card) => card.getAttribute('support') === 'spoken')?.textContent),
  }))
  return { id, interactions, catalogs }
}

const label = (item: Item, i: ItemInteraction) => `${item.id} ${i.kind.replace(/^qti-|-interaction$/g, '')}`

/** Every option of an interaction has a spoken card or none does, and the cards exist. */
function coverageProblems(item: Item): string[] {
  const problems: string[] = []
  for (const i of item.interactions) {
    const options = i.sets.flat()
    const carded = options.filter((o) => o.card !== undefined)
    if (carded.length > 0 && carded.length < options.length) {
      const keyed = (o: Option) => (i.keyed.has(o.id) ? `${o.id} (key)` : o.id)
      problems.push(`${label(item, i)}: only ${carded.map(keyed).join(', ')} of ${options.length} options have a spoken card; ${options.filter((o) => o.card === undefined).map(keyed).join(', ')} do not`)
    }
    for (const o of carded) {
      const card = item.catalogs.find((c) => c.id === o.card)
      if (!card?.spoken) problems.push(`${label(item, i)}: option ${o.id} names the spoken card ${o.card}, which ${card ? 'says nothing' : 'is not in the catalog'}`)
    }
  }
  return problems
}

/** What a candidate's view shows of an option besides its words. */
function markup(o: Option, item: Item): Set<string> {
  const out = new Set<string>()
  // A card that says other words than the printed ones (a symbol or an abbreviation spelled out).
  const spoken = item.catalogs.find((c) => c.id === o.card)?.spoken
  if (spoken !== undefined && words(spoken) !== words(o.text)) out.add('a spoken text other than its printed words')
  const own = new RegExp(`(^|[^A-Za-z0-9_])${o.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g')
  const add = (el: Element, prefix: string) => {
    for (let n = 0; n < el.attributes.length; n++) {
      const a = el.attributes.item(n)!
      if (el === o.el && a.name === 'identifier') continue
      out.add(`${prefix}${a.name}${CONTENT_ATTRIBUTES.has(a.name) ? '' : `="${a.value.replace(own, '$1<id>')}"`}`)
    }
  }
  add(o.el, '')
  for (const d of elements(o.el)) {
    out.add(`<${d.localName}>`)
    add(d, `<${d.localName}> `)
  }
  return out
}

/** An attribute or element that the keyed options of a set have and its distractors lack, or the reverse. */
function markerProblems(item: Item): string[] {
  const problems: string[] = []
  for (const i of item.interactions) {
    for (const set of i.sets) {
      const keys = set.filter((o) => i.keyed.has(o.id))
      const others = set.filter((o) => !i.keyed.has(o.id))
      if (keys.length === 0 || others.length === 0) continue
      const marks = new Map(set.map((o) => [o.id, markup(o, item)]))
      const all = new Set(set.flatMap((o) => [...marks.get(o.id)!]))
      const has = (o: Option, m: string) => marks.get(o.id)!.has(m)
      for (const m of all) {
        if (keys.every((o) => has(o, m)) && others.every((o) => !has(o, m))) problems.push(`${label(item, i)}: only the key (${keys.map((o) => o.id).join(', ')}) has ${m}`)
        if (keys.every((o) => !has(o, m)) && others.every((o) => has(o, m))) problems.push(`${label(item, i)}: every option but the key (${keys.map((o) => o.id).join(', ')}) has ${m}`)
      }
    }
  }
  return problems
}

/** The options' cards come in the catalog in the options' document order. */
function catalogOrderProblems(item: Item): string[] {
  const problems: string[] = []
  for (const i of item.interactions) {
    const carded = i.sets.flat().filter((o) => o.card !== undefined)
    const at = carded.map((o) => item.catalogs.findIndex((c) => c.id === o.card))
    if (at.some((p, n) => n > 0 && p <= at[n - 1]!)) {
      const inCatalog = [...carded].sort((a, b) => at[carded.indexOf(a)]! - at[carded.indexOf(b)]!)
      problems.push(`${label(item, i)}: the catalog holds the option cards in the order ${inCatalog.map((o) => o.card).join(', ')}, not the options' order ${carded.map((o) => o.card).join(', ')}`)
    }
  }
  return problems
}

/** A spoken text that reads out the choices of an inline-choice or gap-match interaction reads them in document order. */
function enumerationProblems(item: Item): string[] {
  const problems: string[] = []
  for (const i of item.interactions.filter((x) => x.kind === 'qti-inline-choice-interaction' || x.kind === 'qti-gap-match-interaction')) {
    const options = i.sets.flat()
    const ownCards = new Set(options.map((o) => o.card))
    for (const catalog of item.catalogs.filter((c) => c.spoken && !ownCards.has(c.id))) {
      const said = words(catalog.spoken)
      const found = options
        .map((o) => {
          const forms = [o.text, item.catalogs.find((c) => c.id === o.card)?.spoken ?? ''].map(words).filter((w) => w.trim())
          const at = forms.map((w) => said.indexOf(w)).filter((p) => p >= 0)
          return { id: o.id, at: at.length ? Math.min(...at) : -1 }
        })
        .filter((f) => f.at >= 0)
      const read = [...found].sort((a, b) => a.at - b.at).map((f) => f.id)
      if (found.length >= 2 && read.some((id, n) => id !== found[n]!.id)) {
        problems.push(`${label(item, i)}: the spoken text ${catalog.id} reads the choices in the order ${read.join(', ')} (key ${[...i.keyed].join(', ')}), not in document order ${found.map((f) => f.id).join(', ')}`)
      }
    }
  }
  return problems
}

// ---- the shipped bank ------------------------------------------------------------------------------

const bank = listItemFiles().map((f) => readItemXml(f.identifier, fs.readFileSync(f.file, 'utf8')))

describe('the shipped MT1 item bank: nothing but the words marks the key', () => {
  it('reads the options and keys of every item with options', () => {
    const withOptions = bank.filter((item) => item.interactions.length > 0)
    expect(withOptions.length).toBeGreaterThan(150)
    for (const item of withOptions) for (const i of item.interactions) expect(i.keyed.size, item.id).toBeGreaterThan(0)
    expect(bank.flatMap((item) => item.interactions.flatMap((i) => i.sets.flat())).filter((o) => o.card).length).toBeGreaterThan(150)
  })

  it('gives every option of an interaction a spoken card, or none', () => {
    expect(bank.flatMap(coverageProblems)).toEqual([])
  })

  it('gives the key no attribute or markup the distractors lack, and the distractors none the key lacks', () => {
    expect(bank.flatMap(markerProblems)).toEqual([])
  })

  it('keeps the option cards in the catalog in the options’ document order', () => {
    expect(bank.flatMap(catalogOrderProblems)).toEqual([])
  })

  it('reads out the choices of inline-choice and gap-match interactions in document order', () => {
    expect(bank.flatMap(enumerationProblems)).toEqual([])
  })
})

describe('the marker checks themselves', () => {
  const card = (id: string, text: string) => `<qti-catalog id="${id}"><qti-card support="spoken"><qti-html-content>${text}</qti-html-content></qti-card></qti-catalog>`
  const choiceItem = (key: string[], choices: string[], catalogs: string[] = []) =>
    readItemXml('X-1', `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="X-1">
      <qti-response-declaration identifier="RESPONSE" cardinality="${key.length > 1 ? 'multiple' : 'single'}" base-type="identifier">
        <qti-correct-response>${key.map((k) => `<qti-value>${k}</qti-value>`).join('')}</qti-correct-response>
      </qti-response-declaration>
      <qti-item-body><p data-catalog-idref="spoken-stem">Which?</p>
        <qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="${key.length}">${choices.join('')}</qti-choice-interaction>
      </qti-item-body>
      <qti-catalog-info>${card('spoken-stem', 'Which?')}${catalogs.join('')}</qti-catalog-info>
    </qti-assessment-item>`)
  const plain = (ids: string[]) => ids.map((id) => `<qti-simple-choice identifier="${id}">Option ${id}</qti-simple-choice>`)
  const spoken = (ids: string[]) => ids.map((id) => `<qti-simple-choice identifier="${id}" data-catalog-idref="spoken-${id}">Option ${id}</qti-simple-choice>`)

  it('catches a spoken card only the key has, and one that is missing', () => {
    const onlyKey = choiceItem(['A'], [...spoken(['A']), ...plain(['B', 'C', 'D'])], [card('spoken-A', 'option A')])
    expect(coverageProblems(onlyKey)).toEqual(['X-1 choice: only A (key) of 4 options have a spoken card; B, C, D do not'])
    expect(markerProblems(onlyKey)).toEqual(['X-1 choice: only the key (A) has data-catalog-idref="spoken-<id>"'])
    const allButKeys = choiceItem(['B', 'D'], [...spoken(['A', 'C']), ...plain(['B', 'D'])], [card('spoken-A', 'Option A'), card('spoken-C', 'Option C')])
    expect(markerProblems(allButKeys)).toEqual(['X-1 choice: every option but the key (B, D) has data-catalog-idref="spoken-<id>"'])
    const missing = choiceItem(['A'], spoken(['A', 'B']), [card('spoken-A', 'a')])
    expect(coverageProblems(missing)).toEqual(['X-1 choice: option B names the spoken card spoken-B, which is not in the catalog'])
    const every = choiceItem(['C'], spoken(['A', 'B', 'C', 'D']), ['A', 'B', 'C', 'D'].map((id) => card(`spoken-${id}`, id)))
    expect([...coverageProblems(every), ...markerProblems(every), ...catalogOrderProblems(every)]).toEqual([])
  })

  it('catches markup, attributes and spoken-card names that single out the key, but not content', () => {
    const figure = choiceItem(['B'], ['<qti-simple-choice identifier="A">x</qti-simple-choice>', '<qti-simple-choice identifier="B"><img src="b.svg" alt="b"/>x</qti-simple-choice>', '<qti-simple-choice identifier="C">y</qti-simple-choice>'])
    expect(markerProblems(figure)).toEqual(['X-1 choice: only the key (B) has <img>', 'X-1 choice: only the key (B) has <img> src', 'X-1 choice: only the key (B) has <img> alt'])
    const fixed = choiceItem(['C'], [...plain(['A', 'B']), '<qti-simple-choice identifier="C" fixed="true">None of these</qti-simple-choice>'])
    expect(markerProblems(fixed)).toEqual(['X-1 choice: only the key (C) has fixed="true"'])
    const named = choiceItem(['A'], [
      '<qti-simple-choice identifier="A" data-catalog-idref="spoken-key">a</qti-simple-choice>',
      ...['B', 'C'].map((id) => `<qti-simple-choice identifier="${id}" data-catalog-idref="spoken-${id}">${id}</qti-simple-choice>`),
    ], [card('spoken-key', 'a'), card('spoken-B', 'b'), card('spoken-C', 'c')])
    expect(markerProblems(named)).toEqual(['X-1 choice: only the key (A) has data-catalog-idref="spoken-key"', 'X-1 choice: every option but the key (A) has data-catalog-idref="spoken-<id>"'])
    const spelled = choiceItem(['A'], spoken(['A', 'B', 'C']), [card('spoken-A', 'sodium chloride, N a C l'), card('spoken-B', 'Option B'), card('spoken-C', 'Option C')])
    expect(markerProblems(spelled)).toEqual(['X-1 choice: only the key (A) has a spoken text other than its printed words'])
    const sub = choiceItem(['A'], ['<qti-simple-choice identifier="A">H<sub>2</sub>O</qti-simple-choice>', '<qti-simple-choice identifier="B">CO<sub>2</sub></qti-simple-choice>', '<qti-simple-choice identifier="C">Fe</qti-simple-choice>'])
    expect(markerProblems(sub)).toEqual([])
  })

  it('catches option cards out of order in the catalog', () => {
    const reversed = choiceItem(['B'], spoken(['A', 'B', 'C']), ['C', 'B', 'A'].map((id) => card(`spoken-${id}`, id)))
    expect(catalogOrderProblems(reversed)).toEqual(['X-1 choice: the catalog holds the option cards in the order spoken-C, spoken-B, spoken-A, not the options\' order spoken-A, spoken-B, spoken-C'])
  })

  it('catches a spoken text that reads the choices of a blank in another order than the document’s', () => {
    const inline = (spokenStem: string) =>
      readItemXml('X-2', `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="X-2">
        <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>C</qti-value></qti-correct-response></qti-response-declaration>
        <qti-item-body><p data-catalog-idref="spoken-stem">The bore is <qti-inline-choice-interaction response-identifier="RESPONSE" shuffle="true">
          <qti-inline-choice identifier="A">too small</qti-inline-choice><qti-inline-choice identifier="B">in spec</qti-inline-choice><qti-inline-choice identifier="C">out of spec</qti-inline-choice>
        </qti-inline-choice-interaction>.</p></qti-item-body>
        <qti-catalog-info>${card('spoken-stem', spokenStem)}</qti-catalog-info>
      </qti-assessment-item>`)
    expect(enumerationProblems(inline('The bore is, choose one: out of spec, too small, or in spec.'))).toEqual([
      'X-2 inline-choice: the spoken text spoken-stem reads the choices in the order C, A, B (key C), not in document order A, B, C',
    ])
    expect(enumerationProblems(inline('The bore is, choose one: too small, in spec, or out of spec.'))).toEqual([])
    expect(enumerationProblems(inline('The bore is blank.'))).toEqual([])
  })

  it('compares the options a match key uses with those it leaves out, per match set', () => {
    const match = readItemXml('X-3', `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="X-3">
      <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair"><qti-correct-response><qti-value>L1 R2</qti-value><qti-value>L2 R1</qti-value></qti-correct-response></qti-response-declaration>
      <qti-item-body><qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="2">
        <qti-simple-match-set><qti-simple-associable-choice identifier="L1" match-max="1">a</qti-simple-associable-choice><qti-simple-associable-choice identifier="L2" match-max="1">b</qti-simple-associable-choice></qti-simple-match-set>
        <qti-simple-match-set><qti-simple-associable-choice identifier="R1" match-max="1">c</qti-simple-associable-choice><qti-simple-associable-choice identifier="R2" match-max="1">d</qti-simple-associable-choice><qti-simple-associable-choice identifier="R3" match-max="2">e</qti-simple-associable-choice></qti-simple-match-set>
      </qti-match-interaction></qti-item-body>
    </qti-assessment-item>`)
    expect(markerProblems(match)).toEqual(['X-3 match: only the key (R1, R2) has match-max="1"', 'X-3 match: every option but the key (R1, R2) has match-max="2"'])
  })
})
