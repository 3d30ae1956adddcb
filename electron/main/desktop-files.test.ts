import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HostHarness } from '../host/testing/host-harness'
import { maxUploadBytes } from '../host/http/api'
import {
  archiveExportName,
  exportArchive,
  importFileForPreview,
  maxImportBytes,
} from './desktop-files'
import { shellWords } from './shell-labels'

const zh = shellWords('zh-CN')
const fixtures = join(import.meta.dirname, '../host/tables/fixtures')
const harness = new HostHarness()
let scratch = ''

beforeAll(async () => {
  await harness.setup()
  scratch = await mkdtemp(join(tmpdir(), 'plenary-desktop-'))
})
afterAll(async () => {
  await harness.teardown()
  await rm(scratch, { recursive: true, force: true })
})

const target = () => ({ port: harness.host.port, staffToken: harness.host.staffToken })

describe('importFileForPreview against a real host', () => {
  it('uploads a GBK roster and returns the host preview', async () => {
    const result = await importFileForPreview(
      target(),
      'roster',
      join(fixtures, 'roster-gbk.csv'),
      zh,
    )
    if (result.status !== 'previewed') throw new Error(JSON.stringify(result))
    expect(result.fileName).toBe('roster-gbk.csv')
    expect(result.preview.kind).toBe('roster')
    expect(result.preview.totalRows).toBeGreaterThan(0)
    expect(result.preview.problems).toEqual([])
    expect(result.preview.previewId).toEqual(expect.any(String))
  })

  it('returns the row problems of a broken file', async () => {
    const result = await importFileForPreview(
      target(),
      'projects',
      join(fixtures, 'projects-broken.csv'),
      zh,
    )
    if (result.status !== 'previewed') throw new Error(JSON.stringify(result))
    expect(result.preview.previewId).toBeNull()
    expect(result.preview.problems.length).toBeGreaterThan(0)
  })

  it('refuses a file over 20 MB before reading it', async () => {
    expect(maxImportBytes).toBe(maxUploadBytes)
    const big = join(scratch, 'huge.xlsx')
    await writeFile(big, '')
    await truncate(big, 21 * 1024 * 1024)
    expect(await importFileForPreview(target(), 'roster', big, zh)).toEqual({
      status: 'failed',
      fileName: 'huge.xlsx',
      message: '文件过大（超过20MB）',
    })
  })

  it('says so when the file is gone or the token is wrong', async () => {
    expect(await importFileForPreview(target(), 'roster', join(scratch, 'nope.csv'), zh)).toEqual({
      status: 'failed',
      fileName: 'nope.csv',
      message: '无法读取文件',
    })
    const denied = await importFileForPreview(
      { ...target(), staffToken: 'wrong' },
      'roster',
      join(fixtures, 'roster-gbk.csv'),
      zh,
    )
    expect(denied.status).toBe('failed')
  })
})

describe('exportArchive', () => {
  it('names the copy by meeting folder and local time', () => {
    expect(archiveExportName('/d/M1abc', new Date(2026, 10, 23, 9, 5, 7))).toBe(
      '票决归档-M1abc-20261123-090507',
    )
  })

  it('copies the archive folder and refuses when there is none', async () => {
    const meeting = join(scratch, 'M1')
    const dest = join(scratch, 'usb')
    await mkdir(dest, { recursive: true })
    expect(await exportArchive(meeting, dest, new Date(), zh)).toEqual({
      status: 'failed',
      message: '当前会议还没有归档（投票结束后才会生成）。',
    })
    await mkdir(join(meeting, 'archive', 'V1'), { recursive: true })
    await writeFile(join(meeting, 'archive', 'V1', 'result.json'), '{"ok":1}')
    const done = await exportArchive(meeting, dest, new Date(2026, 0, 2, 3, 4, 5), zh)
    expect(done).toEqual({ status: 'exported', path: join(dest, '票决归档-M1-20260102-030405') })
    expect(
      await readFile(join(dest, '票决归档-M1-20260102-030405', 'V1', 'result.json'), 'utf8'),
    ).toBe('{"ok":1}')
  })
})
