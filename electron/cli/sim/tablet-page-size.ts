import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface PageSize {
  /** Each file the page loads (the HTML, its scripts and styles, preloads), gzipped. */
  files: { path: string; gzipBytes: number }[]
  /** Scripts and styles only, in KB (1024 bytes): what the 150 KB target counts. */
  jsCssGzipKB: number
  totalGzipKB: number
}

/**
 * The tablet page's weight as a tablet downloads it: out/renderer/tablet/index.html and every
 * asset it references (src/href), each gzipped at level 9 as a compressing proxy would.
 * Needs `npm run build` first.
 */
export async function tabletPageSize(rendererDir: string): Promise<PageSize> {
  const html = await readFile(join(rendererDir, 'tablet', 'index.html'))
  const refs = new Set<string>()
  for (const m of html.toString('utf8').matchAll(/(?:src|href)="([^"]+)"/g)) {
    const ref = m[1] ?? ''
    if (/^(https?:|data:|#)/.test(ref)) continue
    refs.add(ref)
  }
  const files = [{ path: 'tablet/index.html', gzipBytes: gzipSync(html, { level: 9 }).length }]
  for (const ref of refs) {
    // Built pages reference ../assets/x.js or /assets/x.js; both are out/renderer/assets.
    const rel = ref.replace(/^(\.\.\/|\/)+/, '')
    const body = await readFile(
      join(rendererDir, rel.startsWith('assets/') ? rel : join('tablet', rel)),
    )
    files.push({ path: rel, gzipBytes: gzipSync(body, { level: 9 }).length })
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
  const jsCss = files.filter((f) => /\.(js|mjs|css)$/.test(f.path))
  return {
    files,
    jsCssGzipKB: kb(jsCss.reduce((n, f) => n + f.gzipBytes, 0)),
    totalGzipKB: kb(files.reduce((n, f) => n + f.gzipBytes, 0)),
  }
}
