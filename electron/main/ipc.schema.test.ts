import { describe, expect, it } from 'vitest'
import { ipcChannels } from './ipc-channels'
import { checkIpcArgs, isConsoleSender } from './ipc.schema'
import type { SenderFacts } from './ipc.schema'
import { isOwnUrl } from './shell-urls'

const own = (url: string) => isOwnUrl(url, 8080)
const fromConsole: SenderFacts = {
  senderId: 3,
  consoleId: 3,
  isMainFrame: true,
  frameUrl: 'http://127.0.0.1:8080/console/',
  hostPort: 8080,
}

describe('isConsoleSender', () => {
  it('accepts the console window top frame on our host', () => {
    expect(isConsoleSender(fromConsole, own)).toBe(true)
  })
  it.each([
    ['the projector window', { senderId: 4 }],
    ['an iframe', { isMainFrame: false }],
    ['a page navigated away', { frameUrl: 'https://example.com/' }],
    ['before the console exists', { consoleId: null }],
  ])('refuses %s', (_name, patch) => {
    expect(isConsoleSender({ ...fromConsole, ...patch }, own)).toBe(false)
  })
})

describe('checkIpcArgs', () => {
  it('accepts the import kinds and nothing else', () => {
    expect(checkIpcArgs(ipcChannels.openImportDialog, ['roster'])).toEqual({
      ok: true,
      args: ['roster'],
    })
    expect(checkIpcArgs(ipcChannels.openImportDialog, ['projects']).ok).toBe(true)
    expect(checkIpcArgs(ipcChannels.openImportDialog, ['../../etc/passwd']).ok).toBe(false)
    expect(checkIpcArgs(ipcChannels.openImportDialog, []).ok).toBe(false)
    expect(checkIpcArgs(ipcChannels.openImportDialog, ['roster', 'extra']).ok).toBe(false)
  })
  it('refuses arguments to requests that take none', () => {
    expect(checkIpcArgs(ipcChannels.staffToken, [])).toEqual({ ok: true, args: [] })
    expect(checkIpcArgs(ipcChannels.exportArchive, [{ path: '/' }]).ok).toBe(false)
  })
})
