import type { Server, Socket } from 'node:net'
import { createServer, connect } from 'node:net'

/**
 * A bad hall network between virtual tablets and the host (issue 25, item 4): a TCP proxy in
 * Node that delays every piece of data (latency with jitter, order kept), shares a bandwidth
 * cap among all connections (one token bucket, as one access point's air), resets connections
 * at random, cuts a lane of tablets off for a while, and takes the host's address away and
 * back. The tablets are split over lanes, one listening port each, so "a third of the
 * tablets" is one lane of three.
 *
 * A cut is 'silent' (out of the access point's range: nothing arrives either way and nothing
 * says so; what was sent is held, as TCP would retransmit it, and delivered once the lane is
 * back, unless an end gave up first), 'lost' (the same, but what was sent is never delivered:
 * every connection open on the lane, or opened while it is cut, stays silent for good, as a
 * flow whose retransmissions have backed off for tens of seconds or that the access point
 * forgot; only connections opened once the lane is back carry anything, so each end must
 * notice by its own timeouts) or 'reset' (the access point restarted: every connection on the
 * lane is reset and new ones are refused until it is back).
 */

export interface FaultPlan {
  /** Each piece of data waits between these many milliseconds, uniformly; order is kept. */
  latencyMs?: readonly [number, number]
  /** Bytes per second through the proxy, both ways and every connection together. */
  bandwidthBytesPerS?: number
  /** Each connection is reset at random, on average this many times a minute. */
  dropsPerMinute?: number
}

export interface FaultProxyStats {
  connections: number
  bytes: number
  /** Connections reset by a random drop, a reset cut or the address going away. */
  resets: number
}

type LaneState = 'up' | 'silent' | 'lost' | 'reset'

/** One tablet connection and its way to the host. */
class Link {
  readonly #proxy: FaultProxy
  /** When the last piece each way is delivered: a later one is never delivered before it. */
  #lastUp = 0
  #lastDown = 0
  #held: (() => void)[] = []
  #dropTimer: NodeJS.Timeout | null = null
  closed = false
  /** Cut 'lost': nothing goes through this connection again, either way, nor its close. */
  stranded = false

  constructor(
    proxy: FaultProxy,
    readonly lane: number,
    readonly client: Socket,
    readonly server: Socket,
    dropsPerMinute: number,
  ) {
    this.#proxy = proxy
    client.on('data', (chunk: Buffer) => this.#pass(chunk, server, 'up'))
    server.on('data', (chunk: Buffer) => this.#pass(chunk, client, 'down'))
    for (const [from, to] of [
      [client, server],
      [server, client],
    ] as const) {
      from.on('error', () => {})
      from.on('close', () => this.#whenUp(() => this.#end(to)))
    }
    this.dropAtRandom(dropsPerMinute)
  }

  /** From now on, resets this connection at random, on average `perMinute` times a minute. */
  dropAtRandom(perMinute: number): void {
    if (this.#dropTimer) clearTimeout(this.#dropTimer)
    this.#dropTimer = null
    if (perMinute <= 0 || this.closed) return
    // Exponential waiting time: memoryless, as a flaky access point is.
    const ms = (-Math.log(1 - Math.random()) * 60_000) / perMinute
    this.#dropTimer = setTimeout(() => this.reset(), ms)
    this.#dropTimer.unref()
  }

  #pass(chunk: Buffer, to: Socket, way: 'up' | 'down'): void {
    if (this.stranded) return
    const at = this.#proxy.deliveryTime(chunk.length, way === 'up' ? this.#lastUp : this.#lastDown)
    if (way === 'up') this.#lastUp = at
    else this.#lastDown = at
    setTimeout(
      () => this.#whenUp(() => to.destroyed || to.write(chunk)),
      Math.max(0, at - Date.now()),
    )
  }

  /** Runs `deliver` now if the lane is up, else when it is back (held, as TCP retransmits). */
  #whenUp(deliver: () => void): void {
    const state = this.#proxy.laneState(this.lane)
    if (state === 'lost') this.strand()
    if (this.stranded) return
    if (state === 'silent') this.#held.push(deliver)
    else deliver()
  }

  /** Nothing this connection carries arrives anywhere again; what was held is dropped. */
  strand(): void {
    this.stranded = true
    this.#held = []
    if (this.#dropTimer) clearTimeout(this.#dropTimer)
    this.#dropTimer = null
  }

  #end(socket: Socket): void {
    this.closed = true
    if (this.#dropTimer) clearTimeout(this.#dropTimer)
    socket.destroy()
  }

  /** The lane is back: what was held goes, in order. */
  release(): void {
    const held = this.#held
    this.#held = []
    for (const deliver of held) deliver()
  }

  reset(): void {
    if (this.closed) return
    this.closed = true
    if (this.#dropTimer) clearTimeout(this.#dropTimer)
    this.#proxy.countReset()
    this.client.resetAndDestroy()
    this.server.destroy()
  }
}

export class FaultProxy {
  readonly ports: number[] = []
  readonly #target: { host: string; port: number }
  #plan: FaultPlan
  readonly #servers: Server[] = []
  readonly #lanes: LaneState[]
  readonly #links = new Set<Link>()
  #away = false
  #bucketFreeAt = 0
  readonly #stats: FaultProxyStats = { connections: 0, bytes: 0, resets: 0 }

  private constructor(target: { host: string; port: number }, lanes: number, plan: FaultPlan) {
    this.#target = target
    this.#plan = plan
    this.#lanes = Array.from({ length: lanes }, () => 'up' as const)
  }

  /** A proxy to `target` with `lanes` listening ports on 127.0.0.1. */
  static async start(
    target: { host: string; port: number },
    lanes: number,
    plan: FaultPlan = {},
  ): Promise<FaultProxy> {
    const proxy = new FaultProxy(target, lanes, plan)
    for (let lane = 0; lane < lanes; lane += 1) proxy.ports.push(await proxy.#listen(lane, 0))
    return proxy
  }

  /** The base URL of each lane, for the tablets: tablet i uses lane i mod lanes. */
  urls(): string[] {
    return this.ports.map((port) => `http://127.0.0.1:${port}`)
  }

  stats(): FaultProxyStats {
    return { ...this.#stats }
  }

  /**
   * Random resets from now on at this rate, for every connection (a bench turns them on once
   * every tablet has checked in, so that check-in is measured whole).
   */
  setDrops(perMinute: number): void {
    this.#plan = { ...this.#plan, dropsPerMinute: perMinute }
    for (const link of this.#links) link.dropAtRandom(perMinute)
  }

  laneState(lane: number): LaneState {
    return this.#lanes[lane] ?? 'up'
  }

  /**
   * Cuts one lane off: silently (held), lost (silent for good: see above), or with every
   * connection reset and new ones refused.
   */
  cut(lane: number, how: 'silent' | 'lost' | 'reset'): void {
    this.#lanes[lane] = how
    for (const link of this.#links) {
      if (link.lane !== lane) continue
      if (how === 'reset') link.reset()
      if (how === 'lost') link.strand()
    }
  }

  /** The lane is back: held data flows, new connections go through. */
  restore(lane: number): void {
    this.#lanes[lane] = 'up'
    for (const link of this.#links) if (link.lane === lane) link.release()
  }

  /**
   * The host's address goes away (a DHCP lease changed hands): every connection is reset and
   * the ports refuse connections until comeBack() listens on them again.
   */
  async goAway(): Promise<void> {
    this.#away = true
    for (const link of this.#links) link.reset()
    await Promise.all(this.#servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }

  async comeBack(): Promise<void> {
    if (!this.#away) return
    this.#away = false
    const ports = [...this.ports]
    this.#servers.length = 0
    for (const [lane, port] of ports.entries()) await this.#listen(lane, port)
  }

  /** When a piece of `bytes` sent now arrives: after its latency, after the piece before it on
   * the same connection and way, and when the shared bandwidth has room for it. */
  deliveryTime(bytes: number, previous: number): number {
    this.#stats.bytes += bytes
    const [min, max] = this.#plan.latencyMs ?? [0, 0]
    let at = Math.max(Date.now() + min + Math.random() * (max - min), previous)
    const rate = this.#plan.bandwidthBytesPerS
    if (rate) {
      const start = Math.max(at, this.#bucketFreeAt)
      this.#bucketFreeAt = start + (bytes / rate) * 1000
      at = this.#bucketFreeAt
    }
    return at
  }

  countReset(): void {
    this.#stats.resets += 1
  }

  async close(): Promise<void> {
    for (const link of this.#links) link.reset()
    await Promise.all(this.#servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }

  #listen(lane: number, port: number): Promise<number> {
    const server = createServer((client) => this.#accept(lane, client))
    this.#servers[lane] = server
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  }

  #accept(lane: number, client: Socket): void {
    if (this.laneState(lane) === 'reset' || this.#away) {
      client.on('error', () => {})
      client.resetAndDestroy()
      return
    }
    this.#stats.connections += 1
    client.setNoDelay(true)
    const server = connect(this.#target.port, this.#target.host)
    server.setNoDelay(true)
    const link = new Link(this, lane, client, server, this.#plan.dropsPerMinute ?? 0)
    if (this.laneState(lane) === 'lost') link.strand()
    this.#links.add(link)
    // Kept until both ends are gone: a stranded one's far end may outlive the near one.
    const forget = () => {
      if (client.destroyed && server.destroyed) this.#links.delete(link)
    }
    client.once('close', forget)
    server.once('close', forget)
  }
}
