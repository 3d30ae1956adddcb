import { app, session, shell } from 'electron'
import type { WebContents } from 'electron'
import { isAllowedRequest, isExternalWebUrl, isOwnUrl } from './shell-urls'

/**
 * Deny every permission, keep our windows on our host, never open new windows, and load
 * nothing from anywhere else: the hall is offline and the pages must not depend on the web.
 */
export function setupSecurity(hostPort: () => number | null, hostCsp: () => string | null): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, hostPort()) })
  })
  // The host sends its CSP itself; main sets it again so no page of ours goes without one
  // (the policy comes from the host's ready report, so the two cannot drift).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    const csp = hostCsp()
    if (csp && isOwnUrl(details.url, hostPort())) {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-security-policy') delete headers[name]
      }
      headers['Content-Security-Policy'] = [csp]
    }
    callback({ responseHeaders: headers })
  })
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url, hostPort())) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url, hostPort())) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // A link to the web (a help page) opens in the system browser; our own pages already
      // have their windows.
      if (!isOwnUrl(url, hostPort()) && isExternalWebUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
