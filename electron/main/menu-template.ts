import type { MenuItemConstructorOptions } from 'electron'
import { displayLabel } from './displays'
import type { DisplayInfo, ProjectorChoice } from './displays'
import type { ShellWords } from './shell-labels'

export interface MenuState {
  words: ShellWords
  isMac: boolean
  displays: readonly DisplayInfo[]
  primaryId: number
  projector: ProjectorChoice
}

export interface MenuActions {
  exportArchive: () => void
  openArchiveFolder: () => void
  changeDataFolder: () => void
  openDataFolder: () => void
  setProjector: (choice: ProjectorChoice) => void
}

/**
 * The application menu as data, so the projector choices are tested without Electron. Imports
 * are buttons on the console pages (they show the preview there); the menu holds what has no
 * page: files on this laptop and the projector.
 */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const { words, projector } = state
  const displayItems: MenuItemConstructorOptions[] = [
    {
      id: 'projector-display-auto',
      label: words.automatic,
      type: 'radio',
      checked: projector.displayId === null,
      click: () => actions.setProjector({ ...projector, displayId: null }),
    },
    ...state.displays.map((d, i): MenuItemConstructorOptions => ({
      id: `projector-display-${d.id}`,
      label: displayLabel(d, i, state.primaryId, words),
      type: 'radio',
      checked: projector.displayId === d.id,
      click: () => actions.setProjector({ ...projector, displayId: d.id }),
    })),
  ]
  const file: MenuItemConstructorOptions = {
    label: words.menuFile,
    submenu: [
      { id: 'export-archive', label: words.exportArchive, click: actions.exportArchive },
      { id: 'open-archive', label: words.openArchiveFolder, click: actions.openArchiveFolder },
      { type: 'separator' },
      { id: 'change-data', label: words.changeDataFolder, click: actions.changeDataFolder },
      { id: 'open-data', label: words.openDataFolder, click: actions.openDataFolder },
      ...(state.isMac
        ? []
        : [{ type: 'separator' } as const, { label: words.quit, role: 'quit' as const }]),
    ],
  }
  const screenMenu: MenuItemConstructorOptions = {
    label: words.menuProjector,
    submenu: [
      {
        id: 'projector-enabled',
        label: words.showProjector,
        type: 'checkbox',
        checked: projector.enabled,
        accelerator: 'CmdOrCtrl+Shift+P',
        click: () => actions.setProjector({ ...projector, enabled: !projector.enabled }),
      },
      { label: words.projectorDisplay, submenu: displayItems },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: words.menuView,
    submenu: [
      { role: 'reload' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { role: 'toggleDevTools' },
    ],
  }
  return [
    ...(state.isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    view,
    screenMenu,
    { role: 'windowMenu' },
  ]
}
