/**
 * The versions of the JSON files a data folder keeps (library.json, duty.json, each meeting's
 * meeting.json and year.json), and the steps that bring a file an older host wrote up to the
 * version this host writes. A file is upgraded as it is read (durable-json-file.ts), before it is checked
 * (verify-meeting.ts): the rest of the host only ever sees the current shape, and the file is
 * written in it at its next change. (A sealed ballot box carries its own version, which
 * ../ballot-box/sealed-box.ts upgrades as the box is opened.)
 *
 * To change a file's shape: raise its version here, add the step from the one before, and
 * commit a data folder written by the release before the change under fixtures/ (make-data.ts);
 * release-data.test.ts opens each such folder, votes in it and recounts.
 */

import { createHash } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../../../shared/protocol/join-code'

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
 * A join code made from a credential: SHA-256 of it, bytes below 248 taken modulo 31, as
 * newJoinCode draws random ones. As hard to guess as a random code (the credential holds 132
 * random bits), and no use to whoever has the credential, which logs in anyway.
 */
export function joinCodeFromCredential(credential: string): string {
  const n = JOIN_CODE_ALPHABET.length
  let code = ''
  for (let round = 0; code.length < JOIN_CODE_LENGTH; round++) {
    const digest = createHash('sha256').update(`plenary-vote join code ${round}:${credential}`)
    for (const byte of digest.digest()) {
      if (byte < 256 - (256 % n) && code.length < JOIN_CODE_LENGTH)
        code += JOIN_CODE_ALPHABET[byte % n]
    }
  }
  return code
}

/**
 * meeting.json.
 * 1 → 2 (2027-01): every deputy's card has a typed join code; a deputy of a version 1 file gets
 * one derived from the card's credential (joinCodeFromCredential), so the step stays pure and
 * every upgrade of the same file agrees.
 * 2 → 3 (2027-01): the meeting has its details (届次/会次, date, venue, presiding officer), blank
 * for a meeting made before they were asked, and is a rehearsal (演练) or not: it was not.
 * 3 → 4 (2026-12): the meeting keeps citizens' proposals (征集建议), none yet, and each project
 * its planned completion (计划完成时间), not given.
 * 4 → 5 (2026-12): the meeting records its scrutineers (总监票人, 监票人, 计票人) and their
 * approval: none were recorded, nor approved.
 * 5 → 6 (2027-02): a vote says whether it was counted from paper (`paper`, the paper count of
 * issue 24): none was (the single paper entry for a failed tablet before it is not one).
 */
export const meetingVersions = {
  current: 6,
  steps: {
    1: (data) => ({
      ...data,
      deputies: Array.isArray(data.deputies)
        ? data.deputies.map((d: unknown) =>
            isRecord(d) && typeof d.credential === 'string' && typeof d.joinCode !== 'string'
              ? { ...d, joinCode: joinCodeFromCredential(d.credential) }
              : d,
          )
        : data.deputies,
    }),
    2: (data) =>
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
    3: (data) => ({
      ...data,
      projects: Array.isArray(data.projects)
        ? data.projects.map((p: unknown) => (isRecord(p) ? { completion: '', ...p } : p))
        : data.projects,
      proposals: Array.isArray(data.proposals) ? data.proposals : [],
    }),
    4: (data) =>
      isRecord(data.meeting)
        ? { ...data, meeting: { ...data.meeting, scrutineers: { members: [], approvedAt: null } } }
        : { ...data },
    5: (data) => ({
      ...data,
      votes: Array.isArray(data.votes)
        ? data.votes.map((v: unknown) => (isRecord(v) ? { ...v, paper: null } : v))
        : data.votes,
    }),
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
 * year.json: a meeting's year after its vote (查单) and the ratings made from a previous one (验单).
 * 1 (2027-02): the first version. Kept apart from meeting.json, so the year and the meeting
 * change shape each on its own.
 * 1 → 2 (2027-02): progress lists imported for a rating (`imported`, none yet); a rating's link
 * says whether it came from one (`fromImportId`: it did not) and each item whether the project
 * was late when the rating was made (`late`: not known then, so none).
 */
export const yearVersions = {
  current: 2,
  steps: {
    1: (data) => ({
      ...data,
      imported: [],
      ratings: Array.isArray(data.ratings)
        ? data.ratings.map((r: unknown) =>
            isRecord(r)
              ? {
                  ...r,
                  fromImportId: null,
                  items: Array.isArray(r.items)
                    ? r.items.map((i: unknown) => (isRecord(i) ? { ...i, late: [] } : i))
                    : r.items,
                }
              : r,
          )
        : data.ratings,
    }),
  },
} as const satisfies DataVersions

/**
 * duty.json: the data folder's 代表履职 (a deputy's record across its meetings): the staff's
 * decisions on who is who across meetings, and the points rule.
 * 1 (2027-03): the first version.
 */
export const dutyVersions = {
  current: 1,
  steps: {},
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
export const upgradeYear = (data: unknown): unknown => upgrade(yearVersions, data)
export const upgradeDuty = (data: unknown): unknown => upgrade(dutyVersions, data)
