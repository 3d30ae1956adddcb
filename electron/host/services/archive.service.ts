import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BallotBox } from '../../../shared/protocol/ballot-box.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteState } from '../../../shared/rules'
import { announcementText, buildAnnouncement } from '../../../shared/hall/announcement'
import { defaultQuorum } from '../../../shared/protocol/attendance.schema'
import { tally, voteStates } from '../../../shared/rules'
import type { ReportJob } from '../documents/report-documents'
import { sourceReportWorker, writeReportDocumentsInWorker } from '../documents/report-worker'
import { digestOf } from '../store/json-files/digest'
import { writeFileDurably } from '../store/json-files/durable-json-file'
import { auditLogText, parseAuditLines } from './audit-text'
import { ballotBoxOf } from './ballot-box-of'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import type { VoteId } from '../../../shared/protocol/ids'

/** How long archive work waits before it starts (see Archiver.schedule). */
const ARCHIVE_SETTLE_MS = 300

/**
 * Which archive: a closed vote's (with a backup of the data folder), a published one's, or an
 * annulled one's (with the reason).
 */
export type ArchiveMoment = NonNullable<VoteState['archive']>

/** The files a complete archive holds; one missing is written again at the next start. */
const archiveFiles = ['ballot-box.json', 'result.json', 'report.pdf', 'results.xlsx']
/** A vote annulled while open never had a result, so no result report is drawn for it. */
const annulledOpenFiles = ['ballot-box.json', 'result.json', 'audit.txt']

/** Extra documents rendered beside the JSON files. */
export type ArchiveRenderer = (job: ReportJob) => Promise<void>

/** The report PDF and the results XLSX, written by the report worker at `script`. */
export function reportRenderers(script: URL | string = sourceReportWorker): ArchiveRenderer[] {
  return [(job) => writeReportDocumentsInWorker(script, job)]
}

/**
 * Writes a vote's archive on entering each state that has one (vote-lifecycle.ts: closed, and
 * published, whose audit log now records the publication):
 *   archive/<voteId>/ballot-box.json  plenary-vote.ballot-box/1, what `recount` re-tallies
 *   archive/<voteId>/result.json      plenary-vote.result/1, as the host tallied it
 *   archive/<voteId>/audit.jsonl      the hash-chained audit log up to this moment
 *   archive/<voteId>/audit.txt        the same log in sentences, for the clerk to read
 *   archive/<voteId>/announcement.txt  the chair's announcement (宣布稿), for every archive
 *   archive/<voteId>/report.pdf, results.xlsx, report.docx, announcement.docx, resolution.docx
 *       drawn by the renderers (a worker thread), at publish only if what they print changed
 * and, at close, a backup of the whole data folder under backups/. An annulled vote's box says
 * so (`annulled: { reason }`, beside the contract's fields) and its documents print the reason.
 * One annulled while open never had a result: its archive holds the tally of its box as
 * result.json (what `recount` checks) but no result report, which would read as a result.
 */
export class Archiver {
  readonly #hall: Hall
  readonly #renderers: ArchiveRenderer[]
  /** Per archive folder, what its documents were last drawn from (see #drawDocuments). */
  readonly #drawn = new Map<string, string>()
  /** The same for the Word documents, drawn from the publication on. */
  readonly #drawnOffice = new Map<string, string>()
  #queue: Promise<void> = Promise.resolve()

  constructor(hall: Hall, renderers: ArchiveRenderer[] = reportRenderers()) {
    this.#hall = hall
    this.#renderers = renderers
  }
  get #session(): Session {
    return this.#hall.session
  }

  dirOf(voteId: VoteId): string {
    return this.#session.archiveDir(voteId)
  }

  /**
   * Runs archive work one task at a time, after the close or publish was acknowledged: the
   * documents copy what is already durable and take a second or two, which neither the console
   * nor the screen should wait for (and the rendering, in a worker, holds up no acknowledgement).
   * Tasks handle their own failures.
   *
   * Each starts ARCHIVE_SETTLE_MS after it was asked for (or later, behind the one before):
   * sealing the ballot box and starting the report worker take the event loop and a core for
   * tens of milliseconds at 3,000 deputies, just when the result is on its way to the screen
   * and the tablets (and staff publish right after closing). A host stopped meanwhile writes
   * the archive at its start.
   */
  #schedule(task: () => Promise<void>): void {
    // Counted from the asking, not from the task before: annulments or closes in a row wait
    // the settle once, not once each in turn (60 of them waited 18 s).
    const due = Date.now() + ARCHIVE_SETTLE_MS
    this.#queue = this.#queue
      .then(() => new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()))))
      .then(task, task)
  }

  /** Resolves once every scheduled archive task has finished (for shutdown and for tests). */
  idle(): Promise<void> {
    return this.#queue
  }

  /**
   * The one way a vote's archive is written: after the acknowledgement, in the background and
   * in order, copying what is already durable (the box is sealed first). It must not stop the
   * meeting: a failure is logged and shown to the staff.
   */
  archive(vote: VoteDef, moment: ArchiveMoment): void {
    const session = this.#session
    this.#schedule(async () => {
      try {
        const box = await session.box(vote.id)
        await box.seal()
        await this.#write(vote, ballotBoxOf(vote, box.ballots()), moment, session)
      } catch (error) {
        const detail = `${vote.title}: ${error instanceof Error ? error.message : String(error)}`
        session.alerts.push({ level: 'error', code: 'archive-failed', detail })
        await session.audit.append('archive.failed', { voteId: vote.id, moment, error: detail })
        session.announce({ type: 'meeting' })
      }
    })
  }

  /**
   * Archives that a stop cut short: the documents are written after the acknowledgement, so a
   * host killed in that second left a closed vote without them. Written again at start, as of
   * the state the vote is in.
   */
  resume(): void {
    for (const vote of this.#session.meeting.data.votes) {
      const moment = voteStates[vote.status].archive
      if (!moment || (!vote.result && moment !== 'annul')) continue
      const dir = this.dirOf(vote.id)
      const files = vote.result ? archiveFiles : annulledOpenFiles
      if (!files.every((name) => existsSync(join(dir, name)))) this.archive(vote, moment)
      // Published before the Word documents existed, or stopped while they were drawn: only
      // they are drawn, the archive's other files are left as they were.
      else if (vote.result && moment !== 'close' && !existsSync(join(dir, 'announcement.docx')))
        this.#drawOffice(vote, vote.result, moment)
    }
  }

  #drawOffice(vote: VoteDef, result: VoteResult, moment: ArchiveMoment): void {
    const session = this.#session
    const dir = session.archiveDir(vote.id)
    this.#schedule(async () => {
      try {
        const job = this.#jobOf(session, vote, result, dir)
        for (const render of this.#renderers)
          await render({ ...job, parts: { report: false, office: true } })
      } catch (error) {
        const detail = `${vote.title}: ${error instanceof Error ? error.message : String(error)}`
        this.#session.alerts.push({ level: 'error', code: 'archive-failed', detail })
        await this.#session.audit.append('archive.failed', {
          voteId: vote.id,
          moment,
          error: detail,
        })
      }
    })
  }

  async #write(
    vote: VoteDef,
    box: BallotBox,
    moment: ArchiveMoment,
    session: Session,
  ): Promise<void> {
    const dir = session.archiveDir(vote.id)
    await mkdir(dir, { recursive: true })
    const meeting = session.meeting.data.meeting
    const meetingTitle = meeting?.title ?? ''
    const rehearsal = meeting?.rehearsal ?? false
    const annulled = moment === 'annul' ? { reason: vote.annulReason ?? '' } : undefined
    const exported = {
      ...box,
      voteId: vote.id,
      meeting: meetingTitle,
      // The contract lets the host add fields: a recount of a rehearsal's box says what it is.
      ...(rehearsal ? { rehearsal: true } : {}),
      openedAt: vote.openedAt,
      closedAt: vote.closedAt,
      ...(annulled ? { annulled } : {}),
    }
    const result = vote.result ?? (annulled ? tally(box) : null)
    await writeFileDurably(join(dir, 'ballot-box.json'), JSON.stringify(exported, null, 2))
    await writeFileDurably(join(dir, 'result.json'), JSON.stringify(result, null, 2))
    // Only the appends so far must be on disk before the copy; re-reading and re-hashing the
    // whole log (a line per check-in, thousands) here held the host up while staff published.
    await session.audit.settled()
    await copyFile(session.audit.file, join(dir, 'audit.jsonl'))
    const log = await readFile(join(dir, 'audit.jsonl'), 'utf8')
    await writeFileDurably(
      join(dir, 'audit.txt'),
      auditLogText(parseAuditLines(log), session.meeting.data),
    )
    // The chair's announcement as text: pure and small, so written here for every archive,
    // an annulment's too (the Word copy is drawn with the documents below).
    const quorum = session.meeting.data.quorum ?? defaultQuorum
    await writeFileDurably(
      join(dir, 'announcement.txt'),
      '\uFEFF' +
        announcementText(buildAnnouncement({ vote, result, quorum })).replace(/\n/g, '\r\n'),
    )
    if (vote.result) await this.#drawDocuments(this.#jobOf(session, vote, vote.result, dir), moment)
    if (moment === 'close') await this.#backup(session, vote.id)
  }

  /**
   * The documents print the meeting, the vote, its result and the projects, not whether the
   * result is published: the publish that follows a close would draw them again identical but
   * for the generation time, at the cost of a second worker, ~2 s of CPU and its memory peak.
   * So they are drawn again only when what they print changed (a meeting renamed, a project
   * edited) or the last drawing failed. The status (and when it was published) is left out of
   * the comparison; a host started afresh draws them again. The Word documents are the office's
   * after the publication: drawn at publish (or annul), not at close, by the same rule.
   */
  async #drawDocuments(job: Omit<ReportJob, 'parts'>, moment: ArchiveMoment): Promise<void> {
    const vote = { ...job.vote, status: undefined, publishedAt: undefined }
    const printed = digestOf({ ...job, vote })
    const parts = {
      report: this.#drawn.get(job.dir) !== printed,
      office: moment !== 'close' && this.#drawnOffice.get(job.dir) !== printed,
    }
    if (!parts.report && !parts.office) return
    for (const render of this.#renderers) await render({ ...job, parts })
    this.#drawn.set(job.dir, printed)
    if (parts.office) this.#drawnOffice.set(job.dir, printed)
  }

  /** What a vote's documents are drawn from, as the meeting stands now. */
  #jobOf(
    session: Session,
    vote: VoteDef,
    result: VoteResult,
    dir: string,
  ): Omit<ReportJob, 'parts'> {
    const data = session.meeting.data
    const meeting = data.meeting
    return {
      dir,
      meetingTitle: meeting?.title ?? '',
      meetingDetails: meeting?.details ?? null,
      rehearsal: meeting?.rehearsal ?? false,
      vote,
      result,
      projects: data.projects,
      resultDigest: digestOf(result),
      scrutineers: meeting?.scrutineers.members ?? [],
      quorum: data.quorum ?? defaultQuorum,
    }
  }

  /** A copy of the data folder at each close, so a lost disk sector costs nothing decided. */
  async #backup(session: Session, voteId: VoteId): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const target = join(session.dataDir, 'backups', `${stamp}-${voteId}`)
    await mkdir(target, { recursive: true })
    const data = session.dataDir
    await copyFile(join(data, 'meeting.json'), join(target, 'meeting.json'))
    await copyFile(session.audit.file, join(target, 'audit.jsonl'))
    await cp(join(data, 'ballots'), join(target, 'ballots'), { recursive: true })
  }
}
