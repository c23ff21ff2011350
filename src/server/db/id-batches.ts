// Reads of "these many ids": bound parameters per query stay well inside SQLite's and PostgreSQL's
// limits, however long the list a caller passes.
export const IDS_PER_QUERY = 1000

/** The rows `read` returns for each slice of the unique ids, concatenated (nothing is read for no ids). */
export async function readInBatches<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)]
  const out: T[] = []
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) out.push(...(await read(unique.slice(i, i + IDS_PER_QUERY))))
  return out
}
