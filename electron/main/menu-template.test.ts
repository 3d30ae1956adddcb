import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { DisplayInfo } from './displays'
import { menuTemplate } from './menu-template'
import type { MenuActions } from './menu-template'
import { shellWords } from './shell-labels'

const displays: DisplayInfo[] = [
  { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } },
  { id: 7, bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, label: 'EPSON' },
]

function actions(): MenuActions {
  return {
    exportArchive: vi.fn(),
    openArchiveFolder: vi.fn(),
    changeDataFolder: vi.fn(),
    openDataFolder: vi.fn(),
    setProjector: vi.fn(),
  }
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.id === id) return item
    if (Array.isArray(item.submenu)) {
      const hit = findOrNull(item.submenu, id)
      if (hit) return hit
    }
  }
  throw new Error(`no menu item ${id}`)
}

function findOrNull(items: MenuItemConstructorOptions[], id: string) {
  try {
    return find(items, id)
  } catch {
    return null
  }
}

const click = (item: MenuItemConstructorOptions) =>
  (item.click as unknown as () => void | undefined)?.()

describe('menuTemplate', () => {
  const base = {
    words: shellWords('zh-CN'),
    isMac: false,
    displays,
    primaryId: 1,
    projector: { enabled: true, displayId: null },
  }

  it('lists every display with the current choice checked', () => {
    const menu = menuTemplate(base, actions())
    expect(find(menu, 'projector-display-auto').checked).toBe(true)
    expect(find(menu, 'projector-display-1').label).toBe('显示器 1 · 1440×900 (主屏)')
    expect(find(menu, 'projector-display-7')).toMatchObject({
      label: '显示器 2 EPSON · 1920×1080',
      checked: false,
    })
    const chosen = menuTemplate({ ...base, projector: { enabled: true, displayId: 7 } }, actions())
    expect(find(chosen, 'projector-display-7').checked).toBe(true)
    expect(find(chosen, 'projector-display-auto').checked).toBe(false)
  })

  it('chooses a display and toggles the projector through the actions', () => {
    const a = actions()
    const menu = menuTemplate(base, a)
    click(find(menu, 'projector-display-7'))
    expect(a.setProjector).toHaveBeenCalledWith({ enabled: true, displayId: 7 })
    click(find(menu, 'projector-enabled'))
    expect(a.setProjector).toHaveBeenLastCalledWith({ enabled: false, displayId: null })
  })

  it('offers the archive and data folder items and a quit item off macOS', () => {
    const a = actions()
    const menu = menuTemplate(base, a)
    click(find(menu, 'export-archive'))
    click(find(menu, 'open-archive'))
    click(find(menu, 'change-data'))
    expect(a.exportArchive).toHaveBeenCalledOnce()
    expect(a.openArchiveFolder).toHaveBeenCalledOnce()
    expect(a.changeDataFolder).toHaveBeenCalledOnce()
    expect(JSON.stringify(menu)).toContain('"role":"quit"')
    expect(menu[0]?.role).toBeUndefined()
  })

  it('puts the app menu first on macOS, where Quit lives', () => {
    const menu = menuTemplate({ ...base, isMac: true, words: shellWords('en-US') }, actions())
    expect(menu[0]?.role).toBe('appMenu')
    expect(menu[1]?.label).toBe('File')
    expect(find(menu, 'projector-display-auto').label).toBe('Automatic (first external display)')
  })
})
