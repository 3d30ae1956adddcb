import { randomBytes } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../../shared/protocol/join-code'

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

/**
 * A card's join code: 12 characters from the 31 of JOIN_CODE_ALPHABET, each drawn uniformly (a
 * byte below 248 = 8 × 31, modulo 31; the others drawn again). One already in `taken` (another
 * deputy's in this meeting) is drawn again, so a code names one deputy.
 */
export function newJoinCode(
  taken: ReadonlySet<string> = new Set(),
  random: RandomSource = randomBytes,
): string {
  const n = JOIN_CODE_ALPHABET.length
  const limit = 256 - (256 % n)
  for (;;) {
    let code = ''
    while (code.length < JOIN_CODE_LENGTH) {
      for (const byte of random(JOIN_CODE_LENGTH)) {
        if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % n]
      }
    }
    if (!taken.has(code)) return code
  }
}

/** What a printed card carries: the QR's credential and the typed join code. */
export interface Card {
  credential: string
  joinCode: string
}

/**
 * New cards for `count` deputies, their join codes apart from each other's and from `taken`
 * (those of deputies who keep their cards).
 */
export function newCards(count: number, taken: Iterable<string> = []): Card[] {
  const codes = new Set(taken)
  return Array.from({ length: count }, () => {
    const joinCode = newJoinCode(codes)
    codes.add(joinCode)
    return { credential: newCredential(), joinCode }
  })
}

/** Per host start, unless the shell hands one in. */
export function newStaffToken(): string {
  return randomBytes(24).toString('base64url')
}
