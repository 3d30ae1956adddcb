import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { skipUnless } from '../testing/skip-unless'
import type { ReportJob } from './report-documents'
import { selectInput } from './report.fixture'
import { defaultQuorum } from '../../../shared/protocol/attendance.schema'
import {
  reportWorkerLimits,
  sourceReportWorker,
  writeReportDocumentsInWorker,
} from './report-worker'

const root = join(import.meta.dirname, '../../..')
const builtWorker = join(root, 'out/main/report-worker.js')

let dir = ''

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-report-worker-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function job(into: string): ReportJob {
  const { generatedAt: _clock, projects = [], ...input } = selectInput()
  return {
    dir: into,
    projects,
    meetingDetails: null,
    rehearsal: false,
    scrutineers: [],
    quorum: defaultQuorum,
    parts: { report: true, office: true },
    ...input,
  }
}

async function expectDocuments(): Promise<void> {
  expect((await readdir(dir)).sort()).toEqual([
    'announcement.docx',
    'report.docx',
    'report.pdf',
    'resolution.docx',
    'results.xlsx',
  ])
  expect((await readFile(join(dir, 'report.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // An XLSX is a zip, and so is a DOCX.
  for (const name of ['results.xlsx', 'report.docx', 'announcement.docx', 'resolution.docx'])
    expect((await readFile(join(dir, name))).subarray(0, 2).toString('latin1')).toBe('PK')
}

describe('writeReportDocumentsInWorker', () => {
  it('runs the worker from source, though vitest lends it no TypeScript loader', async () => {
    await writeReportDocumentsInWorker(sourceReportWorker, job(dir))
    await expectDocuments()
  })

  // The desktop shell's host starts the worker electron-vite built beside host-process.js.
  it('runs the built worker', async (ctx) => {
    skipUnless(
      ctx,
      existsSync(builtWorker),
      'needs the build: npm run build (npm test builds first)',
    )
    const saved = process.env.PLENARY_FONTS_DIR
    // As the shell does: the bundle cannot find the fonts relative to itself.
    process.env.PLENARY_FONTS_DIR = join(root, 'resources/fonts')
    try {
      await writeReportDocumentsInWorker(builtWorker, job(dir))
    } finally {
      if (saved === undefined) delete process.env.PLENARY_FONTS_DIR
      else process.env.PLENARY_FONTS_DIR = saved
    }
    await expectDocuments()
  })

  it('rejects with the error the worker threw', async () => {
    const gone = join(dir, 'removed-meanwhile')
    await expect(writeReportDocumentsInWorker(sourceReportWorker, job(gone))).rejects.toThrow(
      /ENOENT.*removed-meanwhile/,
    )
  })

  // The limits keep a runaway render from taking the host's memory: it fails like any other
  // render (the Archiver raises archive-failed), names the limit, and leaves no half-written file.
  it('a worker that outgrows its heap limit rejects with the limit named', async () => {
    await expect(
      writeReportDocumentsInWorker(sourceReportWorker, job(dir), {
        ...reportWorkerLimits,
        maxOldGenerationSizeMb: 16,
      }),
    ).rejects.toThrow(/report worker ran out of memory \(heap limit 16 MB\)/)
    expect(await readdir(dir)).toEqual([])
  })
})
