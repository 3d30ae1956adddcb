/**
 * The Electron shell: starts the host in a utility process, opens the console and the projector
 * windows. Everything else lives in the host, which runs without Electron too.
 */
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import { launchHost } from './host-launcher'
import type { RunningHost } from './host-launcher'
import { setupIpc } from './ipc'
import { setupSecurity } from './security'
import { createConsoleWindow, createProjectorWindow } from './windows'

const mainDir = dirname(fileURLToPath(import.meta.url))
const staffToken = randomBytes(24).toString('base64url')
let host: RunningHost | null = null
let consoleWindow: BrowserWindow | null = null

async function startHost(): Promise<RunningHost> {
  const options = {
    dataDir: process.env.PLENARY_DATA ?? join(app.getPath('userData'), 'data'),
    staffToken,
    staticDir: join(mainDir, '../renderer'),
  }
  const preferred = Number(process.env.PORT ?? 8080)
  try {
    return await launchHost({ ...options, port: preferred }, mainDir)
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')) throw error
    await dialog.showMessageBox({
      type: 'warning',
      message: `端口 ${preferred} 已被占用，将改用一个空闲端口。代表平板请使用新的加入地址。`,
      detail: `Port ${preferred} is in use; a free port will be used instead.`,
    })
    return launchHost({ ...options, port: 0 }, mainDir)
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (consoleWindow?.isMinimized()) consoleWindow.restore()
    consoleWindow?.focus()
  })
  void app.whenReady().then(async () => {
    setupSecurity(() => host?.port ?? -1)
    setupIpc(() => consoleWindow?.webContents.id ?? null, staffToken)
    try {
      host = await startHost()
    } catch (error) {
      dialog.showErrorBox('无法启动主机 / Host failed to start', String(error))
      app.quit()
      return
    }
    const base = `http://127.0.0.1:${host.port}`
    consoleWindow = createConsoleWindow(base, join(mainDir, '../preload'))
    createProjectorWindow(base)
    consoleWindow.on('closed', () => app.quit())
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => host?.stop())
}
