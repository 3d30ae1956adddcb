/**
 * `npm run -s bench:crash -- --runs N [--deputies D] [--spread MS] [--json]`
 *
 * A real host process, D simulated tablets voting, kill -9 at a random moment, restart, the
 * tablets resend what was never acknowledged. Then the host's ballot box is compared with what
 * the tablets were told was stored: `lost` counts acknowledged ballots missing, `doubleCounted`
 * ballots present more often than sent. Every run must show 0 and 0.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Result } from '../../shared/protocol/envelope'
import type { ConsoleState } from '../../shared/protocol/views'
import { defaultRules } from '../../shared/protocol/vote-rules.schema'
import { ballotKey } from '../host/store/ballot-box/ballot-box.store'
import { archivedBallots } from './sim/archive-files'
import { readCredentialsFile } from './sim/credentials-file'
import { killHard, startChildHost } from './sim/host-process'
import { randomSelectMarks, VirtualTablet } from './sim/virtual-tablet'
import { readCommandLine } from './command-line'

const { values } = readCommandLine({
  usage: 'npm run -s bench:crash -- [options]',
  about:
    'A real host killed with kill -9 while tablets vote, then restarted: every acknowledged ballot must be counted, none twice.',
  options: {
    runs: { type: 'string', value: 'N', help: 'how many kills (default 5)' },
    deputies: { type: 'string', value: 'D', help: 'virtual tablets (default 300)' },
    spread: {
      type: 'string',
      value: 'MS',
      help: 'milliseconds the ballots are spread over (default 2000)',
    },
    json: { type: 'boolean', help: 'the totals as one JSON line' },
  },
})
const runs = Number(values.runs ?? 5)
const deputies = Number(values.deputies ?? 300)
const spreadMs = Number(values.spread ?? 2000)

interface RunOutcome {
  acked: number
  lost: number
  doubleCounted: number
  killedAtMs: number
}

const until = async (check: () => boolean, timeoutMs: number, what: string) => {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function run(index: number): Promise<RunOutcome> {
  const dataDir = await mkdtemp(join(tmpdir(), `plenary-crash-${index}-`))
  const staffToken = `bench-${index}-${Math.random().toString(36).slice(2)}`
  let host = await startChildHost({ dataDir, port: 0, staffToken, demo: deputies })
  const port = host.port
  const url = `http://127.0.0.1:${port}`
  const creds = { deputies: await readCredentialsFile(join(dataDir, 'credentials.csv')) }
  const console_ = io(`${url}/console`, {
    auth: { token: staffToken },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
  })
  let state: ConsoleState | null = null
  console_.on('console:state', (s: ConsoleState) => (state = s))
  const tablets = creds.deputies.map(
    (d) =>
      new VirtualTablet({
        url,
        credential: d.credential,
        choose: (vote) => randomSelectMarks(vote),
        delayMs: Math.random() * spreadMs,
        resendAfterAck: false,
      }),
  )
  try {
    await until(
      () => (state as ConsoleState | null)?.attendance.present === deputies,
      30_000,
      'check-in',
    )
    const request = async <T>(event: string, input: unknown) => {
      const r = (await console_.timeout(10_000).emitWithAck(event, input)) as Result<T>
      if (!r.ok) throw new Error(`${event}: ${JSON.stringify(r.error)}`)
      return r.data
    }
    const projects = (state as ConsoleState | null)?.projects.map((p) => p.id) ?? []
    const { voteId } = await request<{ voteId: string }>('vote:create', {
      title: '崩溃恢复测试',
      rules: defaultRules('select', 10),
      candidateIds: projects,
    })
    await request('vote:open', { voteId })
    const killedAtMs = 50 + Math.random() * spreadMs
    await new Promise((r) => setTimeout(r, killedAtMs))
    await killHard(host.child)
    host = await startChildHost({ dataDir, port, staffToken })
    await until(() => tablets.every((t) => t.acked), 60_000, 'every tablet acknowledged')
    await until(() => console_.connected, 10_000, 'console reconnect')
    await request('vote:close', { voteId })

    const box = { ballots: await archivedBallots(dataDir, voteId) }
    const stored = new Map<string, number>()
    for (const b of box.ballots) stored.set(ballotKey(b as never), b.count)
    const sent = new Map<string, number>()
    for (const t of tablets) {
      if (!t.ballot) continue
      const key = ballotKey({ marks: t.ballot.marks })
      sent.set(key, (sent.get(key) ?? 0) + 1)
    }
    let lost = 0
    let doubleCounted = 0
    for (const key of new Set([...stored.keys(), ...sent.keys()])) {
      const s = stored.get(key) ?? 0
      const e = sent.get(key) ?? 0
      if (s < e) lost += e - s
      if (s > e) doubleCounted += s - e
    }
    return {
      acked: tablets.filter((t) => t.acked).length,
      lost,
      doubleCounted,
      killedAtMs: Math.round(killedAtMs),
    }
  } finally {
    for (const t of tablets) t.close()
    console_.disconnect()
    await killHard(host.child)
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}.keys`, { recursive: true, force: true })
  }
}

const totals = { runs: 0, acked: 0, lost: 0, doubleCounted: 0 }
for (let i = 1; i <= runs; i++) {
  const outcome = await run(i)
  totals.runs += 1
  totals.acked += outcome.acked
  totals.lost += outcome.lost
  totals.doubleCounted += outcome.doubleCounted
  const line = `run ${i}/${runs}: killed at ${outcome.killedAtMs} ms, acked ${outcome.acked}, lost ${outcome.lost}, double-counted ${outcome.doubleCounted}`
  if (values.json) process.stderr.write(line + '\n')
  else console.log(line)
}
if (values.json) console.log(JSON.stringify(totals))
else
  console.log(
    `${totals.runs} runs, ${totals.acked} ballots acknowledged, lost ${totals.lost}, double-counted ${totals.doubleCounted}`,
  )
process.exit(totals.lost === 0 && totals.doubleCounted === 0 ? 0 : 1)
