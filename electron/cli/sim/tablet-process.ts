/**
 * Some of a rehearsal's virtual tablets in a process of their own (a ForkedFleet,
 * tablet-fleet.ts). Run with an IPC channel: `node --import tsx tablet-process.ts`; told
 * `{type:'start', options}`, it connects its tablets and reports their status whenever it
 * changes; it answers `records` and ends when its parent does or on SIGTERM.
 */
import type { FleetStatus, FromFleet, ToFleet } from './tablet-fleet'
import { TabletFleet } from './tablet-fleet'

const STATUS_EVERY_MS = 25

let fleet: TabletFleet | null = null
let last = ''

const send = (message: FromFleet) => process.send?.(message)

function report(): void {
  if (!fleet) return
  const status: FleetStatus = fleet.status()
  const text = JSON.stringify(status)
  if (text === last) return
  last = text
  send({ type: 'status', status })
}

process.on('message', (message: ToFleet) => {
  if (message.type === 'start' && !fleet) {
    fleet = new TabletFleet(message.options)
    setInterval(report, STATUS_EVERY_MS)
  } else if (message.type === 'arrive') {
    fleet?.arrive(message.plan)
  } else if (message.type === 'return-since') {
    fleet?.returnSince(message.at)
    report()
  } else if (message.type === 'records' && fleet) {
    send({ type: 'records', id: message.id, records: fleet.records(message.voteId) })
  }
})

const stop = () => {
  fleet?.close()
  process.exit(0)
}
process.on('disconnect', stop)
process.on('SIGTERM', stop)
