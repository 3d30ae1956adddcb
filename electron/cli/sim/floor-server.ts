/**
 * The transport's floor: a bare Socket.IO server, in its own process like the host, that
 * speaks just enough of the /deputy protocol for the same virtual tablets: it shows a vote when
 * told to (IPC 'open') and acknowledges every ballot at once, storing nothing. Whatever latency
 * the host adds above this is ours; what is here is Node, Socket.IO and the client process.
 *
 * The vote goes out as the host sends it: a `deputy:hall` message, paced in slices by the
 * host's own PacedBroadcast (electron/host/socket/paced-broadcast.ts), on top of the
 * `deputy:state` each tablet got on connecting. So the client process receives the vote in the
 * same pattern against both, and the first ballots wait behind the same client-side work.
 *
 * The durable floor (`floor-server.ts --durable FILE`, issue 25, item 5): the same server, but
 * each acknowledgement waits until the ballot's bytes are appended to FILE and fdatasync'd,
 * with group commit (every ballot that arrived while one sync ran goes in the next write and
 * sync together). That is the least any durable acknowledgement costs on this disk; the host
 * does more (encryption, slots, the box's header), and is compared with both floors.
 *
 * Run by the benchmark: `node --import tsx electron/cli/sim/floor-server.ts` with an IPC channel;
 * it sends {port} once listening.
 */
import { open as openFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import type { DeputyClientEvents, DeputyServerEvents } from '../../../shared/protocol/events'
import type { DeputyBallotView, DeputyHallView, DeputyState } from '../../../shared/protocol/views'
import { PacedBroadcast } from '../../host/socket/paced-broadcast'
import { hostHeartbeat } from '../../../shared/protocol/tablet-link'
import type { ProjectId, VoteId } from '../../../shared/protocol/ids'

const vote: DeputyBallotView = {
  id: 'FLOOR' as VoteId,
  title: 'floor',
  kind: 'select',
  seats: 10,
  maxFor: null,
  allowChange: false,
  paper: false,
  remainingMs: null,
  motion: null,
  progress: null,
  candidates: Array.from({ length: 13 }, (_, i) => ({
    id: `P${String(i + 1).padStart(2, '0')}` as ProjectId,
    title: `P${i + 1}`,
  })),
}
let open = false
const hall = (): DeputyHallView => ({
  meetingTitle: 'floor',
  rehearsal: false,
  vote: open ? vote : null,
  ended: null,
})
const state = (): DeputyState => ({
  ...hall(),
  me: { name: '', delegation: '', seat: '' },
  voted: false,
  onLeave: false,
})

/** Appends and syncs in groups: one write and one fdatasync for all that waited. */
class GroupCommit {
  #waiting: { bytes: Buffer; done: () => void }[] = []
  #busy = false
  constructor(readonly file: FileHandle) {}

  append(bytes: Buffer, done: () => void): void {
    this.#waiting.push({ bytes, done })
    if (!this.#busy) void this.#flush()
  }

  async #flush(): Promise<void> {
    this.#busy = true
    while (this.#waiting.length > 0) {
      const group = this.#waiting
      this.#waiting = []
      await this.file.write(Buffer.concat(group.map((g) => g.bytes)))
      await this.file.datasync()
      for (const g of group) g.done()
    }
    this.#busy = false
  }
}

const durableAt = process.argv.indexOf('--durable')
const commit =
  durableAt >= 0 ? new GroupCommit(await openFile(process.argv[durableAt + 1] ?? '', 'a')) : null

const http = createServer((_req, res) => res.writeHead(404).end())
// The host's own transport settings (electron/host/index.ts), so only the work differs.
const io = new Server<DeputyClientEvents, DeputyServerEvents>(http, {
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
  pingInterval: hostHeartbeat.pingIntervalMs,
  pingTimeout: hostHeartbeat.pingTimeoutMs,
})
const deputy = io.of('/deputy')
const hallOut = new PacedBroadcast<'deputy:hall', DeputyHallView>(deputy, 'deputy:hall')
deputy.on('connection', (socket) => {
  socket.emit('deputy:state', state())
  socket.on('ballot:submit', (input: { voteId?: unknown; ballotId?: unknown }, ack: unknown) => {
    if (typeof ack !== 'function') return
    const answer = () =>
      ack({ ok: true, data: { voteId: input?.voteId, ballotId: input?.ballotId } })
    if (commit) commit.append(Buffer.from(`${JSON.stringify(input)}\n`), answer)
    else answer()
  })
})

process.on('message', (message: unknown) => {
  if (message === 'open') {
    open = true
    hallOut.send(hall())
  }
  if (message === 'rss') process.send?.({ rssMB: process.memoryUsage().rss / 2 ** 20 })
})
process.on('disconnect', () => process.exit(0))

http.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (http.address() as AddressInfo).port })
})
