import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hostHeapFlags } from './heap-flags'

const MB = 1024 * 1024

describe('the host heap flags', () => {
  it('npm run host starts the host with them', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { scripts: Record<string, string> }
    const host = pkg.scripts.host ?? ''
    expect(host).toBe(`node ${hostHeapFlags.join(' ')} --import tsx electron/cli/host.ts`)
  })

  it('Node takes them: the heap is limited to 768 MB and a young generation', () => {
    const script = 'console.log(require("node:v8").getHeapStatistics().heap_size_limit)'
    const limit = Number(
      execFileSync(process.execPath, [...hostHeapFlags, '-e', script], { encoding: 'utf8' }),
    )
    // The old generation's 768 MB plus the young generation's (three 16 MB semi-spaces' worth);
    // without the flag Node's limit here is ~4 GB.
    expect(limit).toBeGreaterThanOrEqual(768 * MB)
    expect(limit).toBeLessThanOrEqual((768 + 3 * 16) * MB)
  })

  it('expose gc, for the collection as a vote opens (quiet-gc.ts)', () => {
    const script = 'console.log(typeof globalThis.gc)'
    const exposed = execFileSync(process.execPath, [...hostHeapFlags, '-e', script], {
      encoding: 'utf8',
    })
    expect(exposed.trim()).toBe('function')
  })
})
