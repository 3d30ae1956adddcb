import { join } from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { pickProjectorDisplay } from './displays'

const webPreferences = (preloadDir: string) => ({
  preload: join(preloadDir, 'index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
})

export function createConsoleWindow(baseUrl: string, preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '会务控制台 · 民生实事项目票决',
    webPreferences: webPreferences(preloadDir),
  })
  void win.loadURL(`${baseUrl}/console/`)
  return win
}

/** The projector: fullscreen on the external display when there is one. */
export function createProjectorWindow(baseUrl: string): BrowserWindow {
  const target = pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id)
  const win = new BrowserWindow({
    title: '大屏 · 民生实事项目票决',
    ...(target ? { ...target.bounds, fullscreen: true } : { width: 1280, height: 720 }),
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  })
  void win.loadURL(`${baseUrl}/screen/`)
  return win
}
