import type { BallotBox, BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { Mark, VoteKind } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { readBallotBox, tally } from '../../../shared/rules'
import { mulberry32 } from '../../host/demo/seeded-random'
import { meetingSuites, storeSuites } from './store-suites'
import type { Report, Suite } from './suite'
import { measure } from './suite'
import type { ProjectId } from '../../../shared/protocol/ids'

/**
 * Timings of the tally hot paths (`npm run bench -- --only tally`), and the list of every suite,
 * with the ballot box's and meeting.json's group commits (store-suites.ts). To add a benchmark,
 * append a Suite (suite.ts) to `suites`.
 */

const ENTRIES = 100_000
const CANDIDATES = 20
const SEATS = 10

/**
 * ENTRIES distinct ballot entries (as the host stores a multiset, identical ballots would be one
 * entry), so the tally really walks ~100k entries × up to 20 marks.
 */
function makeBox(kind: Extract<VoteKind, 'select' | 'per-item'>, seed: number): BallotBox {
  const rnd = mulberry32(seed)
  const ids = Array.from({ length: CANDIDATES }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
  const pick = (marks: readonly Mark[]) => marks[Math.floor(rnd() * marks.length)]!
  const seen = new Set<string>()
  const ballots: BallotEntry[] = []
  while (ballots.length < ENTRIES) {
    const marks: Record<string, Mark> = {}
    for (const id of ids) {
      if (kind === 'select' && rnd() < 0.45) marks[id] = 'for'
      if (kind === 'per-item' && rnd() < 0.9) marks[id] = pick(['for', 'for', 'against', 'abstain'])
    }
    const key = Object.keys(marks).join() + Object.values(marks).join()
    if (seen.has(key)) continue
    seen.add(key)
    ballots.push({
      count: 1 + Math.floor(rnd() * 3),
      marks,
      ...(rnd() < 0.001 ? { spoiled: true } : {}),
    })
  }
  const cast = ballots.reduce((sum, b) => sum + b.count, 0)
  return {
    format: 'plenary-vote.ballot-box/1',
    vote: {
      ...defaultRules(kind, SEATS),
      ...(kind === 'per-item' ? { maxFor: SEATS } : {}),
      title: `bench ${kind}`,
      candidates: ids.map((id) => ({ id: id as ProjectId, title: id })),
    },
    attendance: { roster: cast + 1000, present: cast, issued: cast },
    ballots,
  }
}

const scale = `${ENTRIES.toLocaleString('en')} entries × ${CANDIDATES} candidates`

export const suites: Suite[] = [
  {
    name: 'tally:select',
    describe: `tally, select ${SEATS} of ${CANDIDATES}, ${scale}`,
    prepare() {
      const box = makeBox('select', 1)
      return () => tally(box)
    },
  },
  {
    name: 'tally:per-item',
    describe: `tally, per-item for/against/abstain, ${scale}`,
    prepare() {
      const box = makeBox('per-item', 2)
      return () => tally(box)
    },
  },
  {
    name: 'read:ballot-box',
    describe: `JSON.parse + readBallotBox (what the tally command adds), select, ${scale}`,
    prepare() {
      const text = JSON.stringify(makeBox('select', 1))
      return () => {
        const read = readBallotBox(JSON.parse(text))
        if (!read.ok) throw new Error(read.problems.join('\n'))
        return read
      }
    },
  },
  ...storeSuites,
  ...meetingSuites,
]

export function selected(only: readonly string[]): Suite[] {
  if (only.length === 0) return suites
  const wanted = only.flatMap((o) => o.split(',')).filter(Boolean)
  const chosen = suites.filter((s) =>
    wanted.some((w) => s.name === w || s.name.split(':')[0] === w),
  )
  const unknown = wanted.filter(
    (w) => !chosen.some((s) => s.name === w || s.name.startsWith(`${w}:`)),
  )
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')} (see --list)`)
  return chosen
}

/** Runs the chosen suites, one line each on `print`. */
export function runSuites(
  only: readonly string[],
  runs: number,
  print: (line: string) => void,
): Report[] {
  return selected(only).map((suite) => {
    const r = measure(suite, runs)
    print(
      `${r.name.padEnd(16)} median ${r.medianMs.toFixed(1).padStart(7)} ms` +
        `  (min ${r.minMs.toFixed(1)}, max ${r.maxMs.toFixed(1)}, ${r.runs} runs)  ${r.describe}`,
    )
    return r
  })
}
