// JSON text the way an attacker writes it: JSON.stringify cannot produce number literals beyond
// double precision (1e309, 9007199254740993), duplicate keys or an own "__proto__" key, so request
// bodies are built from plain values plus these two markers and serialized here.

/** Text emitted verbatim (a number literal such as 1e309, or deliberately broken JSON). */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object given as its entries, in order, duplicates and "__proto__" included. */
export class Entries {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

export const raw = (text: string) => new Raw(text)
export const entries = (...list: (readonly [string, unknown])[]) => new Entries(list)

export function serialize(value: unknown): string {
  if (value instanceof Raw) return value.text
  if (value instanceof Entries) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`
  if (value !== null && typeof value === 'object') return serialize(new Entries(Object.entries(value)))
  return JSON.stringify(value) ?? 'null'
}
