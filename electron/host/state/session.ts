import { noScrutineers } from '../../../shared/protocol/scrutineers.schema'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { StaffAlert } from '../../../shared/protocol/views'
import { voteStates } from '../../../shared/rules'
import { AuditLog } from '../store/json-files/audit-log'
import { BallotBoxStore } from '../store/ballot-box/ballot-box.store'
import type { Recovery } from '../store/json-files/durable-json-file'
import type { MeetingEntry } from '../store/json-files/library.store'
import type { VoteKeyVault } from '../store/ballot-box/vote-keys'
import { MeetingStore } from '../store/json-files/meeting.store'
import { YearStore } from '../store/json-files/year.store'
import type { RatingLink } from '../../../shared/year/year.schema'
import type { PaperWork } from '../../../shared/rules/paper-count'
import type { DeputyId, MeetingId, VoteId } from '../../../shared/protocol/ids'

/** What changed, so each namespace pushes only what its viewers need. */
export type Change =
  | { type: 'meeting' }
  /** Only the projector's stage changed: tablets and the roster are not concerned. */
  | { type: 'screen' }
  /** Attendance counts changed; `deputyIds` names deputies staff changed, whose tablets are told. */
  | { type: 'attendance'; deputyIds?: DeputyId[] }
  | { type: 'turnout'; voteId: VoteId }
  /** The open vote's paper count moved (a paper typed, an entry begun): staff see it. */
  | { type: 'paper'; voteId: VoteId }
  | { type: 'deputy'; deputyId: DeputyId }
  /** Staff asked these deputies' tablets to remind them to vote. */
  | { type: 'remind'; voteId: VoteId; deputyIds: DeputyId[] }

interface SessionEvents {
  change: [Change]
}

/**
 * The host's state: the meeting store and one ballot box per vote. Services change it and
 * announce the change; namespaces listen and push views.
 */
export class Session extends EventEmitter<SessionEvents> {
  readonly dataDir: string
  /** The open ballot boxes' keys: outside the data folder (vote-keys.ts). */
  readonly keys: VoteKeyVault
  readonly meeting: MeetingStore
  readonly audit: AuditLog
  /** What the staff must be told: recovered files, a broken audit chain. */
  readonly alerts: StaffAlert[] = []
  /**
   * Deputies on leave (请假) who opened their card on a tablet, in that order, until staff
   * confirm their check-in or change their attendance. Kept in memory only: after a restart the
   * tablet reconnects and opens the card again.
   */
  readonly leaveCardsOpened = new Set<DeputyId>()
  /**
   * The meeting's ratings made from a previous year (year.json), as they stand: the tablets'
   * progress beside a rating's choices and the screen's progress stage are read from them as
   * every other view is, at once. Read at open; the year service keeps it current.
   */
  ratings: readonly RatingLink[] = []
  /**
   * The open vote's paper count as it stands (shared/rules/paper-count.ts), taken up from its
   * box at the start (services/paper-count.service.ts); kept on disk only under the vote's key.
   */
  readonly paperWork = new Map<VoteId, PaperWork>()
  readonly #boxes = new Map<VoteId, BallotBoxStore>()

  private constructor(dataDir: string, keys: VoteKeyVault, meeting: MeetingStore, audit: AuditLog) {
    super()
    this.dataDir = dataDir
    this.keys = keys
    this.meeting = meeting
    this.audit = audit
  }

  /**
   * Loads and verifies the data folder, and resumes an open vote. With `boxes: false`, for a
   * change to a meeting that is not the open one (its title), no ballot box is loaded: no tablet
   * votes in it, and loading a box may repair it, which that meeting's own open does and reports.
   */
  static async open(
    dataDir: string,
    keys: VoteKeyVault,
    entry?: MeetingEntry,
    { boxes = true }: { boxes?: boolean } = {},
  ): Promise<Session> {
    const { log, verification } = await AuditLog.open(join(dataDir, 'audit.jsonl'))
    const session = new Session(dataDir, keys, await MeetingStore.open(dataDir), log)
    if (entry && !session.meeting.data.meeting) {
      await session.meeting.updateAgenda((data) => {
        data.meeting = {
          id: entry.id,
          title: entry.title,
          createdAt: entry.createdAt,
          details: { ...emptyMeetingDetails },
          rehearsal: entry.rehearsal,
          scrutineers: noScrutineers(),
        }
      })
      await log.append('meeting.created', {
        meetingId: entry.id,
        title: entry.title,
        rehearsal: entry.rehearsal,
      })
    }
    if (!verification.ok) {
      session.alerts.push({
        level: 'error',
        code: 'audit-chain-broken',
        detail: verification.problems.slice(0, 5).join('; '),
      })
      await log.append('audit.chain-broken', { problems: verification.problems.slice(0, 20) })
    }
    await session.#reportRecoveries(session.meeting.recoveries)
    if (!boxes) return session
    session.ratings = (await YearStore.readOnly(dataDir).catch(() => null))?.ratings ?? []
    // Resume: the ballot box of an open vote is loaded before any tablet can send.
    for (const vote of session.meeting.data.votes) {
      if (voteStates[vote.status].hasBox) await session.box(vote.id)
    }
    if (session.openVote()) await log.append('host.resumed', { voteId: session.openVote()?.id })
    return session
  }

  async box(voteId: VoteId): Promise<BallotBoxStore> {
    let box = this.#boxes.get(voteId)
    if (!box) {
      const vote = this.meeting.data.votes.find((v) => v.id === voteId)
      const opened = vote !== undefined && voteStates[vote.status].hasBox
      box = await BallotBoxStore.open(this.dataDir, voteId, this.keys, opened)
      this.#boxes.set(voteId, box)
      await this.#reportRecoveries(box.recoveries)
      if (box.damage && vote) await this.#reportDamage(vote.id, vote.title, box.damage)
      else if (vote?.boxDamage && !vote.boxDamage.acknowledgedAt)
        this.#alertDamage(vote.title, vote.boxDamage.detail)
    }
    return box
  }

  /**
   * A box found holding less than it should: the vote is marked (it cannot be closed or
   * published until staff acknowledge), the staff told, and the audit log says so.
   */
  async #reportDamage(voteId: VoteId, title: string, detail: string): Promise<void> {
    const foundAt = new Date().toISOString()
    await this.meeting.updateVote(voteId, (v) => {
      v.boxDamage = { detail, foundAt, acknowledgedAt: null }
    })
    this.#alertDamage(title, detail)
    await this.audit.append('ballot-box.damaged', { voteId, detail })
  }

  #alertDamage(title: string, detail: string): void {
    this.alerts.push({ level: 'error', code: 'ballot-box-damaged', detail: `${title}：${detail}` })
  }

  /** Staff acknowledged a damaged box: its alert goes. */
  clearDamageAlert(title: string): void {
    const at = this.alerts.findIndex(
      (a) => a.code === 'ballot-box-damaged' && a.detail.startsWith(`${title}：`),
    )
    if (at >= 0) this.alerts.splice(at, 1)
  }

  async #reportRecoveries(recoveries: readonly Recovery[]): Promise<void> {
    for (const r of recoveries) {
      const detail = `${r.file}: ${r.problem}${r.setAsideAs ? `; set aside as ${r.setAsideAs}` : ''}; using the last good copy`
      this.alerts.push({ level: 'warning', code: 'data-recovered', detail })
      await this.audit.append('data.recovered', {
        file: r.file,
        problem: r.problem,
        setAsideAs: r.setAsideAs,
      })
    }
  }

  /**
   * Once the writes asked for are on disk, lets go of the files' folders: a session dropped
   * (another meeting opened, the host closing) keeps nothing open.
   */
  async close(): Promise<void> {
    await Promise.all([
      this.meeting.close(),
      this.audit.close(),
      ...[...this.#boxes.values()].map((b) => b.close()),
    ])
  }

  /** The ballot box of a vote that has been opened (loaded at start or at open). */
  loadedBox(voteId: VoteId): BallotBoxStore | undefined {
    return this.#boxes.get(voteId)
  }

  /**
   * Where a closed vote's archive is written: archive/<vote>, or for a rehearsal (演练)
   * rehearsal-archive/<vote>, kept apart so no list or copy of the real archive (the console's,
   * the desktop's 导出归档) ever holds a rehearsal's result.
   */
  archiveDir(voteId: VoteId): string {
    const rehearsal = this.meeting.data.meeting?.rehearsal ?? false
    return join(this.dataDir, rehearsal ? 'rehearsal-archive' : 'archive', voteId)
  }

  get meetingId(): MeetingId | null {
    return this.meeting.data.meeting?.id ?? null
  }

  openVote() {
    return this.meeting.data.votes.find((v) => voteStates[v.status].takesBallots) ?? null
  }

  announce(change: Change): void {
    this.emit('change', change)
  }
}
