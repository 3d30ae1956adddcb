import { app, session, shell } from 'electron'
import type { WebContents } from 'electron'

/** Our windows only ever show pages of our own host. */
export function isOwnUrl(url: string, hostPort: number): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' && u.hostname === '127.0.0.1' && u.port === String(hostPort)
  } catch {
    return false
  }
}

/** Deny permissions, block navigation away from the host, never open new windows. */
export function setupSecurity(hostPort: () => number): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url, hostPort())) event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      // The console's "open screen" link: the projector window already shows it.
      if (!isOwnUrl(url, hostPort())) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
