import { hash } from 'node:crypto'

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v === undefined) continue
      // `out.__proto__ = …` would set the prototype and drop the key from the text.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: sortKeys(v), enumerable: true, writable: true })
      else out[key] = sortKeys(v)
    }
    return out
  }
  return value
}

export function sha256Hex(text: string): string {
  return hash('sha256', text)
}

/** The digest printed on reports and logged when a result is published. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}

/**
 * The digest of a ballot box's contract fields (vote, attendance, ballots), so extra fields the
 * host adds to the exported file (meeting, times) do not change it. `ballotsJson`, when given,
 * must be `canonicalJson(box.ballots)`, made faster elsewhere (BallotBoxStore keeps it).
 */
export function ballotBoxDigest(
  box: { vote: unknown; attendance: unknown; ballots: unknown },
  ballotsJson?: string,
): string {
  const { vote, attendance, ballots } = box
  if (ballotsJson === undefined) return digestOf({ vote, attendance, ballots })
  // The same text: canonicalJson of { attendance, ballots, vote }, keys in their sorted order.
  const [a, v] = [canonicalJson(attendance), canonicalJson(vote)]
  return sha256Hex(`{"attendance":${a},"ballots":${ballotsJson},"vote":${v}}`)
}
