import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import type { InvokeChannel } from './ipc-channels'
import { checkIpcArgs, ipcArgSchemas, isConsoleSender } from './ipc.schema'
import type { IpcArgs } from './ipc.schema'
import { isOwnUrl } from './shell-urls'

export type IpcHandlers = { [C in InvokeChannel]: (...args: IpcArgs<C>) => unknown }

/**
 * The one IPC gateway: a request is answered only when it comes from the console window's top
 * frame showing our own host, and only with arguments its schema accepts. Anything else (the
 * projector, an iframe, a page navigated away) is refused and logged.
 */
export function setupIpc(
  consoleId: () => number | null,
  hostPort: () => number | null,
  handlers: IpcHandlers,
): void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null &&
    isConsoleSender(
      {
        senderId: event.sender.id,
        consoleId: consoleId(),
        // A top frame has no parent; comparing frame objects by identity is not guaranteed.
        isMainFrame: event.senderFrame.parent === null,
        frameUrl: event.senderFrame.url,
        hostPort: hostPort(),
      },
      (url) => isOwnUrl(url, hostPort()),
    )

  const register = <C extends InvokeChannel>(channel: C) => {
    ipcMain.handle(channel, (event, ...raw: unknown[]) => {
      if (!trusted(event)) {
        console.warn(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a gone frame'}`)
        throw new Error('refused')
      }
      const checked = checkIpcArgs(channel, raw)
      if (!checked.ok) throw new Error(`bad arguments for ${channel}: ${checked.detail}`)
      const handler = handlers[channel] as (...args: IpcArgs<C>) => unknown
      return handler(...checked.args)
    })
  }
  // Every channel that has a schema, so a new request cannot be registered without one.
  for (const channel of Object.keys(ipcArgSchemas) as InvokeChannel[]) register(channel)
}
