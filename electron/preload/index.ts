import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannels } from '../main/ipc-channels'
import type { PlenaryApi } from '../main/ipc-channels'

/** Named functions only; the page never sees ipcRenderer. */
const api = {
  staffToken: () => ipcRenderer.invoke(ipcChannels.staffToken) as Promise<string>,
} satisfies PlenaryApi

contextBridge.exposeInMainWorld('plenary', api)
