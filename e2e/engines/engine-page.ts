import { until } from './processes'

/**
 * One page in a browser engine other than Chromium, driven over the W3C WebDriver protocols
 * (classic HTTP for WebKitGTK, BiDi for Firefox): what the engine specs need, no more.
 */
export interface EnginePage {
  /** The engine and its version, as the browser reports them: `WebKitGTK 2.50.6`. */
  readonly engine: string
  /** Loads `url` and waits for the document's load event. */
  goto(url: string): Promise<void>
  /** Reloads the page and waits for its load event. */
  reload(): Promise<void>
  /**
   * Runs a function body in the page with `arg` bound as `arg` and returns what it returns,
   * carried as JSON (so a plain value: text, numbers, booleans, arrays, objects).
   */
  run<T>(body: string, arg?: string): Promise<T>
  /** A real pointer click (the engine's own input, not element.click()) on the first match. */
  click(selector: string): Promise<void>
  /** Types `text` into the first match with the engine's own key input. */
  type(selector: string, text: string): Promise<void>
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>
  /** Errors the page reported (console errors, uncaught exceptions), where the engine tells. */
  problems(): Promise<string[]>
  close(): Promise<void>
}

/** Wraps a function body so that its result travels back as JSON text. */
export const asJson = (body: string) =>
  `function (arg) { const out = (() => { ${body} })(); return JSON.stringify(out === undefined ? null : out) }`

export const byTestId = (id: string) => `[data-testid="${id}"]`

/** The text of the element with this test id, or null while there is none. */
export function textOf(page: EnginePage, id: string): Promise<string | null> {
  return page.run<string | null>(
    'const el = document.querySelector(arg); return el ? el.textContent : null',
    byTestId(id),
  )
}

/** Waits until the element with this test id holds `expected` (its whole text, or a match). */
export async function waitForText(
  page: EnginePage,
  id: string,
  expected: string | RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  let seen: string | null = null
  try {
    return await until(
      `${id} to read ${expected}`,
      async () => {
        seen = await textOf(page, id)
        if (seen === null) return undefined
        const text = seen.trim()
        return (typeof expected === 'string' ? text === expected : expected.test(text))
          ? text
          : undefined
      },
      timeoutMs,
    )
  } catch (error) {
    throw new Error(`${page.engine}: ${String(error)} (last seen: ${JSON.stringify(seen)})`, {
      cause: error,
    })
  }
}

/** Waits until the element with this test id is in the document. */
export function waitForTestId(page: EnginePage, id: string, timeoutMs = 30_000): Promise<true> {
  return until(
    `${id} on the ${page.engine} page`,
    async () =>
      (await page.run<boolean>('return !!document.querySelector(arg)', byTestId(id)))
        ? true
        : undefined,
    timeoutMs,
  )
}

/** Clicks the element with this test id once it is there. */
export async function clickTestId(page: EnginePage, id: string): Promise<void> {
  await waitForTestId(page, id)
  await page.click(byTestId(id))
}

/**
 * Waits until the page has painted what it holds: two animation frames after asking, and no
 * animation still running (the projector's reveal takes ~1.6 s). Then a screenshot shows it.
 */
export async function settled(page: EnginePage): Promise<void> {
  await page.run(
    'window.__pvFrames = 0; requestAnimationFrame(() => requestAnimationFrame(() => { window.__pvFrames = 2 }))',
  )
  await until(`${page.engine} to paint and end its animations`, async () =>
    (await page.run<boolean>(
      'return window.__pvFrames === 2 && document.getAnimations().every((a) => a.playState !== "running")',
    ))
      ? true
      : undefined,
  )
}
