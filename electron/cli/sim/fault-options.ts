import type { FaultPlan } from './fault-proxy'

/**
 * The bad-network options `npm run simulate` and `npm run bench` share: with any of them the
 * tablets go through the fault proxy (fault-proxy.ts) in three lanes.
 */
export const faultOptions = {
  latency: {
    type: 'string',
    value: 'A-B',
    help: 'through a fault proxy: each piece of data delayed A to B ms (e.g. 50-300)',
  },
  drops: {
    type: 'string',
    value: 'N',
    help: 'through a fault proxy: each connection reset at random, N times a minute on average',
  },
  bandwidth: {
    type: 'string',
    value: 'MBIT',
    help: 'through a fault proxy: every tablet shares MBIT megabits per second (e.g. 300)',
  },
  'cut-third': {
    type: 'string',
    value: 'S',
    help: 'through a fault proxy: a third of the tablets cut off (silently) for S s, 1 s into the vote',
  },
  'cut-kind': {
    type: 'string',
    value: 'KIND',
    help: "the cut third: 'silent' (what was sent arrives once back; default) or 'lost' (their connections never carry again)",
  },
} as const

export interface FaultSetup {
  plan: FaultPlan
  /** Seconds a third of the tablets are cut off, 1 s after the vote opens; 0 for none. */
  cutThirdS: number
  /** How (fault-proxy.ts): held and delivered once back, or lost for good. */
  cutKind: CutKind
}

export type CutKind = 'silent' | 'lost'

type Given = Partial<Record<keyof typeof faultOptions, string>>

/** The setup asked for, null when no fault option was given; throws a one-line message. */
export function faultSetupFrom(given: Given): FaultSetup | null {
  if (Object.values(given).every((v) => v === undefined)) return null
  const plan: FaultPlan = {}
  if (given.latency !== undefined) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(given.latency)
    const [min, max] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN]
    if (!(min <= max && max <= 60_000))
      throw new Error(
        '--latency 需要毫秒范围，如 50-300 / --latency takes a range of ms, e.g. 50-300',
      )
    plan.latencyMs = [min, max]
  }
  if (given.drops !== undefined) {
    const n = Number(given.drops)
    if (!(n >= 0 && n <= 600))
      throw new Error('--drops 需要 0 到 600 之间的数 / --drops takes 0..600 a minute')
    plan.dropsPerMinute = n
  }
  if (given.bandwidth !== undefined) {
    const mbit = Number(given.bandwidth)
    if (!(mbit > 0 && mbit <= 100_000))
      throw new Error(
        '--bandwidth 需要正数（兆比特每秒）/ --bandwidth takes megabits per second > 0',
      )
    plan.bandwidthBytesPerS = (mbit * 1_000_000) / 8
  }
  const cutThirdS = given['cut-third'] === undefined ? 0 : Number(given['cut-third'])
  if (!(cutThirdS >= 0 && cutThirdS <= 600))
    throw new Error('--cut-third 需要 0 到 600 秒 / --cut-third takes 0..600 seconds')
  const cutKind = given['cut-kind'] ?? 'silent'
  if (cutKind !== 'silent' && cutKind !== 'lost')
    throw new Error('--cut-kind 只能是 silent 或 lost / --cut-kind takes silent or lost')
  return { plan, cutThirdS, cutKind }
}

/** One line saying what the network does, for the logs and the bench's row. */
export function describeFaults({ plan, cutThirdS, cutKind }: FaultSetup): string {
  const parts: string[] = []
  if (plan.latencyMs) parts.push(`latency ${plan.latencyMs[0]}–${plan.latencyMs[1]} ms`)
  if (plan.dropsPerMinute) parts.push(`drops ${plan.dropsPerMinute}/min per connection`)
  if (plan.bandwidthBytesPerS)
    parts.push(`${Math.round((plan.bandwidthBytesPerS * 8) / 1e6)} Mbit/s shared`)
  if (cutThirdS)
    parts.push(`a third cut for ${cutThirdS} s${cutKind === 'lost' ? ' (connections lost)' : ''}`)
  return parts.join(', ') || 'a clean proxy'
}
