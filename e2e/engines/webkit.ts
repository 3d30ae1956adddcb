import { existsSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EnginePage } from './engine-page'
import { asJson } from './engine-page'
import { freePort, printed, start, stop, until } from './processes'
import type { Started } from './processes'

/**
 * WebKitGTK, the engine of iPad Safari, through Debian's webkit2gtk-driver: WebKitWebDriver is a
 * W3C WebDriver server (classic, over HTTP) that drives the MiniBrowser, which needs an X
 * display: a private Xvfb. One driver holds one session, so each page has its own driver and
 * its own MiniBrowser (and so its own storage, as a second tablet would).
 */

const libDirs = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib',
  '/usr/libexec',
]

/** Debian's MiniBrowser (webkit2gtk-4.1 or -4.0, whichever is there). */
export function miniBrowser(): string | undefined {
  for (const dir of libDirs) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir)
      .filter((n) => /^webkit2?gtk-/.test(n))
      .sort()
      .reverse()) {
      const binary = join(dir, name, 'MiniBrowser')
      if (existsSync(binary)) return binary
    }
  }
  return undefined
}

/** Why WebKit cannot run on this machine, or undefined when it can. */
export function webkitMissing(): string | undefined {
  if (!hasCommand('WebKitWebDriver')) return 'WebKitWebDriver (apt-get install webkit2gtk-driver)'
  if (!miniBrowser()) return 'MiniBrowser (apt-get install webkit2gtk-driver)'
  if (!hasCommand('Xvfb')) return 'Xvfb (apt-get install xvfb)'
  return undefined
}

export function hasCommand(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)))
}

/** A private X display, for every WebKit page of a spec. */
export class XDisplay {
  #xvfb?: Started
  display = ''

  async start(): Promise<this> {
    // -displayfd: Xvfb picks a free display itself and prints its number once it listens.
    this.#xvfb = start('Xvfb', [
      '-displayfd',
      '1',
      '-screen',
      '0',
      '1920x1200x24',
      '-nolisten',
      'tcp',
    ])
    this.display = `:${await printed(this.#xvfb, /^(\d+)\n/m, 30_000)}`
    return this
  }

  stop(): Promise<void> {
    return stop(this.#xvfb)
  }
}

type Json = Record<string, unknown>
const elementKey = 'element-6066-11e4-a52e-4f735466cecf'

class WebKitPage implements EnginePage {
  engine = 'WebKitGTK'
  #base = ''
  #driver?: Started

  async open(display: string, viewport: { width: number; height: number }): Promise<this> {
    const port = await freePort()
    this.#driver = start('WebKitWebDriver', [`--port=${port}`, '--host=local'], {
      env: { ...process.env, DISPLAY: display },
    })
    const root = `http://127.0.0.1:${port}`
    const driver = this.#driver
    await Promise.race([
      until('WebKitWebDriver to answer', async () => {
        const status = await fetch(`${root}/status`).catch(() => undefined)
        return status?.ok ? true : undefined
      }),
      driver.gone.then(() => {
        throw new Error(`WebKitWebDriver ended:\n${driver.output()}`)
      }),
    ])
    const created = (await this.#send('POST', `${root}/session`, {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
        },
      },
    })) as { sessionId: string; capabilities: { browserVersion: string } }
    this.#base = `${root}/session/${created.sessionId}`
    this.engine = `WebKitGTK ${created.capabilities.browserVersion}`
    await this.#fitViewport(viewport)
    return this
  }

  /** The window holds the MiniBrowser's toolbar: grow it by what the page does not get. */
  async #fitViewport(viewport: { width: number; height: number }) {
    await this.#command('POST', '/window/rect', viewport)
    const inner = await this.run<{ width: number; height: number }>(
      'return { width: innerWidth, height: innerHeight }',
    )
    await this.#command('POST', '/window/rect', {
      width: viewport.width * 2 - inner.width,
      height: viewport.height * 2 - inner.height,
    })
  }

  async #send(method: string, url: string, body?: unknown): Promise<unknown> {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = (await response.json()) as { value: Json | null }
    if (!response.ok) {
      const value = answer.value ?? {}
      throw new Error(
        `${this.engine} ${method} ${url}: ${String(value.error)}: ${String(value.message)}`,
      )
    }
    return answer.value
  }

  #command(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.#send(method, `${this.#base}${path}`, body ?? (method === 'POST' ? {} : undefined))
  }

  async goto(url: string) {
    if (this.#loaded) this.#problems.push(...(await this.#recorded()))
    await this.#command('POST', '/url', { url })
    this.#loaded = true
    await this.#record()
  }

  async reload() {
    this.#problems.push(...(await this.#recorded()))
    await this.#command('POST', '/refresh')
    await this.#record()
  }

  #loaded = false

  async run<T>(body: string, arg = ''): Promise<T> {
    const script = `return (${asJson(body)}).apply(null, arguments)`
    const text = (await this.#command('POST', '/execute/sync', { script, args: [arg] })) as string
    return JSON.parse(text) as T
  }

  async #find(selector: string): Promise<string> {
    const found = (await this.#command('POST', '/element', {
      using: 'css selector',
      value: selector,
    })) as Json
    return String(found[elementKey])
  }

  async click(selector: string) {
    await this.#command('POST', `/element/${await this.#find(selector)}/click`)
  }

  async type(selector: string, text: string) {
    await this.#command('POST', `/element/${await this.#find(selector)}/value`, { text })
  }

  async screenshot(path: string) {
    const png = (await this.#command('GET', '/screenshot')) as string
    await writeFile(path, Buffer.from(png, 'base64'))
  }

  /**
   * Classic WebDriver has no log of the page in WebKitGTK, and cannot run a script before the
   * page's own: console errors and uncaught exceptions are recorded from each load on (one in
   * the page's first moments is caught only by the scenario's waits).
   */
  async problems(): Promise<string[]> {
    return [...this.#problems, ...(await this.#recorded())]
  }

  readonly #problems: string[] = []

  #recorded(): Promise<string[]> {
    return this.run<string[]>('return window.__pvProblems || []')
  }

  #record(): Promise<unknown> {
    return this.run(`
      if (window.__pvProblems) return
      const seen = (window.__pvProblems = [])
      const error = console.error.bind(console)
      console.error = (...args) => { seen.push('console error: ' + args.map(String).join(' ')); error(...args) }
      addEventListener('error', (e) => seen.push('uncaught: ' + e.message))
      addEventListener('unhandledrejection', (e) => seen.push('unhandled rejection: ' + String(e.reason)))
      document.addEventListener('securitypolicyviolation', (e) => seen.push('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')), true)
    `)
  }

  async close() {
    if (this.#base) await this.#command('DELETE', '').catch(() => undefined)
    await stop(this.#driver)
  }
}

/** A WebKit page of this size (the viewport, toolbar excluded) on `display`. */
export async function webkitPage(
  display: XDisplay,
  viewport: { width: number; height: number },
): Promise<EnginePage> {
  const page = new WebKitPage()
  try {
    return await page.open(display.display, viewport)
  } catch (error) {
    await page.close()
    throw error
  }
}
