/**
 * How a page's connection to the host behaves on hall Wi-Fi, in one place for the pages
 * (renderer/common/socket.ts), the virtual tablets of the rehearsals and benchmarks
 * (electron/cli/sim/virtual-tablet.ts), the host's heartbeat (electron/host/index.ts) and the
 * benchmark's floor server, so that a rehearsal measures what the hall runs (issue 31, item 5).
 *
 * The aim: every tablet back, and its pending ballot acknowledged, within about 5 s after the
 * network returns, without thousands of tablets hammering the host while it is away.
 */
export const tabletLink = {
  /**
   * A connection attempt whose Engine.IO handshake has not finished in this long is abandoned
   * and retried (socket.io-client's own default is 20 s: an attempt that died between the
   * WebSocket upgrade and the open packet kept the tablet away that long). A handshake is two
   * round trips, under 1.5 s at the rehearsal's worst latency (300 ms each way).
   */
  connectTimeoutMs: 3_000,
  /**
   * Waits between attempts: from 0.5 s, doubling, at most 1 s; each ±50 % at random below the
   * cap (socket.io-client caps after the jitter), so tablets cut off together do not come back
   * in step. At most 1 s: a tablet waits that long at worst once the air is back (the bench's
   * faults row, 300 tablets, a third cut silently for 30 s: the slowest back and acknowledged
   * 7.29 s after the air with 2 s, 4.46 s with 1 s). An attempt while the access point is gone
   * costs nothing on the air; while the host restarts, 3,000 tablets at 1 s are at most 3,000
   * refused connections a second, each a few microseconds of its kernel's time.
   */
  reconnectionDelayMs: 500,
  reconnectionDelayMaxMs: 1_000,
  randomizationFactor: 0.5,
  /**
   * A ballot not acknowledged in this long was sent into a connection that carries nothing
   * (the access point went silent, or the flow died in it): the tablet drops that connection
   * and resends on a fresh one, rather than waiting for the heartbeat to notice. The host
   * acknowledges after its durable write, in milliseconds (the bench's ack p99 ≤ 25 ms); 3 s is
   * five round trips at the rehearsal's worst latency. A resend is harmless: the ballot keeps its
   * id, and the host recognises it.
   */
  ballotAckMs: 3_000,
} as const

/**
 * The host's Engine.IO heartbeat: a ping every `pingIntervalMs`, answered within
 * `pingTimeoutMs`. Either end takes the connection for dead after interval + timeout without
 * one: 10 s (this host's before issue 31: 10 s + 8 s; Socket.IO's defaults: 25 s + 20 s).
 * Cost: a ping and its pong (a few bytes each, two small frames on the air) every 5 s per
 * tablet, 1,200 frames a second for a hall of 3,000 spread over its access points. The timeout
 * is also how long a ping may wait in a congested access point's queue before a live tablet
 * is dropped, so it stays at 5 s.
 */
export const hostHeartbeat = {
  pingIntervalMs: 5_000,
  pingTimeoutMs: 5_000,
} as const

/** socket.io-client's options for a page or a virtual tablet: WebSocket only, the timings above. */
export function linkClientOptions() {
  return {
    transports: ['websocket'],
    timeout: tabletLink.connectTimeoutMs,
    reconnectionDelay: tabletLink.reconnectionDelayMs,
    reconnectionDelayMax: tabletLink.reconnectionDelayMaxMs,
    randomizationFactor: tabletLink.randomizationFactor,
  }
}

/** What of a socket.io-client Socket dropping a silent connection needs. */
export interface LinkSocket {
  readonly connected: boolean
  readonly io: { readonly engine?: { close(): unknown } }
}

/**
 * A request sent on this connection got no answer in time: the connection is dropped, and
 * Socket.IO's reconnection makes a fresh one at once (its first wait: about 0.5 s), on which
 * the caller resends. A connection already gone is left to that reconnection.
 */
export function dropSilentConnection(socket: LinkSocket): void {
  if (socket.connected) socket.io.engine?.close()
}
