import type { IncomingMessage } from 'node:http'

export class TooLargeError extends Error {}

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes. Rejects when the client
 * goes away before the end, so whoever waits for the body (and holds an upload's place) is freed.
 *
 * A body of declared length is copied into one buffer of that size as it arrives, rather than
 * kept in pieces and joined at the end: a join of 19 MB holds the event loop and doubles the
 * memory outside the heap, whose growth starts a collection of the host's whole heap.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const header = req.headers['content-length']
    const declared = header === undefined ? null : Number(header)
    if (declared !== null && declared > limit) {
      reject(new TooLargeError())
      return
    }
    const whole = declared === null ? null : Buffer.allocUnsafeSlow(declared)
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > (whole?.length ?? limit)) {
        req.off('data', onData)
        reject(new TooLargeError())
        return
      }
      if (whole) chunk.copy(whole, size)
      else chunks.push(chunk)
      size += chunk.length
    }
    req.on('data', onData)
    req.on('end', () => resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('the upload was interrupted'))
    })
  })
}

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
