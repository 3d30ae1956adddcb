import { dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import type { DesktopImportKind } from '../../shared/protocol/desktop-api'
import type { PortQuestion } from './port-fallback'
import type { ShellWords } from './shell-labels'

/** The native dialogs; each returns what staff chose, the decisions live elsewhere. */
function messageBox(win: BrowserWindow | null, options: MessageBoxOptions) {
  return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)
}

export async function pickImportFile(
  win: BrowserWindow | null,
  kind: DesktopImportKind,
  words: ShellWords,
): Promise<string | null> {
  const options = {
    title: kind === 'roster' ? words.importRoster : words.importProjects,
    properties: ['openFile' as const],
    filters: [{ name: words.spreadsheets, extensions: ['xlsx', 'csv'] }],
  }
  const picked = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return picked.canceled ? null : (picked.filePaths[0] ?? null)
}

export async function pickFolder(
  win: BrowserWindow | null,
  title: string,
  defaultPath?: string,
): Promise<string | null> {
  const options = {
    title,
    ...(defaultPath ? { defaultPath } : {}),
    properties: ['openDirectory' as const, 'createDirectory' as const],
  }
  const picked = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return picked.canceled ? null : (picked.filePaths[0] ?? null)
}

export async function askQuitDuringVote(
  win: BrowserWindow | null,
  voteTitle: string,
  words: ShellWords,
): Promise<'quit' | 'stay'> {
  const { response } = await messageBox(win, {
    type: 'warning',
    message: words.quitDuringVote(voteTitle),
    detail: words.quitDuringVoteDetail,
    buttons: [words.keepRunning, words.quitAnyway],
    defaultId: 0,
    cancelId: 0,
  })
  return response === 1 ? 'quit' : 'stay'
}

export async function askPort(question: PortQuestion): Promise<number> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: question.message,
    detail: question.detail,
    buttons: question.buttons,
    defaultId: question.defaultId,
    cancelId: question.cancelId,
  })
  return response
}

export async function askAfterGiveUp(
  win: BrowserWindow | null,
  crashes: number,
  words: ShellWords,
): Promise<'retry' | 'quit'> {
  const { response } = await messageBox(win, {
    type: 'error',
    message: words.hostGaveUp(crashes),
    detail: words.hostGaveUpDetail,
    buttons: [words.retry, words.quit],
    defaultId: 0,
    cancelId: 1,
  })
  return response === 0 ? 'retry' : 'quit'
}

export async function tell(
  win: BrowserWindow | null,
  type: 'info' | 'warning' | 'error',
  message: string,
  words: ShellWords,
): Promise<void> {
  await messageBox(win, { type, message, buttons: [words.ok] })
}
