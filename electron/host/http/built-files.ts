import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { ContentCoding } from './precompress'
import { encodings, isCompressible } from './precompress'

/**
 * The build's files as the host serves them, kept in memory once read: at 报到 a hall of
 * tablets asks for the same few files thousands of times within seconds, and each answer from
 * disk cost the host's one thread three file lookups, an open, reads and a close on the
 * threadpool (the check-in burst of issue 31: about a third of the host's processor for 300
 * tablets arriving, measured with --cpu-prof). What is kept is only what was asked for (a
 * tablet's page is some 110 KB in brotli), and files above MAX_KEPT are read as before.
 *
 * Each request still looks the file up on disk once (a synchronous stat: a few microseconds
 * for a file the kernel has just seen), so a new build, or a file replaced by hand, is served at
 * once: a file changed since it was kept (size or time) is read again with its compressed copies.
 */

/** A file above this is streamed from disk each time rather than kept. */
const MAX_KEPT = 4 * 1024 * 1024

/** One file of the build and its compressed copies, as last read. */
export interface BuiltFile {
  size: number
  mtimeMs: number
  /** A hash of the file's content: its ETag, one per coding (`"tag-br"`). */
  tag: string
  /** The build's compressed copies not older than the file (precompress.ts). */
  variants: Map<ContentCoding, { path: string; size: number }>
  /** Bodies read so far, by path (the file, `x.br`, `x.gz`). */
  bodies: Map<string, Buffer>
}

const kept = new Map<string, BuiltFile>()

/** The file as built, or null when it is not a file (anymore). */
export async function builtFile(file: string): Promise<BuiltFile | null> {
  const now = fileInfo(file)
  const known = kept.get(file)
  if (!now) {
    kept.delete(file)
    return null
  }
  if (known && known.size === now.size && known.mtimeMs === now.mtimeMs) return known
  const content = await readFile(file)
  const variants = new Map<ContentCoding, { path: string; size: number }>()
  if (isCompressible(file)) {
    for (const { coding, suffix } of encodings) {
      const info = await stat(file + suffix).catch(() => null)
      if (info?.isFile() && info.mtimeMs >= now.mtimeMs)
        variants.set(coding, { path: file + suffix, size: info.size })
    }
  }
  const entry: BuiltFile = {
    ...now,
    tag: createHash('sha256').update(content).digest('base64url').slice(0, 22),
    variants,
    bodies: new Map(content.length <= MAX_KEPT ? [[file, content]] : []),
  }
  kept.set(file, entry)
  return entry
}

/** The body of `path` (the file or one of its copies): kept, or read and kept; null when too
 * large to keep (stream it). */
export async function keptBody(
  entry: BuiltFile,
  path: string,
  size: number,
): Promise<Buffer | null> {
  const known = entry.bodies.get(path)
  if (known) return known
  if (size > MAX_KEPT) return null
  const body = await readFile(path)
  // A copy rewritten between its stat and this read is not this entry's: sent as it is now,
  // kept only when it is the one the entry knows.
  if (body.length === size) entry.bodies.set(path, body)
  return body
}

function fileInfo(file: string): { size: number; mtimeMs: number } | null {
  try {
    const info = statSync(file)
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null
  } catch {
    return null
  }
}
