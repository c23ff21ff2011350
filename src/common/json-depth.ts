// How deeply a JSON value nests, measured without recursion (a hostile 100,000-level document must
// not overflow the stack of the code that measures it, or of whatever walks it next).

/** True when `value` nests arrays or objects more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= max) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}
