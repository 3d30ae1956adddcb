import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableJsonFile } from './durable-json-file'

describe('DurableJsonFile group commit', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-durable-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('a burst of writes all resolve, and each finds its state (or a newer one) on disk', async () => {
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'x.json'))
    const seen: [number, number][] = []
    await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        await file.write({ n })
        const onDisk = JSON.parse(await readFile(join(dir, 'x.json'), 'utf8')) as { n: number }
        seen.push([n, onDisk.n])
      }),
    )
    expect(JSON.parse(await readFile(join(dir, 'x.json'), 'utf8'))).toEqual({ n: 199 })
    expect(await file.read()).toEqual({ n: 199 })
    // Every caller resolved after a write at least as new as its own had reached the disk.
    expect(seen).toHaveLength(200)
    expect(seen.filter(([mine, onDisk]) => onDisk < mine)).toEqual([])
  })

  it('a write after the burst is written again, not lost', async () => {
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'y.json'))
    await Promise.all([file.write({ n: 1 }), file.write({ n: 2 })])
    await file.write({ n: 3 })
    expect(JSON.parse(await readFile(join(dir, 'y.json'), 'utf8'))).toEqual({ n: 3 })
  })
})
