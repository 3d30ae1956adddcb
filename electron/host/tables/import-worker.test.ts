import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { spawnLowPriority } from '../low-priority'
import type { ImportFailure } from './import-worker'
import { ImportWorkerError, ImportWorkers, sourceImportWorker } from './import-worker'
import { parseRosterFile } from './roster-import'

const root = join(import.meta.dirname, '../../..')
const builtWorker = join(root, 'out/main/import-worker.js')

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))

const csv = () => Buffer.from('姓名,代表团,座位号\n张三,一团,1排1号\n')

async function failure(promise: Promise<unknown>): Promise<ImportFailure | 'resolved'> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    expect(error).toBeInstanceOf(ImportWorkerError)
    return (error as ImportWorkerError).reason
  }
}

async function workbookOf(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('代表名单')
  ws.addRow(['姓名', '代表团', '座位号'])
  for (let i = 0; i < rows; i += 1) ws.addRow([`代表${i}`, `第${i % 20}代表团`, `${i}号`])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('ImportWorkers', () => {
  it('parses from source what the importer parses in this thread, though vitest lends no loader', async () => {
    const data = fixture('roster-3000.xlsx')
    const expected = await parseRosterFile(data, 'roster-3000.xlsx')
    const parsed = await new ImportWorkers().claim()!.parse('roster', data, 'roster-3000.xlsx')
    expect(parsed).toEqual(expected)
  })

  // The desktop shell's host starts the worker electron-vite built beside host-process.js.
  it.skipIf(!existsSync(builtWorker))(
    'parses with the built worker (npm run build first)',
    async () => {
      const parsed = await new ImportWorkers(builtWorker)
        .claim()!
        .parse('projects', fixture('projects.xlsx'), 'p.xlsx')
      expect(parsed.problems).toEqual([])
      expect(parsed.rows.length).toBeGreaterThan(0)
    },
  )

  it('gives out as many places as it parses at once, and takes each back when its parse ends', async () => {
    const workers = new ImportWorkers(sourceImportWorker, { atOnce: 1 })
    const ticket = workers.claim()
    expect(ticket).not.toBeNull()
    expect(workers.claim()).toBeNull()
    const parse = ticket!.parse('roster', csv(), 'a.csv')
    expect(workers.claim()).toBeNull()
    expect((await parse).rows).toHaveLength(1)
    expect(workers.claimed).toBe(0)
    // A place given back unused (the body could not be read) is free again, once.
    const unused = workers.claim()!
    unused.release()
    unused.release()
    expect(workers.claimed).toBe(0)
    await expect(unused.parse('roster', csv(), 'a.csv')).rejects.toThrow(/used or released/)
    expect(workers.claim()).not.toBeNull()
  })

  it('a worker that outgrows its heap fails its parse as out-of-memory, and the next parse works', async () => {
    // Room for the worker's code and a short CSV, not for a workbook of 10,000 rows.
    const small = new ImportWorkers(sourceImportWorker, { heapMb: 24 })
    const parse = small.claim()!.parse('roster', await workbookOf(10_000), 'r.xlsx')
    await expect(parse).rejects.toThrow(/import worker ran out of memory \(heap limit 24 MB\)/)
    expect(await failure(parse)).toBe('out-of-memory')
    expect((await small.claim()!.parse('roster', csv(), 'a.csv')).rows).toHaveLength(1)
  })

  it('stops a parse that takes too long', async () => {
    const hasty = new ImportWorkers(sourceImportWorker, { timeoutMs: 1 })
    expect(await failure(hasty.claim()!.parse('roster', csv(), 'a.csv'))).toBe('timeout')
    expect(hasty.claimed).toBe(0)
  })

  it('a worker that cannot start fails its parse and gives its place back', async () => {
    const broken = new ImportWorkers(join(root, 'no-such-worker.js'))
    expect(await failure(broken.claim()!.parse('roster', csv(), 'a.csv'))).toBe('failed')
    expect(broken.claimed).toBe(0)
  })

  it('close stops the parses under way', async () => {
    const workers = new ImportWorkers()
    const parse = workers.claim()!.parse('roster', fixture('roster-3000.xlsx'), 'r.xlsx')
    await new Promise((r) => setTimeout(r, 100))
    await workers.close()
    expect(await failure(parse)).toBe('failed')
  })

  it('streams a body into the worker as it arrives, and fails one over its limit as too large', async () => {
    const workers = new ImportWorkers()
    const streamed = await workers
      .claim()!
      .parse('roster', Readable.from([csv().subarray(0, 10), csv().subarray(10)]), 'a.csv', 1000)
    expect(streamed.rows).toHaveLength(1)
    const chunks = Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 0x61))
    const large = Readable.from(chunks)
    expect(await failure(workers.claim()!.parse('roster', large, 'b.csv', 1024 * 1024))).toBe(
      'too-large',
    )
    // Paused at the limit, not read to its end.
    expect(large.readableEnded).toBe(false)
    expect(workers.claimed).toBe(0)
  })

  it('fails a parse whose body stops short as interrupted', async () => {
    const workers = new ImportWorkers()
    const body = new Readable({ read() {} })
    const parse = workers.claim()!.parse('roster', body, 'a.csv', 1000)
    body.push(csv().subarray(0, 10))
    body.destroy()
    expect(await failure(parse)).toBe('interrupted')
    expect(workers.claimed).toBe(0)
  })

  // Linux keeps a priority per thread: every thread of the worker, V8's own included, must run
  // below the host, so the worker is started at the idle class rather than lowered after.
  it.skipIf(process.platform !== 'linux')(
    'starts the worker with every one of its threads in the idle class',
    async () => {
      // Field 41 of /proc/PID/task/TID/stat: the policy (SCHED_IDLE is 5); field 19 niceness.
      const script = `const fs = require('fs');
        const threads = fs.readdirSync('/proc/self/task').map((tid) =>
          fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' '));
        process.stdout.write(JSON.stringify(threads.map((f) => f[38] + '/' + f[16])))`
      const { child, lowered } = spawnLowPriority(process.execPath, ['-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let out = ''
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
      await new Promise((r) => child.once('exit', r))
      const policies = JSON.parse(out) as string[]
      // Node starts a main thread and V8's and libuv's helpers: all of them lowered.
      expect(policies.length).toBeGreaterThan(3)
      expect(new Set(policies)).toEqual(new Set([lowered === 'idle' ? '5/0' : '0/19']))
    },
  )
})
