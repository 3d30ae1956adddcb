import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openUnder } from '../../testing/open-handles'
import { DurableJsonFile } from './durable-json-file'

describe('DurableJsonFile group commit', () => {
  let dir = ''
  const opened: DurableJsonFile<unknown>[] = []
  const durable = <T>(name: string) => {
    const file = new DurableJsonFile<T>(join(dir, name))
    opened.push(file)
    return file
  }
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-durable-'))
  })
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((f) => f.close()))
    await rm(dir, { recursive: true, force: true })
  })

  it('a burst of writes all resolve, and each finds its state (or a newer one) on disk', async () => {
    const file = durable<{ n: number }>('x.json')
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
    const file = durable<{ n: number }>('y.json')
    await Promise.all([file.write({ n: 1 }), file.write({ n: 2 })])
    await file.write({ n: 3 })
    expect(JSON.parse(await readFile(join(dir, 'y.json'), 'utf8'))).toEqual({ n: 3 })
  })

  it('keeps the last good copy as .prev, written from chunks as from a string', async () => {
    const file = durable<{ n: number }>('z.json')
    await file.writeJson('{"n":1}')
    await file.writeJson([Buffer.from('{"n":'), Buffer.from('2}')])
    expect(await readFile(join(dir, 'z.json'), 'utf8')).toBe('{"n":2}')
    expect(await readFile(join(dir, 'z.json.prev'), 'utf8')).toBe('{"n":1}')
    // Nothing left behind but the file and its previous copy.
    expect((await readdir(dir)).sort()).toEqual(['z.json', 'z.json.prev'])
  })

  it('close waits for the writes asked for and lets go of the folder; a later write reopens it', async () => {
    const folder = join(dir, 'sub')
    const file = new DurableJsonFile<{ n: number }>(join(folder, 'c.json'))
    opened.push(file)
    // Asked for, not awaited: close resolves once it is on disk.
    const written = file.write({ n: 1 })
    await file.close()
    expect(JSON.parse(await readFile(join(folder, 'c.json'), 'utf8'))).toEqual({ n: 1 })
    expect(await openUnder(folder)).toEqual([])
    await written
    await file.write({ n: 2 })
    expect(await openUnder(folder)).toEqual(process.platform === 'linux' ? [folder] : [])
    await file.close()
    expect(await openUnder(folder)).toEqual([])
    expect(await file.read()).toEqual({ n: 2 })
  })
})
