import type { MeetingId } from '../protocol/ids'
import type { DutyDecision, EntryRef } from './duty.schema'
import { entryKey } from './duty.schema'

/**
 * Who is who across the meetings of a data folder. A deputy is matched by their 代表编号 where the
 * roster has one, else by name and delegation; two deputies that cannot be told apart (the same
 * name and delegation, no 编号, in one meeting) are never merged: they stand alone, flagged for
 * staff to resolve. Staff decisions (duty.schema.ts) then apply in order over the automatic
 * matching. Pure: the host reads the rosters, the console shows the outcome.
 */

/** One deputy of one meeting's roster, as the matching reads it. */
export interface RosterEntry extends EntryRef {
  /** 代表编号 as written (NFKC, trimmed); '' when the roster has none. */
  number: string
  name: string
  delegation: string
}

/** A meeting's roster, the meetings in the order they were held. */
export interface MeetingRoster {
  meetingId: MeetingId
  entries: readonly RosterEntry[]
}

/** Why two entries became one person: alone, the same 编号, name and delegation, or staff. */
export type MatchBasis = 'single' | 'number' | 'name' | 'staff'

/** Why an entry could not be matched: a namesake in the same delegation without 编号, or a 编号
 * two deputies of one meeting share. */
export type Ambiguity = 'same-name' | 'number-repeated'

export interface Person {
  /** The key of its first entry: what the console asks for one deputy's page by. */
  key: string
  /** Its meetings' entries, in the order the meetings were held. */
  entries: RosterEntry[]
  basis: MatchBasis
  /** The name or the delegation differs between its entries (e.g. a renamed delegation). */
  changed: boolean
  /** Staff confirmed exactly these entries as one person. */
  confirmed: boolean
  /** Matched by name, or across a change of name or delegation, and not yet confirmed. */
  needsConfirm: boolean
  /** Could not be told apart from a namesake, and staff have not yet decided. */
  ambiguous: Ambiguity | null
}

export interface Matching {
  persons: Person[]
  /** Each entry's person, by entryKey. */
  personOf: Map<string, Person>
}

/** Names and delegations compare without spaces and with full-width forms folded. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

const nameKey = (e: RosterEntry) => `${comparable(e.name)}\t${comparable(e.delegation)}`

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

function twoInOneMeeting(entries: readonly RosterEntry[]): boolean {
  return new Set(entries.map((e) => e.meetingId)).size < entries.length
}

/** Union-find over entry keys, each set knowing its meetings (a person attends a meeting once). */
class Sets {
  readonly #parent = new Map<string, string>()
  readonly #meetings = new Map<string, Set<string>>()

  add(e: RosterEntry): void {
    const k = entryKey(e)
    this.#parent.set(k, k)
    this.#meetings.set(k, new Set([e.meetingId]))
  }

  find(k: string): string {
    let root = k
    while (this.#parent.get(root) !== root) root = this.#parent.get(root) ?? root
    this.#parent.set(k, root)
    return root
  }

  meetingsOf(k: string): ReadonlySet<string> {
    return this.#meetings.get(this.find(k)) ?? new Set()
  }

  /** Joins two sets unless they share a meeting; answers whether they are one now. */
  union(a: string, b: string): boolean {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra === rb) return true
    const [ma, mb] = [this.meetingsOf(ra), this.meetingsOf(rb)]
    for (const m of mb) if (ma.has(m)) return false
    this.#parent.set(rb, ra)
    this.#meetings.set(ra, new Set([...ma, ...mb]))
    this.#meetings.delete(rb)
    return true
  }
}

/** The automatic matching: by 编号, then by name and delegation where there is none. */
function autoMatch(entries: readonly RosterEntry[]): {
  sets: Sets
  ambiguous: Map<string, Ambiguity>
} {
  const sets = new Sets()
  const ambiguous = new Map<string, Ambiguity>()
  for (const e of entries) sets.add(e)
  for (const group of groupBy(
    entries.filter((e) => e.number !== ''),
    (e) => e.number,
  ).values()) {
    if (twoInOneMeeting(group)) {
      for (const e of group) ambiguous.set(entryKey(e), 'number-repeated')
      continue
    }
    for (const e of group.slice(1)) sets.union(entryKey(group[0]!), entryKey(e))
  }
  for (const group of groupBy(entries, nameKey).values()) {
    const bare = group.filter((e) => e.number === '')
    if (bare.length === 0) continue
    const numbered = group.filter((e) => e.number !== '')
    const roots = [
      ...new Set(
        numbered.filter((e) => !ambiguous.has(entryKey(e))).map((e) => sets.find(entryKey(e))),
      ),
    ]
    const clash =
      twoInOneMeeting(bare) ||
      roots.length > 1 ||
      numbered.some((e) => ambiguous.has(entryKey(e))) ||
      (roots.length === 1 && bare.some((e) => sets.meetingsOf(roots[0]!).has(e.meetingId)))
    if (clash) {
      for (const e of bare) ambiguous.set(entryKey(e), 'same-name')
      continue
    }
    const first = entryKey(bare[0]!)
    for (const e of bare.slice(1)) sets.union(first, entryKey(e))
    if (roots.length === 1 && !sets.union(roots[0]!, first))
      for (const e of bare) ambiguous.set(entryKey(e), 'same-name')
  }
  return { sets, ambiguous }
}

/** The matching of these meetings' rosters under the staff's decisions. */
export function matchDeputies(
  meetings: readonly MeetingRoster[],
  decisions: readonly DutyDecision[],
): Matching {
  const all = meetings.flatMap((m) => m.entries)
  const exists = new Set(all.map(entryKey))
  // Over every entry, decided or not: an entry staff placed still tells its namesakes apart
  // (two 王芳 in one meeting, one joined to last year's: the other is not last year's by default).
  const { sets, ambiguous } = autoMatch(all)

  // Each entry's group, the automatic one first; the decisions then move entries between them.
  const groupOf = new Map<string, string>()
  const members = new Map<string, Set<string>>()
  const place = (k: string, group: string) => {
    const before = groupOf.get(k)
    if (before !== undefined) members.get(before)?.delete(k)
    groupOf.set(k, group)
    const set = members.get(group)
    if (set) set.add(k)
    else members.set(group, new Set([k]))
  }
  for (const e of all) place(entryKey(e), sets.find(entryKey(e)))
  const meetingOf = new Map(all.map((e) => [entryKey(e), e.meetingId]))
  const resolved = new Set<string>()
  const joined = new Set<string>()
  decisions.forEach((d, i) => {
    if (d.type === 'confirm') return
    const k = entryKey(d.entry)
    if (!exists.has(k)) return
    if (d.type === 'separate') {
      place(k, `separate:${i}`)
      resolved.add(k)
      return
    }
    const to = entryKey(d.to)
    if (!exists.has(to) || to === k) return
    const target = groupOf.get(to)!
    // A person attends a meeting once: a join that would make it twice no longer applies.
    const clash = [...(members.get(target) ?? [])].some(
      (m) => m !== k && meetingOf.get(m) === d.entry.meetingId,
    )
    if (clash) return
    place(k, target)
    resolved.add(k)
    joined.add(k)
  })

  const confirmedSets = new Set(
    decisions.flatMap((d) =>
      d.type === 'confirm' ? [d.entries.map(entryKey).sort().join('\u0000')] : [],
    ),
  )
  const grouped = groupBy(all, (e) => groupOf.get(entryKey(e))!)
  const persons = [...grouped.values()].map((entries) => {
    const keys = entries.map(entryKey)
    const basis: MatchBasis =
      entries.length === 1
        ? 'single'
        : keys.some((k) => joined.has(k))
          ? 'staff'
          : entries.every((e) => e.number !== '' && e.number === entries[0]!.number)
            ? 'number'
            : 'name'
    const changed =
      new Set(entries.map((e) => comparable(e.name))).size > 1 ||
      new Set(entries.map((e) => comparable(e.delegation))).size > 1
    const confirmed = entries.length > 1 && confirmedSets.has([...keys].sort().join('\u0000'))
    const only = keys[0]!
    return {
      key: only,
      entries,
      basis,
      changed,
      confirmed,
      needsConfirm: !confirmed && basis !== 'staff' && (basis === 'name' || changed),
      ambiguous: entries.length === 1 && !resolved.has(only) ? (ambiguous.get(only) ?? null) : null,
    } satisfies Person
  })
  const personOf = new Map<string, Person>()
  for (const p of persons) for (const e of p.entries) personOf.set(entryKey(e), p)
  return { persons, personOf }
}

/**
 * Persons who may be the same as this one: the same name, in none of its meetings. What staff
 * are offered to join an entry that stands alone to (a namesake, a renamed delegation).
 */
export function namesakes(person: Person, matching: Matching, max = 8): Person[] {
  const name = comparable(person.entries[0]?.name ?? '')
  const own = new Set(person.entries.map((e) => e.meetingId))
  return matching.persons
    .filter(
      (p) =>
        p !== person &&
        p.entries.some((e) => comparable(e.name) === name) &&
        !p.entries.some((e) => own.has(e.meetingId)),
    )
    .slice(0, max)
}
