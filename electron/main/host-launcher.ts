import { join } from 'node:path'
import { utilityProcess } from 'electron'
import type { HostReport, HostStartMessage } from './ipc-channels'

export interface RunningHost {
  port: number
  tabletBases: string[]
  stop: () => void
}

/** Starts the host in a utility process and resolves when it listens. */
export function launchHost(
  options: Omit<HostStartMessage, 'type'>,
  mainDir: string,
): Promise<RunningHost> {
  const child = utilityProcess.fork(join(mainDir, 'host-process.js'), [], {
    serviceName: 'plenary-host',
    stdio: 'inherit',
  })
  return new Promise((resolve, reject) => {
    child.once('message', (report: HostReport) => {
      if (report.type === 'ready') {
        resolve({ port: report.port, tabletBases: report.tabletBases, stop: () => child.kill() })
      } else {
        child.kill()
        reject(Object.assign(new Error(report.message), { code: report.code }))
      }
    })
    child.once('exit', (code) => reject(new Error(`host process exited with code ${code}`)))
    const start: HostStartMessage = { type: 'start', ...options }
    child.postMessage(start)
  })
}
