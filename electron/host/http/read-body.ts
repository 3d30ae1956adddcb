import type { IncomingMessage } from 'node:http'

export class TooLargeError extends Error {}

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes. Rejects when the client
 * goes away before the end, so whoever waits for the body (and holds an upload's place) is freed.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      reject(new TooLargeError())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        reject(new TooLargeError())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
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
