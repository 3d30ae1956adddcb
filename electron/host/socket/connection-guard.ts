import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'
import type { Namespace, Server, Socket } from 'socket.io'

export interface ConnectionGuardOptions {
  /**
   * Connections one remote address may hold at once (0: no cap). A hall's tablets have
   * addresses of their own; an overflow room behind one NAT router shares one, so the default
   * leaves room for a few dozen tablets there.
   */
  perAddress: number
  /** Addresses the cap does not apply to: this machine (the console, the projector, rehearsals). */
  exempt: (address: string) => boolean
  /**
   * How long a connection may stay without joining a namespace that serves it (/console,
   * /deputy, /screen): a bare connection, one refused by a namespace, or the root namespace.
   */
  joinTimeoutMs: number
}

/** What the guard uses of an engine.io connection (its events are not typed). */
interface EngineConnection {
  remoteAddress: string
  close(): void
  once(event: 'close', listener: () => void): void
}

export const defaultConnectionsPerAddress = 50
export const defaultJoinTimeoutMs = 30_000

/**
 * Keeps sockets that never authenticate from piling up on an untrusted hall network: a cap on
 * the connections of each remote address, checked at the handshake (allowRequest, so a refused
 * connection costs nothing) and again when it opens (two handshakes may pass the check at once),
 * and a deadline for joining a namespace. The root namespace serves nothing, so a socket there
 * is closed, with its connection, unless the connection joins one of ours in time.
 */
export class ConnectionGuard {
  readonly #options: ConnectionGuardOptions
  readonly #open = new Map<string, number>()
  readonly #timers = new Set<NodeJS.Timeout>()

  constructor(options: ConnectionGuardOptions) {
    this.#options = options
  }

  /** engine.io's allowRequest: refuses the handshake of an address already at its cap. */
  readonly allowRequest = (
    req: IncomingMessage,
    callback: (error: string | null | undefined, allowed: boolean) => void,
  ): void => {
    const address = req.socket.remoteAddress ?? ''
    if (this.#full(address)) callback('too-many-connections', false)
    else callback(null, true)
  }

  /** Counts connections as they open and close; closes the root namespace's idle sockets. */
  attach(io: Server, served: Namespace[]): void {
    io.engine.on('connection', (conn: EngineConnection) => {
      const address = conn.remoteAddress
      const full = this.#full(address)
      this.#open.set(address, (this.#open.get(address) ?? 0) + 1)
      conn.once('close', () => {
        const left = (this.#open.get(address) ?? 1) - 1
        if (left > 0) this.#open.set(address, left)
        else this.#open.delete(address)
      })
      if (full) conn.close()
    })
    const joined = new WeakSet<object>()
    for (const nsp of served) nsp.on('connection', (socket: Socket) => joined.add(socket.client))
    io.on('connection', (socket: Socket) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer)
        // `true`: the connection goes too, not only this namespace's socket.
        if (!joined.has(socket.client)) socket.disconnect(true)
      }, this.#options.joinTimeoutMs)
      this.#timers.add(timer)
      socket.once('disconnect', () => {
        clearTimeout(timer)
        this.#timers.delete(timer)
      })
    })
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }

  #full(address: string): boolean {
    const { perAddress, exempt } = this.#options
    return perAddress > 0 && !exempt(address) && (this.#open.get(address) ?? 0) >= perAddress
  }
}

/**
 * This machine's own addresses, as Node reports a peer (IPv4-mapped too): a rehearsal's virtual
 * tablets run here and reach the host by its LAN address, not by loopback.
 */
export function ownAddresses(): Set<string> {
  const found = new Set<string>()
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      found.add(info.address)
      if (info.family === 'IPv4') found.add(`::ffff:${info.address}`)
    }
  }
  return found
}
