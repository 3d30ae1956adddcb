/**
 * Runs the hall server in an Electron utility process: a crash or a long tally cannot freeze
 * the console window, and the server is the very same code `npm run host` runs under Node.
 * Nothing here imports electron: `process.parentPort` is all the utility process adds.
 */
import { createHost } from '../host'
import type { HostHandle } from '../host'
import { contentSecurityPolicy } from '../host/http/static-files'
import type { HostCommand, HostReport } from './ipc-channels'

const port = process.parentPort
const send = (report: HostReport) => port.postMessage(report)
let host: HostHandle | null = null

/** The shell needs only what it acts on: is a vote open (power, quitting), where the archive is. */
function watchStatus(handle: HostHandle): void {
  let last = ''
  const report = () => {
    const vote = handle.session.openVote()
    const status: HostReport = {
      type: 'status',
      openVote: vote ? { id: vote.id, title: vote.title } : null,
      meetingDir: handle.session.dataDir,
    }
    const key = JSON.stringify(status)
    if (key === last) return
    last = key
    send(status)
  }
  handle.hall.on('change', report)
  report()
}

async function start(command: Extract<HostCommand, { type: 'start' }>): Promise<void> {
  try {
    host = await createHost({
      dataDir: command.dataDir,
      port: command.port,
      host: command.bindHost,
      staticDir: command.staticDir,
      staffToken: command.staffToken,
      keyDir: command.keyDir,
      ...(command.keyWrap ? { keyWrap: Buffer.from(command.keyWrap, 'base64') } : {}),
      // Built beside this file from electron/host/documents/report-documents.worker.ts.
      archiveWorker: new URL('./report-worker.js', import.meta.url),
      // Built beside this file from electron/host/tables/import-parse.worker.ts.
      importWorker: new URL('./import-worker.js', import.meta.url),
    })
    send({
      type: 'ready',
      port: host.port,
      tabletBases: host.tabletBases(),
      csp: contentSecurityPolicy,
    })
    watchStatus(host)
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : null
    send({ type: 'failed', code, message: String(error) })
  }
}

async function stop(): Promise<void> {
  // Ballots are on disk before they are acknowledged; closing lets writes in flight finish.
  await host?.close()
  send({ type: 'stopped' })
  process.exit(0)
}

port.on('message', (event: { data: HostCommand }) => {
  if (event.data.type === 'start') void start(event.data)
  else void stop()
})
