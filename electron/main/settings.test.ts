import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  defaultSettings,
  loadSettings,
  parseSettings,
  resolveDataDir,
  resolvePort,
  saveSettings,
} from './settings'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('parseSettings', () => {
  it('gives the defaults for no file, broken JSON or a non-object', () => {
    expect(parseSettings(null)).toEqual(defaultSettings)
    expect(parseSettings('{"dataDir": "/x"')).toEqual(defaultSettings)
    expect(parseSettings('[1,2]')).toEqual(defaultSettings)
    expect(parseSettings('null')).toEqual(defaultSettings)
  })

  it('keeps the valid fields and drops the broken ones', () => {
    const text = JSON.stringify({
      dataDir: 'D:\\票决数据',
      port: 99999,
      projector: { enabled: false, displayId: 'two' },
      extra: 1,
    })
    expect(parseSettings(text)).toEqual({
      dataDir: 'D:\\票决数据',
      port: null,
      projector: { enabled: false, displayId: null },
    })
  })
})

describe('resolveDataDir and resolvePort', () => {
  it('prefers the env var, then the remembered folder, then userData/data', () => {
    const s = { ...defaultSettings, dataDir: '/chosen' }
    expect(resolveDataDir(s, '/ud', { PLENARY_DATA: '/env' })).toBe('/env')
    expect(resolveDataDir(s, '/ud', {})).toBe('/chosen')
    expect(resolveDataDir(defaultSettings, '/ud', { PLENARY_DATA: '' })).toBe(join('/ud', 'data'))
  })

  it('prefers a valid PORT, then the remembered port, then 8080', () => {
    expect(resolvePort({ ...defaultSettings, port: 9000 }, { PORT: '8500' })).toBe(8500)
    expect(resolvePort({ ...defaultSettings, port: 9000 }, { PORT: 'abc' })).toBe(9000)
    expect(resolvePort(defaultSettings, {})).toBe(8080)
  })
})

describe('loadSettings and saveSettings', () => {
  it('round-trips through a real file and survives a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-settings-'))
    dirs.push(dir)
    const file = join(dir, 'nested', 'settings.json')
    expect(await loadSettings(file)).toEqual(defaultSettings)
    const chosen = { dataDir: '/data', port: 8081, projector: { enabled: true, displayId: 42 } }
    await saveSettings(file, chosen)
    expect(await loadSettings(file)).toEqual(chosen)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(chosen)
    await writeFile(file, 'garbage')
    expect(await loadSettings(file)).toEqual(defaultSettings)
  })
})
