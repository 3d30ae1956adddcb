import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { EnginePage } from './engine-page'
import { asJson } from './engine-page'
import { printed, start, stop } from './processes'
import type { Started } from './processes'
import { hasCommand } from './webkit'

/**
 * Firefox ESR (Debian's firefox-esr), headless, driven over WebDriver BiDi, which Firefox speaks
 * itself (--remote-debugging-port): no geckodriver. Each page is a tab in a user context of its
 * own, so its storage is its own, as a second tablet's would be.
 */

export const firefoxBinary = () => ['firefox-esr', 'firefox'].find((name) => hasCommand(name))

/** Why Firefox cannot run on this machine, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  return firefoxBinary() ? undefined : 'firefox-esr (apt-get install firefox-esr)'
}

/** A quiet profile: Chinese first, no first-run pages, no updates, nothing fetched. */
const prefs: Record<string, string | boolean | number> = {
  'intl.accept_languages': 'zh-CN, zh',
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.update.enabled': false,
  'network.captive-portal-service.enabled': false,
}

/**
 * Runs in every document of a page before its own scripts: a CSP violation (a blocked eval, an
 * inline style) is reported as a console error, which the log then holds.
 */
const reportCspViolations = `() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP violation on ' + location.pathname + ': ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber)
  }, true)
}`

type Json = Record<string, unknown>
interface Waiting {
  resolve: (value: Json) => void
  reject: (error: Error) => void
}

export class Firefox {
  engine = 'Firefox'
  #process?: Started
  #profile = ''
  #socket?: WebSocket
  #nextId = 1
  readonly #waiting = new Map<number, Waiting>()
  /** Console errors and uncaught exceptions, by the tab (browsing context) that logged them. */
  readonly logged = new Map<string, string[]>()

  async launch(): Promise<this> {
    this.#profile = await mkdtemp(join(tmpdir(), 'plenary-firefox-'))
    const userJs = Object.entries(prefs).map(
      ([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
    )
    await writeFile(join(this.#profile, 'user.js'), `${userJs.join('\n')}\n`)
    this.#process = start(firefoxBinary() ?? 'firefox-esr', [
      '--headless',
      '--no-remote',
      '--profile',
      this.#profile,
      '--remote-debugging-port',
      '0',
    ])
    const url = await printed(this.#process, /WebDriver BiDi listening on (ws:\/\/\S+)/)
    this.#socket = new WebSocket(`${url}/session`)
    this.#socket.on('message', (data) => this.#receive(JSON.parse(String(data)) as Json))
    // Firefox gone (a crash): every command still waiting fails now, not at the test's timeout.
    this.#socket.on('close', () => {
      for (const waiting of this.#waiting.values())
        waiting.reject(new Error(`${this.engine} closed its WebDriver BiDi connection`))
      this.#waiting.clear()
    })
    await new Promise<void>((resolve, reject) => {
      this.#socket?.once('open', () => resolve())
      this.#socket?.once('error', reject)
    })
    const session = await this.send('session.new', { capabilities: {} })
    const caps = session.capabilities as { browserName: string; browserVersion: string }
    this.engine = `Firefox ${caps.browserVersion}`
    await this.send('session.subscribe', { events: ['log.entryAdded'] })
    return this
  }

  #receive(message: Json) {
    if (message.type === 'event') {
      if (message.method === 'log.entryAdded') this.#log(message.params as Json)
      return
    }
    const waiting = this.#waiting.get(message.id as number)
    if (!waiting) return
    this.#waiting.delete(message.id as number)
    if (message.type === 'success') waiting.resolve(message.result as Json)
    else
      waiting.reject(
        new Error(`${this.engine}: ${String(message.error)}: ${String(message.message)}`),
      )
  }

  #log(entry: Json) {
    if (entry.level !== 'error') return
    const context = String((entry.source as Json | undefined)?.context ?? '')
    const list = this.logged.get(context) ?? []
    list.push(`${String(entry.type)}: ${String(entry.text)}`)
    this.logged.set(context, list)
  }

  /** Sends one BiDi command and resolves with its result. */
  send(method: string, params: Json): Promise<Json> {
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject })
      this.#socket?.send(JSON.stringify({ id, method, params }))
    })
  }

  /** A tab of this viewport in a user context of its own. */
  async newPage(viewport: { width: number; height: number }): Promise<EnginePage> {
    const { userContext } = await this.send('browser.createUserContext', {})
    const { context } = await this.send('browsingContext.create', { type: 'tab', userContext })
    await this.send('browsingContext.setViewport', { context, viewport })
    await this.send('script.addPreloadScript', {
      functionDeclaration: reportCspViolations,
      userContexts: [userContext],
    })
    return new FirefoxPage(this, String(context), String(userContext))
  }

  async close(): Promise<void> {
    if (this.#socket?.readyState === WebSocket.OPEN)
      await Promise.race([
        this.send('browser.close', {}).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ])
    this.#socket?.close()
    await stop(this.#process)
    if (this.#profile) await rm(this.#profile, { recursive: true, force: true })
  }
}

class FirefoxPage implements EnginePage {
  readonly engine: string

  constructor(
    readonly browser: Firefox,
    readonly context: string,
    readonly userContext: string,
  ) {
    this.engine = browser.engine
  }

  async goto(url: string) {
    await this.browser.send('browsingContext.navigate', {
      context: this.context,
      url,
      wait: 'complete',
    })
  }

  async reload() {
    await this.browser.send('browsingContext.reload', { context: this.context, wait: 'complete' })
  }

  async #call(functionDeclaration: string, args: Json[]): Promise<Json> {
    const answer = await this.browser.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      target: { context: this.context },
      awaitPromise: false,
    })
    if (answer.type === 'exception')
      throw new Error(`${this.engine}: ${JSON.stringify(answer.exceptionDetails)}`)
    return answer.result as Json
  }

  async run<T>(body: string, arg = ''): Promise<T> {
    const result = await this.#call(asJson(body), [{ type: 'string', value: arg }])
    return JSON.parse(String(result.value)) as T
  }

  async type(selector: string, text: string) {
    await this.click(selector)
    const keys = [...text].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ])
    await this.browser.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: keys }],
    })
  }

  async click(selector: string) {
    const { nodes } = await this.browser.send('browsingContext.locateNodes', {
      context: this.context,
      locator: { type: 'css', value: selector },
      maxNodeCount: 1,
    })
    const node = (nodes as Json[])[0]
    if (!node) throw new Error(`${this.engine}: no ${selector}`)
    const element = { sharedId: node.sharedId }
    await this.#call('function (el) { el.scrollIntoView({ block: "center" }) }', [element])
    await this.browser.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    })
  }

  async screenshot(path: string) {
    const { data } = await this.browser.send('browsingContext.captureScreenshot', {
      context: this.context,
    })
    await writeFile(path, Buffer.from(String(data), 'base64'))
  }

  problems(): Promise<string[]> {
    return Promise.resolve(this.browser.logged.get(this.context) ?? [])
  }

  async close() {
    await this.browser.send('browsingContext.close', { context: this.context })
    await this.browser.send('browser.removeUserContext', { userContext: this.userContext })
  }
}
