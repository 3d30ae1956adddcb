import { crc32 } from 'node:zlib'

/**
 * A ballot box slot file's header (box-regions.ts): `{"slot":{format, voteId, keyId,
 * generation, regionBytes, crc},"check":N`, spaces to a whole number of pages, and the
 * regions' opening. `keyId` names the vote's key (vote-keys.ts), which the regions are
 * encrypted under; the key itself is never in the data folder.
 */

export const FORMAT = 'plenary-vote.ballot-box-slot/2'
/** Slots of hosts before the regions were encrypted: read (a host updated mid-vote), never written. */
export const PLAIN_FORMAT = 'plenary-vote.ballot-box-slot/1'
export const SLOT_PREFIX = '{"slot":'
export const CHECK = ',"check":'
export const SLOT_SUFFIX = ',"regions":[\n'
export const TRAILER = Buffer.from(']}\n')
export const PAGE = 4096
const BODY_END = '"}'
const HEX_DIGITS = Buffer.from('0123456789abcdef')

/**
 * What a slot's header holds that stays the same in a layout: `{"slot":{…"generation":` and
 * `,"regionBytes":N,"crc":"`, and the CRC-32 of the body's bytes up to the generation.
 */
export interface HeaderParts {
  start: Buffer
  startCrc: number
  middle: Buffer
}

export function headerParts(voteId: string, keyId: string, regionBytes: number): HeaderParts {
  const body = `{"format":"${FORMAT}","voteId":${JSON.stringify(voteId)},"keyId":${JSON.stringify(keyId)},"generation":`
  return {
    start: Buffer.from(SLOT_PREFIX + body),
    startCrc: crc32(body),
    middle: Buffer.from(`,"regionBytes":${regionBytes},"crc":"`),
  }
}

/**
 * `{"slot":{…},"check":N` into `into` from its start; returns its length. The body's fields with
 * the checksums as one hex string, and the CRC-32 of the body's bytes, made from the parts
 * (nothing of size R is stringified or allocated per commit).
 */
export function writeHeader(
  into: Buffer,
  parts: HeaderParts,
  generation: number,
  crcHex: Buffer,
): number {
  const generationText = String(generation)
  let crc = crc32(generationText, parts.startCrc)
  crc = crc32(parts.middle, crc)
  crc = crc32(crcHex, crc)
  crc = crc32(BODY_END, crc)
  into.set(parts.start, 0)
  let at = parts.start.length
  at += into.write(generationText, at, 'latin1')
  into.set(parts.middle, at)
  at += parts.middle.length
  into.set(crcHex, at)
  at += crcHex.length
  return at + into.write(`${BODY_END}${CHECK}${crc}`, at, 'latin1')
}

/**
 * The header as it goes on disk whole, padded with spaces, the regions' opening at its end; and
 * the length of its text. `snapshot` is box-regions.ts's Snapshot, of which the header needs
 * only these (named here so that the header does not import the regions back).
 */
export function wholeHeader(
  snapshot: { layout: { headerBytes: number }; headerParts: HeaderParts; crcHex: Buffer },
  generation: number,
): [Buffer, number] {
  const bytes = Buffer.alloc(snapshot.layout.headerBytes, 0x20)
  const length = writeHeader(bytes, snapshot.headerParts, generation, snapshot.crcHex)
  bytes.write(SLOT_SUFFIX, bytes.length - SLOT_SUFFIX.length, 'utf8')
  return [bytes, length]
}

/** The header's size in a layout: at its longest (the largest generation), in whole pages. */
export function headerBytesFor(
  voteId: string,
  keyId: string,
  layout: { regions: number; regionBytes: number },
): number {
  const crcHex = Buffer.alloc(8 * layout.regions, 0x30)
  const parts = headerParts(voteId, keyId, layout.regionBytes)
  const scratch = Buffer.alloc(parts.start.length + parts.middle.length + crcHex.length + 64)
  const longest = writeHeader(scratch, parts, Number.MAX_SAFE_INTEGER, crcHex)
  return roundUp(longest + 10 + SLOT_SUFFIX.length, PAGE)
}

/** `crc` as eight lowercase hex digits into `into` at `at`. */
export function writeHex(into: Buffer, at: number, crc: number): void {
  for (let digit = 7; digit >= 0; digit--) {
    into[at + digit] = HEX_DIGITS[crc & 0xf]!
    crc >>>= 4
  }
}

export function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to
}
