import { loadAsBrowser } from './page-load'
import { epochNow } from './stats'
import type { VirtualTablet } from './virtual-tablet'

/**
 * 报到 as it comes in the hall: tablets arriving one by one over a while, each loading the
 * tablet page as a browser does before it joins (the check-in burst of issue 31, item 4).
 */
export interface ArrivalPlan {
  /** The first may arrive at this moment (epoch ms); each arrives at random within `overS`. */
  startAt: number
  overS: number
  /** The page's waves (page-load.ts) fetched from the tablet's own URL before it joins; null:
   * it joins at once. */
  waves: string[][] | null
}

/** What one tablet's arrival took: when it came, when the page was in, and its bytes. */
export interface ArrivalRecord {
  arrivedAt: number | null
  loadedAt: number | null
  pageBytes: number
  /** Loads of the page it took (a failed one is tried again after a second, as a reload). */
  pageLoads: number
}

export const noArrival: ArrivalRecord = {
  arrivedAt: null,
  loadedAt: null,
  pageBytes: 0,
  pageLoads: 0,
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

/**
 * One tablet arriving: at its moment it loads the page from `url` as a browser does (again a
 * second after a failure, as a deputy reloads), then joins with its credential. Fills `record`
 * as it goes; `stopped` ends it early (the rehearsal is closing).
 */
export async function arrive(
  tablet: VirtualTablet,
  url: string,
  plan: ArrivalPlan,
  record: ArrivalRecord,
  stopped: () => boolean,
  random = Math.random,
): Promise<void> {
  const at = plan.startAt + random() * plan.overS * 1000
  // A timer may fire a fraction of a millisecond early.
  while (epochNow() < at) await sleep(at - epochNow())
  if (stopped()) return
  record.arrivedAt = epochNow()
  while (plan.waves && !stopped()) {
    record.pageLoads += 1
    try {
      record.pageBytes += await loadAsBrowser(url, plan.waves)
      break
    } catch {
      await sleep(1000)
    }
  }
  record.loadedAt = epochNow()
  tablet.join()
}
