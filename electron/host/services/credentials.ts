import { randomBytes } from 'node:crypto'

/** base64url, in its own order: safe in a URL fragment, a QR code and a CSV cell. */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** What makes a spreadsheet read a cell as a formula (of these base64url has only `-`). */
export const formulaStart = /^[=+\-@]/

/** Random bytes; injected in tests to force the edge cases. */
export type RandomSource = (size: number) => Uint8Array

/**
 * What a deputy's QR card carries: 22 base64url characters, the first never `-`, so the
 * credential list opens in a spreadsheet as it is (a leading `-` read as a formula, or guarded
 * with a `'`, printed a card that does not log in). The first is drawn from the 63 others and the
 * rest from all 64: 5.98 + 21 × 6 ≈ 132 random bits, more than the 128 of the 16 random bytes
 * credentials were before, in as many characters (the cards' QR codes keep their size).
 */
export function newCredential(random: RandomSource = randomBytes): string {
  let first = ''
  // A byte's low 6 bits are uniform over the 64; one in 64 draws is `-` and is drawn again.
  while (!first) {
    const c = alphabet[(random(1)[0] ?? 0) & 63] ?? ''
    if (!formulaStart.test(c)) first = c
  }
  let rest = ''
  for (const byte of random(21)) rest += alphabet[byte & 63]
  return first + rest
}

/** Per host start, unless the shell hands one in. */
export function newStaffToken(): string {
  return randomBytes(24).toString('base64url')
}
