import { z } from 'zod'
import { ipcChannels } from './ipc-channels'
import type { InvokeChannel } from './ipc-channels'

const noArgs = z.tuple([])

/**
 * The arguments each request may carry, checked in the gateway: the console shows pages served
 * by a LAN-facing host, so main treats whatever arrives over IPC as untrusted input. Kept out of
 * ipc-channels.ts so the sandboxed preload does not bundle zod.
 */
export const ipcArgSchemas = {
  [ipcChannels.staffToken]: noArgs,
  [ipcChannels.hostState]: noArgs,
  [ipcChannels.openImportDialog]: z.tuple([z.enum(['roster', 'projects'])]),
  [ipcChannels.exportArchive]: noArgs,
  [ipcChannels.openArchiveFolder]: noArgs,
} as const satisfies Record<InvokeChannel, z.ZodType<unknown[]>>

export type IpcArgs<C extends InvokeChannel> = z.infer<(typeof ipcArgSchemas)[C]>

export interface SenderFacts {
  /** webContents id of the sender, and of our console window (null while it is not open). */
  senderId: number
  consoleId: number | null
  /** The message came from the top frame, not an iframe. */
  isMainFrame: boolean
  /** What the frame shows now: a console window navigated elsewhere is not trusted. */
  frameUrl: string
  hostPort: number | null
}

/** Only our console window's top frame, showing a page of our own host, may call main. */
export function isConsoleSender(facts: SenderFacts, isOwnUrl: (url: string) => boolean): boolean {
  return (
    facts.consoleId !== null &&
    facts.senderId === facts.consoleId &&
    facts.isMainFrame &&
    isOwnUrl(facts.frameUrl)
  )
}

export type ArgCheck<C extends InvokeChannel> =
  { ok: true; args: IpcArgs<C> } | { ok: false; detail: string }

export function checkIpcArgs<C extends InvokeChannel>(channel: C, args: unknown[]): ArgCheck<C> {
  const parsed = ipcArgSchemas[channel].safeParse(args)
  if (parsed.success) return { ok: true, args: parsed.data as IpcArgs<C> }
  return { ok: false, detail: parsed.error.issues.map((i) => i.message).join('; ') }
}
