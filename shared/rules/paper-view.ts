import type {
  PaperBatchView,
  PaperCount,
  PaperCountView,
  PaperSummary,
} from '../protocol/paper-count.schema'
import type { PaperHall, PaperWork, WorkBatch } from './paper-count'
import {
  batchState,
  differingPlaces,
  entriesOf,
  mergedOf,
  pendingOf,
  roomLeft,
} from './paper-count'

/**
 * The paper count as every console sees it: the figures, each batch's entries by who and how far
 * (never what they say: the second 计票人 must not see the first's), and, for a batch whose two
 * entries differ, the papers at those places side by side for the 监票人 to look up.
 */
export function paperCountView(
  record: PaperCount,
  work: PaperWork,
  hall: Pick<PaperHall, 'toCount'> & { tablet: number },
): PaperCountView {
  return {
    scope: record.scope,
    startedAt: record.startedAt,
    toCount: hall.toCount,
    tablet: hall.tablet,
    issued: work.issued,
    returned: work.returned,
    merged: mergedOf(work),
    spoiled: work.batches.reduce((n, b) => n + (b.merged?.spoiled ?? 0), 0),
    pending: pendingOf(work),
    left: roomLeft(work, { ...hall, tellers: [], scrutineers: [] }),
    batches: [...work.batches].sort((a, b) => a.no - b.no).map(batchView),
  }
}

function batchView(batch: WorkBatch): PaperBatchView {
  const state = batchState(batch)
  const pair = state === 'mismatch' ? entriesOf(batch) : null
  return {
    no: batch.no,
    size: batch.size,
    state,
    entries: batch.entries.map((e) => ({
      slot: e.slot,
      teller: e.teller,
      device: e.device,
      entered: batch.merged ? batch.size : e.ballots.length,
      finished: e.finished,
    })),
    differences: pair
      ? differingPlaces(pair[0].ballots, pair[1].ballots).map((index) => ({
          index,
          first: pair[0].ballots[index] ?? { marks: {} },
          second: pair[1].ballots[index] ?? { marks: {} },
        }))
      : [],
    resolvedBy: batch.merged?.resolvedBy ?? null,
    resolved: batch.merged?.resolved ?? 0,
    spoiled: batch.merged?.spoiled ?? 0,
  }
}

/** The figures a report prints, at the close: the work is complete then (closeRefusal). */
export function paperSummary(work: PaperWork, tablet: number): PaperSummary {
  return {
    tablet,
    issued: work.issued ?? 0,
    returned: work.returned ?? 0,
    counted: mergedOf(work),
    spoiled: work.batches.reduce((n, b) => n + (b.merged?.spoiled ?? 0), 0),
    batches: work.batches.filter((b) => b.merged).length,
  }
}
