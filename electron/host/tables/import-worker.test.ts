import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
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
    // Room for the worker's code and a short CSV (~17-20 MB; a 3,000-row workbook fits in 24),
    // not for a workbook of 10,000 rows.
    const small = new ImportWorkers(sourceImportWorker, {
      limits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 2 },
    })
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

  // Linux schedules each thread apart: the parse gives way to the host's event loop there.
  it.skipIf(process.platform !== 'linux')(
    'moves the worker thread alone to niceness 19 and the idle class',
    async () => {
      // Fields 19 and 41 of /proc/thread-self/stat: niceness and policy (SCHED_IDLE is 5).
      const sched = `(() => { const f = require('fs').readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' '); return f[16] + '/' + f[38] })()`
      const module = fileURLToPath(new URL('./thread-priority.ts', import.meta.url))
      const worker = new Worker(
        `require(require.resolve('tsx/cjs/api')).register()
        const before = ${sched}
        const lowered = require(${JSON.stringify(module)}).giveWayToHost()
        require('worker_threads').parentPort.postMessage({ before, lowered, after: ${sched} })`,
        { eval: true },
      )
      const seen = (await new Promise((resolve) => worker.once('message', resolve))) as {
        before: string
        lowered: string
        after: string
      }
      const main = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ')
      expect(seen.before).toBe(`${main?.[16]}/${main?.[38]}`)
      // Where chrt is missing the thread is at niceness 19 in its class.
      expect(seen).toEqual(
        seen.lowered === 'idle'
          ? { before: seen.before, lowered: 'idle', after: '19/5' }
          : { before: seen.before, lowered: 'nice', after: `19/${main?.[38]}` },
      )
    },
  )
})
