import { join } from 'node:path'
import type { QuorumRule } from '../../../../shared/protocol/attendance.schema'
import type { Deputy, Meeting, Project } from '../../../../shared/protocol/meeting.schema'
import type { VoteDef } from '../../../../shared/protocol/vote.schema'
import type { ScreenStage } from '../../../../shared/protocol/views'
import type { Proposal } from '../../../../shared/year/proposals'
import { meetingVersions, upgradeMeetingData } from './data-versions'
import { DurableJsonFile } from './durable-json-file'
import type { Recovery } from './durable-json-file'
import { MeetingText } from './meeting-text'
import { verifyMeetingData } from './verify-meeting'
import type { DeputyId, VoteId } from '../../../../shared/protocol/ids'

export interface MeetingData {
  version: typeof meetingVersions.current
  meeting: Meeting | null
  deputies: Deputy[]
  projects: Project[]
  votes: VoteDef[]
  /**
   * Citizens' proposals (征集建议) and the project each is grouped under. Replaced whole at every
   * change, never changed in place: the console is sent the list again when it is a new array.
   */
  proposals: Proposal[]
  screen: { stage: ScreenStage; voteId: VoteId | null }
  /** Absent in files written before quorums were configurable: then the default applies. */
  quorum?: QuorumRule
}

export function emptyMeetingData(): MeetingData {
  return {
    version: meetingVersions.current,
    meeting: null,
    deputies: [],
    projects: [],
    votes: [],
    proposals: [],
    screen: { stage: 'welcome', voteId: null },
  }
}

/**
 * The meeting as a change that leaves the roster be sees it: the roster is read-only, so
 * TypeScript refuses a change to it there, and the roster's cached JSON stays true.
 */
export type AgendaData = Omit<MeetingData, 'deputies'> & {
  readonly deputies: readonly Readonly<Deputy>[]
}

/** A deputy as `updateDeputies` hands it over: all but what the index finds it by. */
export type DeputyEdit = Omit<Deputy, 'id' | 'credential' | 'joinCode'> &
  Readonly<Pick<Deputy, 'id' | 'credential' | 'joinCode'>>

/**
 * The meeting: roster, projects, agenda and screen stage, rewritten whole on every change;
 * ballots live apart (../ballot-box/) so voting never rewrites it. Most of the file is the
 * roster, so each change says what it may touch: `update` anything, `updateAgenda` all but the
 * roster, `updateDeputies` some deputies in place; the roster's JSON is reused where it could
 * not have changed (meeting-text.ts).
 */
export class MeetingStore {
  readonly #file: DurableJsonFile<MeetingData>
  readonly #data: MeetingData
  readonly #text = new MeetingText()
  /** Files found broken at load, set aside and replaced by their last good copy. */
  readonly recoveries: readonly Recovery[]
  /** Positions in the roster by id, credential and join code, rebuilt after a roster change: a
   * tablet's handshake, check-in and every ballot look a deputy up, and a linear search of 5,000
   * per call adds up. */
  #index: {
    byId: Map<string, number>
    byCredential: Map<string, number>
    byJoinCode: Map<string, number>
  } | null = null
  #rosterVersion = nextRosterVersion()

  private constructor(file: DurableJsonFile<MeetingData>, data: MeetingData) {
    this.#file = file
    this.#data = data
    this.recoveries = file.recoveries
  }

  /** Not through lowdb's Low: the store writes its own text, Low would stringify an object. */
  static async open(dataDir: string): Promise<MeetingStore> {
    const file = new DurableJsonFile<MeetingData>(
      join(dataDir, 'meeting.json'),
      verifyMeetingData,
      upgradeMeetingData,
    )
    return new MeetingStore(file, (await file.read()) ?? emptyMeetingData())
  }

  /**
   * Another meeting's data, only to read (to duplicate it, or a year's look back): read from
   * its meeting.json, or its last good copy if that one is broken, and let go. Nothing is
   * written, no file stays open, no ballot box is loaded; a broken file stays for that
   * meeting's own open to set aside and report.
   */
  static async readOnly(dataDir: string): Promise<Readonly<AgendaData>> {
    // Upgraded as the open meeting's is: last year's file may be of an older version.
    const file = new DurableJsonFile<MeetingData>(
      join(dataDir, 'meeting.json'),
      verifyMeetingData,
      upgradeMeetingData,
    )
    return (await file.peek()) ?? emptyMeetingData()
  }

  get data(): Readonly<AgendaData> {
    return this.#data
  }

  /**
   * Changes whenever a deputy may have changed (added, edited, checked in), and differs between
   * any two stores: what was last sent of the roster is still current while this is the same.
   */
  get rosterVersion(): number {
    return this.#rosterVersion
  }

  deputy(id: DeputyId): Readonly<Deputy> | undefined {
    return this.#at(this.#deputies().byId.get(id))
  }

  deputyByCredential(credential: string): Readonly<Deputy> | undefined {
    return this.#at(this.#deputies().byCredential.get(credential))
  }

  /** The deputy whose card carries this join code (as stored: 12 characters, no dashes). */
  deputyByJoinCode(joinCode: string): Readonly<Deputy> | undefined {
    return this.#at(this.#deputies().byJoinCode.get(joinCode))
  }

  /**
   * Applies a change that may touch anything, the roster included, and resolves once it is on
   * disk. The roster's JSON and index are made again.
   */
  async update(change: (data: MeetingData) => void): Promise<void> {
    this.#index = null
    try {
      change(this.#data)
    } finally {
      this.#index = null
      this.#text.rosterChanged()
      this.#rosterVersion = nextRosterVersion()
    }
    await this.#write()
  }

  /**
   * Applies a change that leaves the roster be (votes, the screen, the quorum, projects) and
   * resolves once it is on disk: the write reuses the roster's bytes.
   */
  async updateAgenda(change: (data: AgendaData) => void): Promise<void> {
    change(this.#data)
    await this.#write()
  }

  /**
   * Applies a change to one vote (and to anything but the roster beside it: the screen) and
   * resolves once it is on disk. A vote gone meanwhile is left be and nothing is written.
   */
  async updateVote(
    voteId: VoteId,
    change: (vote: VoteDef, data: AgendaData) => void,
  ): Promise<void> {
    const vote = this.#data.votes.find((v) => v.id === voteId)
    if (!vote) return
    change(vote, this.#data)
    await this.#write()
  }

  /**
   * Applies a change to these deputies in place (attendance), and to anything but the roster
   * otherwise, and resolves once it is on disk: only their part of the roster's JSON is made
   * again, and the index stays. They come in roster order, each once; ids not in it are left out.
   */
  async updateDeputies(
    ids: readonly DeputyId[],
    change: (data: AgendaData, deputies: DeputyEdit[]) => void,
  ): Promise<void> {
    const { byId } = this.#deputies()
    const positions = [...new Set(ids.flatMap((id) => byId.get(id) ?? []))].sort((a, b) => a - b)
    try {
      change(
        this.#data,
        positions.map((i) => this.#data.deputies[i]!),
      )
    } finally {
      for (const i of positions) this.#text.deputyChanged(i)
      this.#rosterVersion = nextRosterVersion()
    }
    await this.#write()
  }

  /** Once the writes asked for are on disk, lets go of the file's folder. */
  close(): Promise<void> {
    return this.#file.close()
  }

  #write(): Promise<void> {
    return this.#file.writeJson(() => this.#text.chunks(this.#data))
  }

  #at(position: number | undefined): Readonly<Deputy> | undefined {
    return position === undefined ? undefined : this.#data.deputies[position]
  }

  #deputies() {
    if (!this.#index) {
      const { deputies } = this.#data
      this.#index = {
        byId: new Map(deputies.map((d, i) => [d.id, i])),
        byCredential: new Map(deputies.map((d, i) => [d.credential, i])),
        byJoinCode: joinCodeIndex(deputies),
      }
    }
    return this.#index
  }
}

/**
 * Join codes to roster positions. A code two deputies share (new codes are drawn apart, so only
 * a file edited by hand could hold one) names neither: it must never log in the wrong deputy.
 */
function joinCodeIndex(deputies: readonly Readonly<Deputy>[]): Map<string, number> {
  const index = new Map<string, number>()
  const shared = new Set<string>()
  deputies.forEach((d, i) => {
    if (index.has(d.joinCode)) shared.add(d.joinCode)
    index.set(d.joinCode, i)
  })
  for (const code of shared) index.delete(code)
  return index
}

/** Roster versions are unique across stores: a meeting switched to never repeats the last one. */
let rosterVersions = 0
function nextRosterVersion(): number {
  rosterVersions += 1
  return rosterVersions
}
