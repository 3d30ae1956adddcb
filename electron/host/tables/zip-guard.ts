/**
 * A guard in front of the XLSX reader: an XLSX is a zip, and a small zip can inflate to
 * gigabytes (a zip bomb) or hold thousands of parts. Before ExcelJS sees the bytes, every entry
 * is inflated here with a hard cap on the output, so the sizes the zip declares (which can lie)
 * do not matter. A real roster or project list inflates to a few megabytes.
 */
import { inflateRawSync } from 'node:zlib'

/** 10,000 deputies × 6 columns is about 3 MB of sheet XML; 64 MB leaves room for styles. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024
export const MAX_ENTRIES = 2000

export type ZipCheck = { ok: true } | { ok: false; reason: 'not-zip' | 'too-large' | 'unsupported' }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, data.length - 22 - 0xffff)
  for (let i = data.length - 22; i >= stop; i -= 1) {
    if (data.readUInt32LE(i) === EOCD) return i
  }
  return -1
}

export function checkZip(data: Buffer, limit = MAX_INFLATED_BYTES): ZipCheck {
  if (data.length < 22) return { ok: false, reason: 'not-zip' }
  const end = findEndOfCentralDirectory(data)
  if (end < 0) return { ok: false, reason: 'not-zip' }
  const entries = data.readUInt16LE(end + 10)
  const dirOffset = data.readUInt32LE(end + 16)
  // Zip64 markers: no workbook a congress office writes needs them.
  if (entries === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: 'unsupported' }
  if (entries > MAX_ENTRIES) return { ok: false, reason: 'too-large' }
  let budget = limit
  let at = dirOffset
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) {
      return { ok: false, reason: 'not-zip' }
    }
    const method = data.readUInt16LE(at + 10)
    const compressed = data.readUInt32LE(at + 20)
    const nameLength = data.readUInt16LE(at + 28)
    const extraLength = data.readUInt16LE(at + 30)
    const commentLength = data.readUInt16LE(at + 32)
    const local = data.readUInt32LE(at + 42)
    at += 46 + nameLength + extraLength + commentLength
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) {
      return { ok: false, reason: 'not-zip' }
    }
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    const body = data.subarray(start, start + compressed)
    if (body.length !== compressed) return { ok: false, reason: 'not-zip' }
    let size: number
    if (method === 0) size = compressed
    else if (method === 8) {
      try {
        // Throws RangeError once the output would pass the cap: the bomb never inflates.
        size = inflateRawSync(body, { maxOutputLength: Math.max(1, budget) }).length
      } catch (error) {
        return error instanceof RangeError
          ? { ok: false, reason: 'too-large' }
          : { ok: false, reason: 'not-zip' }
      }
    } else return { ok: false, reason: 'unsupported' }
    budget -= size
    if (budget < 0) return { ok: false, reason: 'too-large' }
  }
  return { ok: true }
}
