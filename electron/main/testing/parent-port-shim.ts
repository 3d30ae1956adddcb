/**
 * Test support: gives a plain Node child process the `process.parentPort` an Electron utility
 * process has, over Node's IPC channel, so host-process.ts runs unchanged under Node
 * (`node --import tsx --import ./parent-port-shim.ts host-process.ts`).
 */
type Listener = (event: { data: unknown }) => void

const parentPort = {
  on(event: 'message', listener: Listener) {
    process.on(event, (data: unknown) => listener({ data }))
    return parentPort
  },
  once(event: 'message', listener: Listener) {
    process.once(event, (data: unknown) => listener({ data }))
    return parentPort
  },
  postMessage(message: unknown) {
    process.send?.(message)
  },
}

Object.assign(process, { parentPort })
