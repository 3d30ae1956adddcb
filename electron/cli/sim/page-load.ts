import { Agent } from 'node:http'
import { rawGet } from '../../host/testing/raw-get'
import { browserAcceptEncoding, decoded, references } from './tablet-page-size'

/**
 * The tablet page as a browser fetches it on a first load, in waves: the HTML; then at once
 * everything it names (scripts, styles, module preloads, icons); then what those name that was
 * not fetched yet (a module imported but not preloaded, a stylesheet's fonts); and so on. Paths
 * on the host, found once by following the page from `base`: a browser reads every file it
 * fetches, on its own processor; a few thousand virtual tablets on the host's machine must not.
 */
export async function pageWaves(base: string, path = '/tablet/'): Promise<string[][]> {
  const origin = new URL(base).origin
  const seen = new Set<string>()
  const waves: string[][] = []
  let wave = [new URL(path, base).href]
  while (wave.length > 0) {
    for (const url of wave) seen.add(url)
    waves.push(wave.map((url) => url.slice(origin.length)))
    const next = new Set<string>()
    for (const url of wave) {
      const res = await rawGet(url, { 'Accept-Encoding': browserAcceptEncoding })
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
      for (const ref of references(url, decoded(res))) {
        const found = new URL(ref, url)
        if (found.origin === origin && !seen.has(found.href)) next.add(found.href)
      }
    }
    wave = [...next]
  }
  return waves
}

/** Connections a browser opens to one host at once over HTTP/1.1. */
const BROWSER_CONNECTIONS = 6

/**
 * One tablet's first load of the page from `base`: each wave's files at once over at most six
 * keep-alive connections, with a browser's Accept-Encoding; the bodies as sent (a browser then
 * decompresses and runs them on its own processor). The connections are closed once the page
 * is in (a browser keeps them until the host's keep-alive timeout; a few thousand virtual
 * tablets on one machine need the file descriptors). Answers the bytes received: status lines,
 * headers and bodies. Throws when a response is not 200 or a connection fails.
 */
export async function loadAsBrowser(
  base: string,
  waves: readonly (readonly string[])[],
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS })
  let bytes = 0
  try {
    for (const wave of waves) {
      const responses = await Promise.all(
        wave.map((path) =>
          rawGet(
            new URL(path, base).href,
            { 'Accept-Encoding': browserAcceptEncoding },
            'GET',
            agent,
          ),
        ),
      )
      for (const [i, res] of responses.entries())
        if (res.status !== 200) throw new Error(`${wave[i]}: HTTP ${res.status}`)
      bytes += responses.reduce((n, res) => n + res.wireBytes, 0)
    }
  } finally {
    agent.destroy()
  }
  return bytes
}
