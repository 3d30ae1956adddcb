import type { ShellWords } from './shell-labels'

/**
 * When the host cannot listen on its port, staff choose another one: the next port up (so the
 * join address stays easy to say aloud), any free port, or quit. Decided here, shown by main.
 */
export type PortChoice = { kind: 'retry'; port: number } | { kind: 'quit' }

export interface PortQuestion {
  message: string
  detail: string
  buttons: string[]
  /** choices[i] is what buttons[i] does. */
  choices: PortChoice[]
  defaultId: number
  cancelId: number
}

/** Start failures staff can fix by choosing another port. */
export function isPortProblem(code: string | null): code is 'EADDRINUSE' | 'EACCES' {
  return code === 'EADDRINUSE' || code === 'EACCES'
}

/** The next port above `port` not tried yet; null past the last one. */
export function nextPortToTry(port: number, tried: readonly number[]): number | null {
  // Ports below 1024 need administrator rights on macOS and Linux: jump to 8080's range.
  let candidate = port < 1024 ? 8080 : port + 1
  while (candidate <= 65535 && tried.includes(candidate)) candidate += 1
  return candidate <= 65535 ? candidate : null
}

export function portQuestion(
  failedPort: number,
  code: 'EADDRINUSE' | 'EACCES',
  tried: readonly number[],
  words: ShellWords,
): PortQuestion {
  const next = nextPortToTry(failedPort, [...tried, failedPort])
  const choices: PortChoice[] = []
  const buttons: string[] = []
  if (next !== null) {
    choices.push({ kind: 'retry', port: next })
    buttons.push(words.usePort(next))
  }
  // Port 0 asks the system for any free port; tried again only if it is not the one that failed.
  if (failedPort !== 0) {
    choices.push({ kind: 'retry', port: 0 })
    buttons.push(words.anyFreePort)
  }
  choices.push({ kind: 'quit' })
  buttons.push(words.quit)
  return {
    message: code === 'EADDRINUSE' ? words.portInUse(failedPort) : words.portDenied(failedPort),
    detail: words.portDetail,
    buttons,
    choices,
    defaultId: 0,
    cancelId: choices.length - 1,
  }
}

/** The button staff pressed, as a choice; closing the dialog any other way quits. */
export function portChoiceFor(question: PortQuestion, response: number): PortChoice {
  return question.choices[response] ?? { kind: 'quit' }
}
