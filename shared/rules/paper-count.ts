import type { PaperBallot, PaperSlot } from '../protocol/paper-count.schema'

/**
 * The paper count's double entry as pure steps `(work, input, hall) → work | refusal`: what the
 * host keeps while a vote is counted from paper, and every check on it. The host persists what
 * a step returns (under the vote's key), then merges into the ballot box what a step says is
 * agreed. The papers typed stay in the work until the box is sealed, so a merge cut short by a
 * crash is made again from them at the next start (the box, holding a batch or not, is what
 * says whether it was merged). README: The paper count.
 */

/** One entry of a batch: a 计票人 on one device, the papers in the order of the stack. */
export interface WorkEntry {
  slot: PaperSlot
  teller: string
  device: string
  finished: boolean
  ballots: PaperBallot[]
}

/** A 监票人's entry of the papers at the places the two entries differed on. */
export interface Resolution {
  scrutineer: string
  ballots: { index: number; ballot: PaperBallot }[]
}

/** A batch in the box, and what the report and the console say of it. */
export interface MergedBatch {
  spoiled: number
  /** The 监票人 who entered the places the two entries differed on; null when they agreed. */
  resolvedBy: string | null
  resolved: number
}

export interface WorkBatch {
  no: number
  size: number
  entries: WorkEntry[]
  resolution: Resolution | null
  /** Set once the box holds the batch (the box is what says so at a start). */
  merged: MergedBatch | null
}

/** A vote's paper count in progress: 发出/收回 as recorded, and the batches. */
export interface PaperWork {
  issued: number | null
  returned: number | null
  batches: WorkBatch[]
}

export const emptyPaperWork = (): PaperWork => ({ issued: null, returned: null, batches: [] })

/** What the steps check against, from the meeting and the box. */
export interface PaperHall {
  /** Deputies to count from paper: the vote's 发出 less the ballots in the box from tablets. */
  toCount: number
  /** The recorded 计票人, who enter. */
  tellers: readonly string[]
  /** The recorded 总监票人 and 监票人, who resolve a mismatch. */
  scrutineers: readonly string[]
}

export type PaperProblem =
  | 'on'
  | 'off'
  | 'not-teller'
  | 'not-scrutineer'
  | 'over-count'
  | 'size-differs'
  | 'batch-full'
  | 'batch-merged'
  | 'slot-held'
  | 'same-teller'
  | 'same-device'
  | 'no-entry'
  | 'entry-finished'
  | 'entry-gap'
  | 'past-size'
  | 'entry-short'
  | 'no-mismatch'
  | 'resolve-places'
  | 'issued-over'
  | 'returned-over'
  | 'returned-under'
  | 'tallies-missing'
  | 'incomplete'

/** Why a step is refused, and the figures its message names (i18n `error.paper-count.*`). */
export interface PaperRefusal {
  reason: PaperProblem
  params: Record<string, string | number>
}

export type Step<T> = { ok: true; work: PaperWork; value: T } | { ok: false; refusal: PaperRefusal }

const refuse = <T>(reason: PaperProblem, params: PaperRefusal['params'] = {}): Step<T> => ({
  ok: false,
  refusal: { reason, params },
})

/** A paper of the stack as both entries say it: the same marks on the same items, or both 作废. */
export function sameBallot(a: PaperBallot, b: PaperBallot): boolean {
  if ((a.spoiled === true) !== (b.spoiled === true)) return false
  const keys = Object.keys(a.marks)
  if (keys.length !== Object.keys(b.marks).length) return false
  return keys.every((id) => Object.hasOwn(b.marks, id) && b.marks[id] === a.marks[id])
}

/** The places (0-based) at which two finished entries of a batch differ. */
export function differingPlaces(first: readonly PaperBallot[], second: readonly PaperBallot[]) {
  const places: number[] = []
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const a = first[i]
    const b = second[i]
    if (!a || !b || !sameBallot(a, b)) places.push(i)
  }
  return places
}

export type BatchState = 'entering' | 'mismatch' | 'merged'

export function batchState(batch: WorkBatch): BatchState {
  if (batch.merged) return 'merged'
  const pair = entriesOf(batch)
  if (pair && !batch.resolution && differingPlaces(pair[0].ballots, pair[1].ballots).length > 0)
    return 'mismatch'
  return 'entering'
}

/**
 * The batch as it goes into the box: both entries finished and agreeing, or their differences
 * entered by a 监票人; null while it is not that far.
 */
export function agreedBallots(batch: WorkBatch): PaperBallot[] | null {
  const pair = entriesOf(batch)
  if (!pair || !pair[0].finished || !pair[1].finished) return null
  const places = differingPlaces(pair[0].ballots, pair[1].ballots)
  if (places.length === 0) return pair[0].ballots
  if (!batch.resolution) return null
  const ballots = pair[0].ballots.slice()
  for (const { index, ballot } of batch.resolution.ballots) ballots[index] = ballot
  return ballots
}

/** What the report and the console say of a merged batch. */
export function mergedInfo(batch: WorkBatch, ballots: readonly PaperBallot[]): MergedBatch {
  return {
    spoiled: ballots.filter((b) => b.spoiled === true).length,
    resolvedBy: batch.resolution?.scrutineer ?? null,
    resolved: batch.resolution?.ballots.length ?? 0,
  }
}

/** Paper ballots merged into the box, by the work's record. */
export const mergedOf = (work: PaperWork): number =>
  work.batches.reduce((n, b) => n + (b.merged ? b.size : 0), 0)

/** Papers in batches begun and not merged, each at the size its first entry declared. */
export const pendingOf = (work: PaperWork, except?: number): number =>
  work.batches.reduce((n, b) => n + (b.merged || b.no === except ? 0 : b.size), 0)

/** How many more papers a batch may hold: 收回 once recorded (else those to count) less the rest. */
export function roomLeft(work: PaperWork, hall: PaperHall, except?: number): number {
  const bound = work.returned ?? hall.toCount
  return Math.max(0, bound - mergedOf(work) - pendingOf(work, except))
}

/** 发出 and 收回: 收回 ≤ 发出 ≤ those to count, and 收回 at least what batches already hold. */
export function recordTallies(
  work: PaperWork,
  input: { issued: number; returned: number | null },
  hall: PaperHall,
): Step<null> {
  const { issued, returned } = input
  if (issued > hall.toCount) return refuse('issued-over', { issued, toCount: hall.toCount })
  if (returned !== null && returned > issued) return refuse('returned-over', { returned, issued })
  const held = mergedOf(work) + pendingOf(work)
  if (returned !== null && returned < held) return refuse('returned-under', { returned, held })
  return { ok: true, work: { ...work, issued, returned }, value: null }
}

/**
 * A 计票人 begins an entry of batch `batch` of `size` papers: the first entry declares the size
 * (bounded by the papers left to count), the second must find the same, and no third is taken.
 * The same teller on the same device resumes their entry (a reload, a restart).
 */
export function beginEntry(
  work: PaperWork,
  input: { batch: number; size: number; teller: string; device: string },
  hall: PaperHall,
): Step<{ slot: PaperSlot; resumed: boolean }> {
  const { batch: no, size, teller, device } = input
  if (!hall.tellers.includes(teller)) return refuse('not-teller', { name: teller })
  const batch = work.batches.find((b) => b.no === no)
  if (!batch) {
    const left = roomLeft(work, hall)
    if (size > left) return refuse('over-count', { batch: no, size, left })
    const entry: WorkEntry = { slot: 1, teller, device, finished: false, ballots: [] }
    const batches = [
      ...work.batches,
      { no, size, entries: [entry], resolution: null, merged: null },
    ]
    return { ok: true, work: { ...work, batches }, value: { slot: 1, resumed: false } }
  }
  if (batch.merged) return refuse('batch-merged', { batch: no })
  const mine = batch.entries.find((e) => e.device === device)
  if (mine && mine.teller === teller)
    return { ok: true, work, value: { slot: mine.slot, resumed: true } }
  if (mine) return refuse('same-device', { batch: no, teller: mine.teller })
  if (batch.entries.some((e) => e.teller === teller))
    return refuse('same-teller', { batch: no, teller })
  const [first, second] = batch.entries
  if (first && second)
    return refuse('batch-full', { batch: no, first: first.teller, second: second.teller })
  if (size !== batch.size) return refuse('size-differs', { batch: no, size, first: batch.size })
  const slot: PaperSlot = first?.slot === 1 ? 2 : 1
  const entry: WorkEntry = { slot, teller, device, finished: false, ballots: [] }
  return {
    ok: true,
    work: withBatch(work, { ...batch, entries: [...batch.entries, entry] }),
    value: { slot, resumed: false },
  }
}

interface EntryRef {
  batch: number
  slot: PaperSlot
  device: string
}

/** The entry a device writes to: its own, begun and not merged. */
function ownEntry(
  work: PaperWork,
  ref: EntryRef,
): { batch: WorkBatch; entry: WorkEntry } | PaperRefusal {
  const batch = work.batches.find((b) => b.no === ref.batch)
  const entry = batch?.entries.find((e) => e.slot === ref.slot)
  if (!batch || !entry) return { reason: 'no-entry', params: { batch: ref.batch, slot: ref.slot } }
  if (batch.merged) return { reason: 'batch-merged', params: { batch: batch.no } }
  if (entry.device !== ref.device)
    return {
      reason: 'slot-held',
      params: { batch: batch.no, slot: entry.slot, teller: entry.teller },
    }
  return { batch, entry }
}

/** The paper at place `index` typed (again, while the entry is not finished). */
export function typeBallot(
  work: PaperWork,
  input: EntryRef & { index: number; ballot: PaperBallot },
): Step<{ entered: number }> {
  const own = ownEntry(work, input)
  if ('reason' in own) return { ok: false, refusal: own }
  const { batch, entry } = own
  if (entry.finished) return refuse('entry-finished', { batch: batch.no, slot: entry.slot })
  if (input.index >= batch.size) return refuse('past-size', { batch: batch.no, size: batch.size })
  if (input.index > entry.ballots.length)
    return refuse('entry-gap', { place: input.index + 1, entered: entry.ballots.length })
  const ballots = entry.ballots.slice()
  ballots[input.index] = input.ballot
  const next = withEntry(work, batch, { ...entry, ballots })
  return { ok: true, work: next, value: { entered: ballots.length } }
}

export type FinishOutcome =
  | { outcome: 'waiting' }
  | { outcome: 'agreed'; ballots: PaperBallot[] }
  | { outcome: 'mismatch'; places: number[] }

/**
 * The entry is finished once it holds the whole stack. With the other entry finished too, the
 * two are compared: agreed (the ballots to merge), or a mismatch at these places. A finish sent
 * again answers the same.
 */
export function finishEntry(work: PaperWork, ref: EntryRef): Step<FinishOutcome> {
  const own = ownEntry(work, ref)
  if ('reason' in own) return { ok: false, refusal: own }
  const { batch, entry } = own
  if (entry.ballots.length < batch.size)
    return refuse('entry-short', {
      batch: batch.no,
      entered: entry.ballots.length,
      size: batch.size,
    })
  const next = withEntry(work, batch, { ...entry, finished: true })
  const finished = next.batches.find((b) => b.no === batch.no)!
  const ballots = agreedBallots(finished)
  if (ballots) return { ok: true, work: next, value: { outcome: 'agreed', ballots } }
  const pair = entriesOf(finished)
  if (!pair || !pair[0].finished || !pair[1].finished)
    return { ok: true, work: next, value: { outcome: 'waiting' } }
  const places = differingPlaces(pair[0].ballots, pair[1].ballots)
  return { ok: true, work: next, value: { outcome: 'mismatch', places } }
}

/** A mismatched batch's two entries, first (slot 1) and second. */
export function entriesOf(batch: WorkBatch): [WorkEntry, WorkEntry] | null {
  const one = batch.entries.find((e) => e.slot === 1)
  const two = batch.entries.find((e) => e.slot === 2)
  return one && two ? [one, two] : null
}

/**
 * A 监票人 enters the papers at exactly the places the entries differ on, from the stack: kept
 * with the batch, and with the places they agree on, the batch to merge.
 */
export function resolveBatch(
  work: PaperWork,
  input: { batch: number; scrutineer: string; ballots: { index: number; ballot: PaperBallot }[] },
  hall: PaperHall,
): Step<{ ballots: PaperBallot[]; places: number[] }> {
  if (!hall.scrutineers.includes(input.scrutineer))
    return refuse('not-scrutineer', { name: input.scrutineer })
  const batch = work.batches.find((b) => b.no === input.batch)
  if (!batch) return refuse('no-entry', { batch: input.batch, slot: 1 })
  if (batch.merged) return refuse('batch-merged', { batch: batch.no })
  const pair = entriesOf(batch)
  if (batchState(batch) !== 'mismatch' || !pair) return refuse('no-mismatch', { batch: batch.no })
  const places = differingPlaces(pair[0].ballots, pair[1].ballots)
  const given = input.ballots.map((b) => b.index).sort((x, y) => x - y)
  const exact = given.length === places.length && given.every((p, i) => p === places[i])
  if (!exact)
    return refuse('resolve-places', {
      batch: batch.no,
      places: places.map((p) => p + 1).join('、'),
    })
  const resolution: Resolution = { scrutineer: input.scrutineer, ballots: input.ballots }
  const resolved = { ...batch, resolution }
  return {
    ok: true,
    work: withBatch(work, resolved),
    value: { ballots: agreedBallots(resolved)!, places },
  }
}

/** The batch is in the box. */
export function markMerged(work: PaperWork, no: number, merged: MergedBatch): PaperWork {
  const batch = work.batches.find((b) => b.no === no)
  return batch ? withBatch(work, { ...batch, merged }) : work
}

/** Another device takes an entry over (the first one failed): audited by the host. */
export function moveEntry(
  work: PaperWork,
  ref: { batch: number; slot: PaperSlot; device: string },
): Step<{ from: string; teller: string }> {
  const batch = work.batches.find((b) => b.no === ref.batch)
  const entry = batch?.entries.find((e) => e.slot === ref.slot)
  if (!batch || !entry) return refuse('no-entry', { batch: ref.batch, slot: ref.slot })
  if (batch.merged) return refuse('batch-merged', { batch: batch.no })
  const other = batch.entries.find((e) => e.slot !== ref.slot)
  if (other?.device === ref.device)
    return refuse('same-device', { batch: batch.no, teller: other.teller })
  if (entry.device === ref.device)
    return { ok: true, work, value: { from: ref.device, teller: entry.teller } }
  return {
    ok: true,
    work: withEntry(work, batch, { ...entry, device: ref.device }),
    value: { from: entry.device, teller: entry.teller },
  }
}

/** Whether the vote may close: 发出/收回 recorded, every batch merged, 收回 all merged. */
export function closeRefusal(work: PaperWork): PaperRefusal | null {
  if (work.issued === null || work.returned === null)
    return { reason: 'tallies-missing', params: {} }
  const merged = mergedOf(work)
  const pending = pendingOf(work)
  if (pending > 0 || merged !== work.returned)
    return { reason: 'incomplete', params: { returned: work.returned, merged, pending } }
  return null
}

function withBatch(work: PaperWork, batch: WorkBatch): PaperWork {
  return { ...work, batches: work.batches.map((b) => (b.no === batch.no ? batch : b)) }
}

function withEntry(work: PaperWork, batch: WorkBatch, entry: WorkEntry): PaperWork {
  const entries = batch.entries.map((e) => (e.slot === entry.slot ? entry : e))
  return withBatch(work, { ...batch, entries })
}
