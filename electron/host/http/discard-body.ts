import type { IncomingMessage } from 'node:http'

/**
 * Lets a refused request's body go by without keeping it, so the client, still sending, reads
 * the answer instead of a reset connection; one sending more than `limit` is cut off.
 */
export function discardBody(req: IncomingMessage, limit: number): void {
  if (req.complete) return
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > limit) req.socket.destroy()
  })
  req.resume()
}
