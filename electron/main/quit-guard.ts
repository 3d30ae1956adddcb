import { app } from 'electron'
import type { BrowserWindow } from 'electron'
import { askQuitDuringVote } from './dialogs'
import type { HostSupervisor } from './host-supervisor'
import { flushTimeoutMs, nextQuitStep } from './quit-decision'
import type { QuitState } from './quit-decision'
import type { ShellWords } from './shell-labels'

/**
 * Every quit (menu, Cmd+Q, closing the console, the OS logging out) passes through here: asks
 * first while a vote is open, lets the host close its files, then exits. nextQuitStep decides.
 */
export function setupQuitGuard(
  supervisor: HostSupervisor,
  consoleWindow: () => BrowserWindow | null,
  words: ShellWords,
): { isExiting: () => boolean } {
  let exiting = false
  let busy = false
  app.on('before-quit', (event) => {
    if (exiting) return
    event.preventDefault()
    if (busy) return
    busy = true
    void run().finally(() => {
      busy = false
    })
  })
  return { isExiting: () => exiting }

  async function run(): Promise<void> {
    let state: QuitState = {
      openVote: supervisor.state.openVote,
      // Also while restarting: stopping then cancels the pending restart.
      hostRunning: supervisor.state.phase !== 'stopped' && supervisor.state.phase !== 'failed',
      answer: 'none',
      flushed: false,
    }
    for (;;) {
      const next = nextQuitStep(state)
      if (next.step === 'stay') return
      if (next.step === 'ask') {
        const answer = await askQuitDuringVote(consoleWindow(), next.voteTitle, words)
        state = { ...state, answer }
      } else if (next.step === 'flush') {
        await supervisor.stop(flushTimeoutMs)
        state = { ...state, flushed: true }
      } else {
        exiting = true
        app.quit()
        return
      }
    }
  }
}
