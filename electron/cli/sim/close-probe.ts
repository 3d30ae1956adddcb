/**
 * The staff console and the projector, in a process of their own as they are machines of their
 * own in the hall: the benchmark's close → screen is timed here, not in the process that runs
 * thousands of virtual tablets (which is busy reading the same close as they are told of it).
 *
 * Run by the benchmark with an IPC channel: `node --import tsx close-probe.ts URL TOKEN`. Told
 * `{voteId}`, it closes the vote, publishes it, and answers `{closeAckMs, closeToScreenMs,
 * publishToScreenMs}` once /screen shows the published result, or `{error}`.
 */
import { io } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type { ScreenState } from '../../../shared/protocol/views'

const [url, token] = process.argv.slice(2)
if (!url || !token) throw new Error('usage: close-probe.ts URL STAFF_TOKEN')

const staff = io(`${url}/console`, { auth: { token }, transports: ['websocket'], forceNew: true })
const screen = io(`${url}/screen`, { transports: ['websocket'], forceNew: true })
let shown: (state: ScreenState) => void = () => undefined
screen.on('screen:state', (state: ScreenState) => shown(state))

async function request(event: string, input: unknown): Promise<void> {
  const r = (await staff.timeout(30_000).emitWithAck(event, input)) as Result<unknown>
  if (!r.ok) throw new Error(`${event}: ${JSON.stringify(r.error)}`)
}

async function closeAndPublish(voteId: string) {
  const onScreen = new Promise<number>((resolve) => {
    shown = (s) => {
      if (s.vote?.id === voteId && s.vote.result) resolve(performance.now())
    }
  })
  const closeSent = performance.now()
  await request('vote:close', { voteId })
  const closeAcked = performance.now()
  await request('vote:publish', { voteId })
  const at = await onScreen
  return {
    closeAckMs: closeAcked - closeSent,
    closeToScreenMs: at - closeSent,
    publishToScreenMs: at - closeAcked,
  }
}

process.on('message', (message: unknown) => {
  const { voteId } = message as { voteId: string }
  closeAndPublish(voteId).then(
    (times) => process.send?.(times),
    (error: unknown) => process.send?.({ error: String(error) }),
  )
})
process.on('disconnect', () => process.exit(0))

let ready = 0
const connected = () => {
  ready += 1
  if (ready === 2) process.send?.({ ready: true })
}
staff.once('connect', connected)
screen.once('connect', connected)
