/**
 * The join code (加入码): what a deputy types on a tablet that cannot scan the card's QR code.
 * Twelve characters printed in three groups of four (ABCD-EFGH-JKMN), drawn from 31 that cannot
 * be mistaken for each other in print or on a phone's keyboard: no 0/O, 1/I/L. That is
 * 31^12 ≈ 2^59.5 codes (why that is enough: README, Security). Plain constants and functions, so
 * the tablet page reads a code without shipping zod.
 */

export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 12
const GROUP = 4

export type JoinCodeReading =
  | { ok: true; code: string }
  /** `length`: not 12 characters; `characters`: these are not in the alphabet. */
  | { ok: false; problem: 'length'; length: number }
  | { ok: false; problem: 'characters'; characters: string[] }

/**
 * A code as typed: spaces and dashes are only grouping, letters may be lower case. Answers the
 * code as stored (12 capitals and digits, no dashes), or what is wrong with it.
 */
export function readJoinCode(typed: string): JoinCodeReading {
  // NFKC: a Chinese keyboard in full-width mode types Ａ and ８ for A and 8.
  const chars = [
    ...typed
      .normalize('NFKC')
      .toUpperCase()
      .replace(/[\s\-‐‑–—_·.]/g, ''),
  ]
  const wrong = [...new Set(chars.filter((c) => !JOIN_CODE_ALPHABET.includes(c)))]
  if (wrong.length > 0) return { ok: false, problem: 'characters', characters: wrong }
  if (chars.length !== JOIN_CODE_LENGTH)
    return { ok: false, problem: 'length', length: chars.length }
  return { ok: true, code: chars.join('') }
}

/** ABCD-EFGH-JKMN: as printed on the card. A shorter (partly typed) code is grouped as far as it goes. */
export function formatJoinCode(code: string): string {
  const groups: string[] = []
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP))
  return groups.join('-')
}
