/**
 * The contract between the Electron preload and the console page: the preload's object is
 * checked against `PlenaryApi` with `satisfies`, and the page reads `window.plenary` through
 * the same type, so neither side can drift. In a plain browser `window.plenary` is absent.
 */
import type { ImportPreviewView, ProjectRowView, RosterRowView } from './preparation.schema'

export type DesktopImportKind = 'roster' | 'projects'

export interface DesktopImportPreviews {
  roster: ImportPreviewView<RosterRowView>
  projects: ImportPreviewView<ProjectRowView>
}

/** The file staff picked, uploaded by the shell to the host's import endpoint. */
export type DesktopImportResult<K extends DesktopImportKind = DesktopImportKind> =
  | { status: 'canceled' }
  | { status: 'previewed'; fileName: string; preview: DesktopImportPreviews[K] }
  | { status: 'failed'; fileName: string | null; message: string }

export type DesktopExportResult =
  | { status: 'canceled' }
  | { status: 'exported'; path: string }
  | { status: 'failed'; message: string }

/** What the shell knows about the host's utility process, pushed to the console on change. */
export interface DesktopHostState {
  phase: 'starting' | 'running' | 'restarting' | 'failed' | 'stopping' | 'stopped'
  port: number | null
  /** Restarts after a crash since the app started. */
  restarts: number
  /** ISO time of the last crash, so the console can say "the host restarted at 10:42". */
  lastCrashAt: string | null
  /** While restarting: how long until the next start. */
  nextRestartInMs: number | null
  message: string | null
  dataDir: string
  openVote: { id: string; title: string } | null
}

export interface PlenaryApi {
  /** The staff token the host was started with; the console authenticates its socket with it. */
  staffToken: () => Promise<string>
  hostState: () => Promise<DesktopHostState>
  /** Calls back on every change; returns the function that stops listening. */
  onHostState: (listener: (state: DesktopHostState) => void) => () => void
  openImportDialog: <K extends DesktopImportKind>(kind: K) => Promise<DesktopImportResult<K>>
  exportArchive: () => Promise<DesktopExportResult>
  openArchiveFolder: () => Promise<{ opened: boolean; message: string | null }>
}
