import type { ContentCoding } from './precompress'

/** The order the host prefers among codings a browser accepts equally: the smallest first. */
const preference: readonly (ContentCoding | 'identity')[] = ['br', 'gzip', 'identity']

/**
 * Which of the codings at hand to send for an `Accept-Encoding` header (RFC 9110 §12.5.3):
 * the one with the highest q-value, ties going br, then gzip, then identity. `q=0` refuses a
 * coding, `*` stands for every coding not named, and `x-gzip` is gzip. No header at all gets
 * identity: a client that says nothing may not decode anything. When nothing at hand is
 * acceptable (identity refused too) the file goes as it is, as the RFC advises.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | 'identity' {
  if (header === undefined) return 'identity'
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';')
    const name = rawName.trim().toLowerCase()
    if (!name) continue
    let weight = 1
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim().toLowerCase())
      if (key === 'q') weight = qValue(value)
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  const star = q.get('*')
  // identity is acceptable unless refused by name or by `*;q=0`, below every coding the
  // client names (as the `negotiator` package weighs it): `gzip;q=0.5` still means gzip.
  const implicitIdentity = Math.min(1, ...[...q.values()].filter((w) => w > 0))
  const weightOf = (coding: string): number => {
    const named = q.get(coding)
    if (named !== undefined) return named
    if (star !== undefined) return star
    return coding === 'identity' ? implicitIdentity : 0
  }
  let best: ContentCoding | 'identity' = 'identity'
  let bestWeight = 0
  for (const coding of preference) {
    if (coding !== 'identity' && !available.includes(coding)) continue
    const weight = weightOf(coding)
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}

/** A q-value: 0 to 1 with up to three decimals; anything malformed counts as refused. */
function qValue(text: string | undefined): number {
  if (text === undefined || !/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(text)) return 0
  return Number(text)
}
