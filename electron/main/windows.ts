import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import type { WebPreferences } from 'electron'

/** Every window: isolated, sandboxed, no Node; only the console gets the preload. */
export function safeWebPreferences(preloadDir: string | null): WebPreferences {
  return {
    ...(preloadDir ? { preload: join(preloadDir, 'index.cjs') } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }
}

export function createConsoleWindow(
  url: string,
  preloadDir: string,
  title: string,
  icon: string | undefined,
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title,
    ...(icon ? { icon } : {}),
    show: false,
    webPreferences: safeWebPreferences(preloadDir),
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}
