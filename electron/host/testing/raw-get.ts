import { request } from 'node:http'
import type { Agent, IncomingHttpHeaders } from 'node:http'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body as it crossed the wire: still compressed when the host compressed it. */
  body: Buffer
  /** Status line, headers and body, as counted on the wire (HTTP/1.1, no chunking). */
  wireBytes: number
}

/**
 * A GET (or HEAD) over plain HTTP that leaves the body as sent: fetch() decompresses and hides
 * the bytes that crossed the air, which is what the host's compression is measured by. A new
 * connection each time, unless given a keep-alive `agent` (as a browser keeps a few per host).
 */
export function rawGet(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
  agent: Agent | false = false,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        // rawHeaders is [name, value, name, value, …] exactly as received.
        let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          head += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          wireBytes: head + body.length,
        })
      })
    })
    req.on('error', reject)
    req.end()
  })
}
