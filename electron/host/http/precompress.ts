import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/**
 * The built pages are compressed once, at build time, and the host serves the file the browser
 * asks for (static-files.ts): a hall of tablets loading the page at 报到 must not make the host
 * compress the same bytes thousands of times, on the processor that acknowledges ballots.
 * `x.js` is served from `x.js.br` to a browser that accepts br, `x.js.gz` to one that accepts
 * gzip only, else as it is.
 */
export const encodings = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const

export type ContentCoding = (typeof encodings)[number]['coding']

/** Text: worth compressing. Fonts (woff2) and images are compressed formats already. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.ico', '.txt'])

export function isCompressible(file: string): boolean {
  return compressible.has(extname(file))
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The files as this build encodes them: brotli at its best quality, gzip at level 9. */
export function encode(coding: ContentCoding, body: Buffer): Promise<Buffer> {
  return coding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: 9 })
}

/**
 * Writes `file.br` and `file.gz` beside each compressible file (absolute paths). A variant that
 * would not be smaller is not written: the host then serves the file as it is.
 */
export async function precompressFiles(files: readonly string[]): Promise<void> {
  await Promise.all(
    files.filter(isCompressible).map(async (file) => {
      const body = await readFile(file)
      for (const { coding, suffix } of encodings) {
        const packed = await encode(coding, body)
        if (packed.length < body.length) await writeFile(file + suffix, packed)
      }
    }),
  )
}
