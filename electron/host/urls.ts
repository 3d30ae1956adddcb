import { networkInterfaces } from 'node:os'

/** The tablet join URL: the credential rides in the fragment, so it never reaches a log. */
export function joinUrl(base: string, credential: string): string {
  return `${base}/tablet/#c=${encodeURIComponent(credential)}`
}

export function consoleUrl(port: number, staffToken: string): string {
  return `http://127.0.0.1:${port}/console/#token=${encodeURIComponent(staffToken)}`
}

/** IPv4 addresses of this machine's LAN interfaces, for the join URLs staff hand out. */
export function lanAddresses(): string[] {
  const found: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) found.push(info.address)
    }
  }
  return found
}

export function baseUrl(address: string, port: number): string {
  return `http://${address}:${port}`
}
