import type { DutyRecord } from '../../../shared/duty/duty-record'
import { buildDutyRecord, candidatesFor } from '../../../shared/duty/duty-record'
import { detailColumns, dutySheets } from '../../../shared/duty/duty-export'
import type { DutyDeputyPage, DutyView } from '../../../shared/duty/duty-view'
import { dutyView } from '../../../shared/duty/duty-record'
import type { EntryRef } from '../../../shared/duty/duty.schema'
import {
  dutyConfirmInputSchema,
  dutyDeputyInputSchema,
  dutyJoinInputSchema,
  dutySeparateInputSchema,
  entryKey,
  pointsRuleInputSchema,
} from '../../../shared/duty/duty.schema'
import type { RosterEntry } from '../../../shared/duty/matching'
import { z } from 'zod'
import { parseInput } from '../services/parse-input'
import { ServiceError } from '../services/service-error'
import type { Hall } from '../state/hall'
import { DutyStore } from '../store/json-files/duty.store'
import { gbkProblems } from './duty-csv'
import { DutySources } from './duty-sources'

const emptyInputSchema = z.object({}).strict()

/**
 * 代表履职: each deputy's attendance across the data folder's meetings (matched by 代表编号, else
 * by name and delegation), what staff decided about who is who, and the points rule. Reading it
 * changes nothing; each decision is kept in duty.json and audited in the open meeting's log.
 * Nothing of any vote is read or shown.
 */
export class DutyService {
  readonly #hall: Hall
  readonly #sources: DutySources
  #store: Promise<DutyStore> | null = null
  /** Decisions one after another: each reads the record its check is made against. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(hall: Hall) {
    this.#hall = hall
    this.#sources = new DutySources(hall)
  }

  #duty(): Promise<DutyStore> {
    this.#store ??= DutyStore.open(this.#hall.library.dataDir).catch((error: unknown) => {
      this.#store = null
      throw error
    })
    return this.#store
  }

  async record(): Promise<DutyRecord> {
    const [sources, duty] = await Promise.all([this.#sources.all(), this.#duty()])
    return buildDutyRecord(sources, duty.data)
  }

  async view(raw: unknown): Promise<DutyView> {
    parseInput(emptyInputSchema, raw ?? {})
    const record = await this.record()
    const { detail } = dutySheets(record, '')
    return dutyView(record, await gbkProblems(detailColumns, detail))
  }

  async deputy(raw: unknown): Promise<DutyDeputyPage> {
    const { key } = parseInput(dutyDeputyInputSchema, raw)
    const record = await this.record()
    const found = record.byKey.get(key)
    if (!found) throw new ServiceError('not-found', '代表履职记录中没有这位代表 / no such deputy')
    return {
      person: found.row,
      records: found.records,
      candidates: candidatesFor(record, found.person),
      pointsRule: record.pointsRule,
    }
  }

  /** This meeting's deputy is the same person as that one (another meeting's). */
  async join(raw: unknown): Promise<{ changed: boolean }> {
    const input = parseInput(dutyJoinInputSchema, raw)
    return this.#decide(async (record, store) => {
      const entry = entryOf(record, input.entry)
      const to = entryOf(record, input.to)
      if (entry.meetingId === to.meetingId)
        throw new ServiceError(
          'bad-request',
          'to: 同一次会议的两位代表不能认定为同一人 / two deputies of one meeting are not one person',
        )
      const target = record.matching.personOf.get(entryKey(to))!
      const here = target.entries.find((e) => e.meetingId === entry.meetingId)
      if (here && entryKey(here) === entryKey(entry) && target.basis === 'staff')
        return { changed: false }
      if (here && entryKey(here) !== entryKey(entry))
        throw new ServiceError(
          'bad-request',
          `to: 该代表在这次会议已有记录（${here.name}） / that deputy already has this meeting (${here.name})`,
        )
      await store.update((d) => {
        d.decisions.push({ type: 'join', entry: refOf(entry), to: refOf(to), at: now() })
      })
      await this.#audit('duty.entry-joined', {
        entry: refOf(entry),
        to: refOf(to),
        name: entry.name,
        meetingTitle: titleOf(record, entry),
        toName: to.name,
        toMeetingTitle: titleOf(record, to),
      })
      return { changed: true }
    })
  }

  /** This meeting's deputy is a person of their own: not the one matched, nor a namesake. */
  async separate(raw: unknown): Promise<{ changed: boolean }> {
    const input = parseInput(dutySeparateInputSchema, raw)
    return this.#decide(async (record, store) => {
      const entry = entryOf(record, input.entry)
      const person = record.matching.personOf.get(entryKey(entry))!
      if (person.entries.length === 1 && !person.ambiguous) return { changed: false }
      await store.update((d) => {
        d.decisions.push({ type: 'separate', entry: refOf(entry), at: now() })
      })
      await this.#audit('duty.entry-separated', {
        entry: refOf(entry),
        name: entry.name,
        meetingTitle: titleOf(record, entry),
      })
      return { changed: true }
    })
  }

  /** Staff looked at these matches and agree: each list must still be exactly one person. */
  async confirm(raw: unknown): Promise<{ confirmed: number }> {
    const { persons } = parseInput(dutyConfirmInputSchema, raw)
    return this.#decide(async (record, store) => {
      const found = persons.map((refs, i) => {
        const keys = refs.map(entryKey)
        const person = record.matching.personOf.get(keys[0]!)
        const same =
          person !== undefined &&
          person.entries.length === keys.length &&
          keys.every((k) => record.matching.personOf.get(k) === person)
        if (!same)
          throw new ServiceError(
            'bad-request',
            `persons[${i}]: 匹配已有变化，请刷新后再确认 / the matching changed; reload and confirm again`,
          )
        return person
      })
      const fresh = [...new Set(found)].filter((p) => !p.confirmed)
      if (fresh.length === 0) return { confirmed: 0 }
      await store.update((d) => {
        for (const p of fresh)
          d.decisions.push({ type: 'confirm', entries: p.entries.map(refOf), at: now() })
      })
      await this.#audit('duty.matches-confirmed', {
        persons: fresh.length,
        names: fresh.slice(0, 5).map((p) => p.entries.at(-1)!.name),
      })
      return { confirmed: fresh.length }
    })
  }

  /** The points rule (出席/请假/缺席 each a whole number of points), or none. */
  async setPointsRule(raw: unknown): Promise<{ changed: boolean }> {
    const { rule } = parseInput(pointsRuleInputSchema, raw)
    return this.#decide(async (_record, store) => {
      const before = store.data.pointsRule
      const same =
        rule === null
          ? before === null
          : before !== null &&
            before.present === rule.present &&
            before.leave === rule.leave &&
            before.absent === rule.absent
      if (same) return { changed: false }
      await store.update((d) => {
        d.pointsRule = rule ? { ...rule, setAt: now() } : null
      })
      const plain = (r: typeof rule) =>
        r ? { present: r.present, leave: r.leave, absent: r.absent } : null
      await this.#audit('duty.points-rule-set', { rule: plain(rule), previous: plain(before) })
      return { changed: true }
    })
  }

  async close(): Promise<void> {
    await this.#queue
    const store = await this.#store?.catch(() => null)
    await store?.close()
  }

  #decide<T>(run: (record: DutyRecord, store: DutyStore) => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => run(await this.record(), await this.#duty()))
    this.#queue = next.catch(() => undefined)
    return next
  }

  #audit(type: string, data: Record<string, unknown>) {
    return this.#hall.session.audit.append(type, data)
  }
}

function now(): string {
  return new Date().toISOString()
}

function refOf(e: EntryRef): EntryRef {
  return { meetingId: e.meetingId, deputyId: e.deputyId }
}

/** The entry a request names, in a meeting the record includes. */
function entryOf(record: DutyRecord, ref: EntryRef): RosterEntry {
  const person = record.matching.personOf.get(entryKey(ref))
  const entry = person?.entries.find((e) => entryKey(e) === entryKey(ref))
  if (!entry)
    throw new ServiceError(
      'not-found',
      `代表履职记录中没有这次会议的这位代表（${ref.deputyId}） / no such deputy of that meeting in the record`,
    )
  return entry
}

function titleOf(record: DutyRecord, e: EntryRef): string {
  return record.meetings.find((m) => m.meetingId === e.meetingId)?.title ?? ''
}
