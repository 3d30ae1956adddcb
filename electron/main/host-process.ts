/**
 * Runs the hall server in an Electron utility process: a crash or a long tally cannot freeze
 * the console window, and the server is the very same code `npm run host` runs under Node.
 */
import { createHost } from '../host'
import type { HostReport, HostStartMessage } from './ipc-channels'

const port = process.parentPort

port.once('message', (event: { data: HostStartMessage }) => {
  const start = event.data
  createHost({
    dataDir: start.dataDir,
    port: start.port,
    host: '0.0.0.0',
    staticDir: start.staticDir,
    staffToken: start.staffToken,
  }).then(
    (host) => {
      const report: HostReport = { type: 'ready', port: host.port, tabletBases: host.tabletBases() }
      port.postMessage(report)
    },
    (error: unknown) => {
      const code = error instanceof Error && 'code' in error ? String(error.code) : null
      const report: HostReport = { type: 'failed', code, message: String(error) }
      port.postMessage(report)
    },
  )
})
