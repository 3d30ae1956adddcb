/**
 * The versions of the JSON files a data folder keeps (library.json, each meeting's
 * meeting.json), and the steps that bring a file an older host wrote up to the version this host
 * writes. A file is upgraded as it is read (durable-json-file.ts), before it is checked
 * (verify.ts): the rest of the host only ever sees the current shape, and the file is written in
 * it at its next change. (A sealed ballot box carries its own version, which
 * ballot-box.store.ts upgrades as it opens the box.)
 *
 * To change a file's shape: raise its version here, add the step from the one before, and
 * commit a data folder written by the release before the change under fixtures/ (make-data.ts);
 * release-data.test.ts opens each such folder, votes in it and recounts.
 */

/** One step: a file of version n as parsed, to the same content as version n + 1. Pure: it
 * must not change its input, read anything else, or look at the clock. */
export type Step = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>

export interface DataVersions {
  /** The version this host writes. */
  current: number
  /** `steps[n]` upgrades version n to n + 1; the runner sets the new version. */
  steps: Readonly<Record<number, Step>>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * meeting.json.
 * 1 → 2 (2026-12): the meeting has its details (届次/会次, date, venue, presiding officer), blank
 * for a meeting made before they were asked, and is a rehearsal (演练) or not: it was not.
 */
export const meetingVersions = {
  current: 2,
  steps: {
    1: (data) =>
      isRecord(data.meeting)
        ? {
            ...data,
            meeting: {
              ...data.meeting,
              details: { session: '', date: '', venue: '', presiding: '' },
              rehearsal: false,
            },
          }
        : { ...data },
  },
} as const satisfies DataVersions

/**
 * library.json.
 * 1 → 2 (2026-12): each meeting's entry says whether it is a rehearsal (演练), so the list marks
 * it without opening every meeting: none was.
 */
export const libraryVersions = {
  current: 2,
  steps: {
    1: (data) => ({
      ...data,
      meetings: Array.isArray(data.meetings)
        ? data.meetings.map((m: unknown) => (isRecord(m) ? { ...m, rehearsal: false } : m))
        : data.meetings,
    }),
  },
} as const satisfies DataVersions

/**
 * `data` brought up to `versions.current` one step at a time; anything with no way there (not
 * an object, no whole version, a version newer than this host's or with no step) as it is, for
 * the verifier to refuse in its own words.
 */
export function upgrade(versions: DataVersions, data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data
  const from = (data as { version?: unknown }).version
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= versions.current) return data
  let upgraded = data as Record<string, unknown>
  for (let version = from; version < versions.current; version++) {
    const step = versions.steps[version]
    if (!step) return data
    upgraded = { ...step(upgraded), version: version + 1 }
  }
  return upgraded
}

export const upgradeMeetingData = (data: unknown): unknown => upgrade(meetingVersions, data)
export const upgradeLibrary = (data: unknown): unknown => upgrade(libraryVersions, data)
