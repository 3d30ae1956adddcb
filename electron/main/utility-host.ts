import { join } from 'node:path'
import { utilityProcess } from 'electron'
import { utilityProcessHeapArgv } from '../host/heap-flags'
import type { HostChild } from './host-supervisor'
import type { HostReport } from './ipc-channels'

/** The host's process in the app: an Electron utility process running out/main/host-process.js. */
export function forkUtilityHost(mainDir: string, env: NodeJS.ProcessEnv): HostChild {
  const child = utilityProcess.fork(join(mainDir, 'host-process.js'), [], {
    serviceName: 'plenary-host',
    execArgv: [...utilityProcessHeapArgv],
    stdio: 'inherit',
    env,
  })
  return {
    onMessage: (listener) => child.on('message', (report: HostReport) => listener(report)),
    onceExit: (listener) => child.once('exit', listener),
    post: (command) => child.postMessage(command),
    kill: () => {
      child.kill()
    },
  }
}
