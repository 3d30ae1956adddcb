import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'

/**
 * The host's doors (issue 25, item 6). A page on the internet can make a deputy's or a staff
 * member's browser send requests to a name it controls whose DNS answer it then points at the
 * host's address (DNS rebinding): the browser then treats the host as that page's own origin.
 * Such requests carry the page's name in their Host header, so the host answers only requests
 * addressed to itself: `localhost`, a loopback address, one of this machine's addresses, or a
 * name staff gave (`--host-name`). And the console and the staff API, which act, also check the
 * Origin a browser sends (this machine on the host's own port): a page of another origin,
 * another local web server's included, cannot drive them even with a stolen token in hand.
 *
 * Host's port is not checked: a rebinding page is told by its name, and a port forward or the
 * rehearsal's fault proxy (electron/cli/sim/fault-proxy.ts) reaches the host on another port.
 *
 * Every 127.x.x.x counts as this machine: Linux answers the whole 127.0.0.0/8 on loopback, a
 * browser reaches it only by that literal address, and a rebinding attack carries its own name,
 * never a literal address, in Host. An IPv4-mapped IPv6 literal (`[::ffff:127.0.0.1]`) is the
 * same address.
 */
export interface Doors {
  /** The port the host listens on, once known. */
  port: () => number
  /** This machine's addresses now (interfaces come and go: read at each request). */
  addresses: () => ReadonlySet<string>
  /** Host names staff said the hall's DNS gives this machine, lower case. */
  names: readonly string[]
}

/** "name:port", "[v6]:port", "1.2.3.4" → host (lower case, no brackets) and port (80 if none). */
export function parseHostHeader(value: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(value.trim())
  if (!m) return null
  const host = (m[1] ?? m[2] ?? '').toLowerCase().replace(/\.$/, '')
  const port = m[3] === undefined ? 80 : Number(m[3])
  return host && port <= 65_535 ? { host, port } : null
}

/** ::ffff:127.0.0.1, or ::ffff:7f00:1 as URL writes it, as the IPv4 address it maps. */
function unmapped(host: string): string {
  if (!host.startsWith('::ffff:')) return host
  const rest = host.slice(7)
  if (isIP(rest) === 4) return rest
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest)
  if (!hex) return host
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)]
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

function isThisMachine(host: string, doors: Doors): boolean {
  if (host === 'localhost' || doors.names.includes(host)) return true
  const address = unmapped(host)
  if (isIP(address) === 0) return false
  return address.startsWith('127.') || address === '::1' || doors.addresses().has(address)
}

/** Whether a request is addressed to this host: its Host header names this machine. */
export function addressedHere(req: IncomingMessage, doors: Doors): boolean {
  const parsed = parseHostHeader(req.headers.host ?? '')
  return parsed !== null && isThisMachine(parsed.host, doors)
}

/**
 * Whether a browser's Origin, if it sent one, is the host itself (over http, this machine, this
 * port). No Origin at all is a program (the desktop shell's main process, curl, a script), not
 * a page of another site: those carry the staff token like anyone else.
 */
export function originHere(origin: string | undefined, doors: Doors): boolean {
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' || url.username || url.password) return false
  const parsed = parseHostHeader(url.host)
  return parsed !== null && parsed.port === doors.port() && isThisMachine(parsed.host, doors)
}

/** The answer to a request addressed to another name: 421 Misdirected Request, said plainly. */
export function misdirected(res: ServerResponse): void {
  res
    .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
    .end('请用本机的地址访问 / this host answers only requests addressed to its own address')
}
