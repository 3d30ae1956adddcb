import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { ipcChannels } from './ipc-channels'

/**
 * The one IPC gateway: a request is answered only when it comes from the console window's
 * main frame; anything else (the projector, an iframe, a navigated page) gets nothing.
 */
export function setupIpc(consoleId: () => number | null, staffToken: string): void {
  const fromConsole = (event: IpcMainInvokeEvent) =>
    event.sender.id === consoleId() && event.senderFrame === event.sender.mainFrame
  ipcMain.handle(ipcChannels.staffToken, (event) => {
    if (!fromConsole(event)) throw new Error('refused')
    return staffToken
  })
}
