import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { DesktopHostState, PlenaryApi } from '../../shared/protocol/desktop-api'
import { ipcChannels } from '../main/ipc-channels'

/**
 * Named functions only; the page never sees ipcRenderer. `satisfies` keeps this object and the
 * PlenaryApi interface the console reads in step.
 */
const api = {
  staffToken: () => ipcRenderer.invoke(ipcChannels.staffToken),
  hostState: () => ipcRenderer.invoke(ipcChannels.hostState),
  onHostState: (listener: (state: DesktopHostState) => void) => {
    const forward = (_event: IpcRendererEvent, state: DesktopHostState) => listener(state)
    ipcRenderer.on(ipcChannels.hostStateChanged, forward)
    return () => {
      ipcRenderer.off(ipcChannels.hostStateChanged, forward)
    }
  },
  openImportDialog: (kind) => ipcRenderer.invoke(ipcChannels.openImportDialog, kind),
  exportArchive: () => ipcRenderer.invoke(ipcChannels.exportArchive),
  openArchiveFolder: () => ipcRenderer.invoke(ipcChannels.openArchiveFolder),
} satisfies PlenaryApi

contextBridge.exposeInMainWorld('plenary', api)
