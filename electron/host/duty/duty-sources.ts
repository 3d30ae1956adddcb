import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { LoggedMeeting } from '../../../shared/duty/attendance-facts'
import { attendanceFact, attendanceFromLog } from '../../../shared/duty/attendance-facts'
import type { MeetingSource } from '../../../shared/duty/duty-record'
import type { DutyState } from '../../../shared/duty/duty.schema'
import type { MeetingStatus } from '../../../shared/duty/duty-view'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import { chinaDateOf } from '../../../shared/year/year.schema'
import { parseAuditLines } from '../services/audit-text'
import type { Hall } from '../state/hall'
import type { MeetingEntry } from '../store/json-files/library.store'
import type { AgendaData } from '../store/json-files/meeting.store'
import { MeetingStore } from '../store/json-files/meeting.store'

/**
 * Each meeting of the data folder as the duty record reads it: its roster and each deputy's
 * attendance from its meeting.json, how and when they checked in from its audit log. Read only:
 * another meeting's files are opened to read and let go (MeetingStore.readOnly: no write, no
 * ballot box), the open meeting's from what its session holds. Nothing of a vote is read.
 *
 * A meeting's files are read again only when they changed (their size and time), so asking for
 * the record while one meeting checks in does not read last year's again.
 */
export class DutySources {
  readonly #hall: Hall
  readonly #meetings = new Map<string, { stamp: string; source: MeetingSource }>()
  readonly #logs = new Map<string, { stamp: string; logged: LoggedMeeting }>()

  constructor(hall: Hall) {
    this.#hall = hall
  }

  async all(): Promise<MeetingSource[]> {
    const { library, session } = this.#hall
    const out: MeetingSource[] = []
    for (const entry of library.meetings) {
      if (entry.id === session.meetingId) {
        await session.audit.settled()
        const logged = await this.#log(session.audit.file)
        out.push(sourceOf(entry, session.meeting.data, logged))
      } else out.push(await this.#other(entry))
    }
    // A deleted meeting's files are gone to the trash: forget them too.
    const ids = new Set<string>(library.meetings.map((m) => m.id))
    for (const id of this.#meetings.keys()) if (!ids.has(id)) this.#meetings.delete(id)
    return out
  }

  async #other(entry: MeetingEntry): Promise<MeetingSource> {
    const dir = this.#hall.library.dirOf(entry.id)
    const auditFile = join(dir, 'audit.jsonl')
    const stamp = `${await stampOf(join(dir, 'meeting.json'))}|${await stampOf(auditFile)}|${entry.title}|${entry.rehearsal}`
    const cached = this.#meetings.get(entry.id)
    if (cached?.stamp === stamp) return cached.source
    let source: MeetingSource
    try {
      const data = await MeetingStore.readOnly(dir)
      source = sourceOf(entry, data, await this.#log(auditFile))
    } catch {
      source = { ...header(entry, null, null), status: 'unreadable', entries: [] }
    }
    this.#meetings.set(entry.id, { stamp, source })
    return source
  }

  /** A log's attendance, read again only when the file changed. */
  async #log(file: string): Promise<LoggedMeeting> {
    const stamp = await stampOf(file)
    const cached = this.#logs.get(file)
    if (cached?.stamp === stamp) return cached.logged
    let text = ''
    try {
      text = await readFile(file, 'utf8')
    } catch {
      // No log yet (a meeting nobody has acted in): nothing to tell.
    }
    const logged = attendanceFromLog(parseAuditLines(text))
    this.#logs.set(file, { stamp, logged })
    return logged
  }
}

async function stampOf(file: string): Promise<string> {
  try {
    const s = await stat(file)
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'none'
  }
}

function stateOf(d: Readonly<Deputy>): DutyState {
  return d.present ? 'present' : d.onLeave ? 'leave' : 'absent'
}

function header(
  entry: MeetingEntry,
  data: Readonly<AgendaData> | null,
  firstCheckIn: string | null,
): Omit<MeetingSource, 'status' | 'entries'> {
  const day = data?.meeting?.details.date || (firstCheckIn ?? entry.createdAt)
  return {
    meetingId: entry.id,
    title: entry.title,
    date: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : chinaDateOf(day),
    createdAt: entry.createdAt,
  }
}

function sourceOf(
  entry: MeetingEntry,
  data: Readonly<AgendaData>,
  logged: LoggedMeeting,
): MeetingSource {
  const entries = data.deputies.map((d) => ({
    meetingId: entry.id,
    deputyId: d.id,
    number: (d.number ?? '').normalize('NFKC').trim(),
    name: d.name,
    delegation: d.delegation,
    fact: attendanceFact(stateOf(d), logged.deputies.get(d.id)),
  }))
  const status: MeetingStatus = entry.rehearsal
    ? 'rehearsal'
    : entries.length === 0
      ? 'no-roster'
      : entries.every((e) => e.fact.state === 'absent')
        ? 'not-held'
        : 'included'
  return { ...header(entry, data, logged.firstCheckIn), status, entries }
}
