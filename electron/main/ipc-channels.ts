/** Every IPC channel name between main and the preload, in one place. */
export const ipcChannels = {
  staffToken: 'plenary:staff-token',
  hostState: 'plenary:host-state',
  /** main → console push; the only channel that flows that way. */
  hostStateChanged: 'plenary:host-state-changed',
  openImportDialog: 'plenary:open-import-dialog',
  exportArchive: 'plenary:export-archive',
  openArchiveFolder: 'plenary:open-archive-folder',
} as const

/** Requests the console may make (everything but the push). */
export type InvokeChannel = Exclude<
  (typeof ipcChannels)[keyof typeof ipcChannels],
  typeof ipcChannels.hostStateChanged
>

/** Messages from the shell to the host running in a utility process. */
export type HostCommand =
  | {
      type: 'start'
      dataDir: string
      port: number
      staffToken: string
      staticDir: string
      bindHost: string
      keyDir: string
      keyWrap: string | null
    }
  /** Close sockets and files, answer `stopped`, exit. */
  | { type: 'stop' }

export type HostStartMessage = Extract<HostCommand, { type: 'start' }>

export type HostReport =
  /** `csp`: the host's Content-Security-Policy, which main enforces on every page it shows. */
  | { type: 'ready'; port: number; tabletBases: string[]; csp: string }
  | { type: 'failed'; code: string | null; message: string }
  /** Sent at start and whenever the open vote or the meeting folder changes. */
  | { type: 'status'; openVote: { id: string; title: string } | null; meetingDir: string }
  | { type: 'stopped' }
