/** Every IPC channel name, in one place. */
export const ipcChannels = {
  staffToken: 'plenary:staff-token',
} as const

/** What the preload exposes to the console page as `window.plenary`. */
export interface PlenaryApi {
  staffToken: () => Promise<string>
}

/** Messages between the shell and the host running in a utility process. */
export interface HostStartMessage {
  type: 'start'
  dataDir: string
  port: number
  staffToken: string
  staticDir: string
}

export type HostReport =
  | { type: 'ready'; port: number; tabletBases: string[] }
  | { type: 'failed'; code: string | null; message: string }
