import { describe, expect, it } from 'vitest'
import type { DeputyId, MeetingId } from '../protocol/ids'
import type { DutyDecision } from './duty.schema'
import type { MeetingRoster, RosterEntry } from './matching'
import { matchDeputies, namesakes } from './matching'

/** A roster from lines `D1 0012 张伟 一团` (编号 `-` for none). */
function meeting(id: string, ...lines: string[]): MeetingRoster {
  return {
    meetingId: id as MeetingId,
    entries: lines.map((line): RosterEntry => {
      const [deputyId, number, name, delegation] = line.split(' ')
      return {
        meetingId: id as MeetingId,
        deputyId: deputyId as DeputyId,
        number: number === '-' ? '' : number!,
        name: name!,
        delegation: delegation!,
      }
    }),
  }
}

/** Each person as `M/D+M/D basis`, in order. */
function people(meetings: MeetingRoster[], decisions: DutyDecision[] = []): string[] {
  return matchDeputies(meetings, decisions).persons.map(
    (p) =>
      `${p.entries.map((e) => `${e.meetingId}/${e.deputyId}`).join('+')} ${p.basis}` +
      (p.ambiguous ? ` ?${p.ambiguous}` : '') +
      (p.needsConfirm ? ' confirm?' : ''),
  )
}

const ref = (m: string, d: string) => ({ meetingId: m as MeetingId, deputyId: d as DeputyId })
const at = '2027-01-12T00:00:00Z'

describe('matching deputies across meetings', () => {
  it.each([
    {
      what: 'the same 编号 matches whatever the delegation is called now',
      meetings: [meeting('A', 'D1 0012 张伟 一团'), meeting('B', 'D7 0012 张伟 一组')],
      expected: ['A/D1+B/D7 number confirm?'],
    },
    {
      what: 'the same 编号, name and delegation: certain',
      meetings: [meeting('A', 'D1 0012 张伟 一团'), meeting('B', 'D7 0012 张伟 一团')],
      expected: ['A/D1+B/D7 number'],
    },
    {
      what: 'no 编号: by name and delegation (spaces and full-width forms aside), to confirm',
      meetings: [meeting('A', 'D1 - 王芳 三团'), meeting('B', 'D2 - 王　芳 三团')],
      expected: ['A/D1+B/D2 name confirm?'],
    },
    {
      what: 'a 编号 given only in a later year: joined by name to the one who has it',
      meetings: [meeting('A', 'D1 - 王芳 三团'), meeting('B', 'D2 0021 王芳 三团')],
      expected: ['A/D1+B/D2 name confirm?'],
    },
    {
      what: 'namesakes of one delegation in one roster: none merged, all flagged',
      meetings: [meeting('A', 'D1 - 王芳 三团'), meeting('B', 'D1 - 王芳 三团', 'D2 - 王芳 三团')],
      expected: ['A/D1 single ?same-name', 'B/D1 single ?same-name', 'B/D2 single ?same-name'],
    },
    {
      what: 'no 编号, two deputies numbered apart with that name: may be either',
      meetings: [
        meeting('A', 'D1 0035 王芳 三团'),
        meeting('B', 'D1 - 王芳 三团'),
        meeting('C', 'D1 0021 王芳 三团'),
      ],
      expected: ['A/D1 single', 'B/D1 single ?same-name', 'C/D1 single'],
    },
    {
      what: 'a 编号 two deputies of one meeting share: neither is matched by it',
      meetings: [
        meeting('A', 'D1 0012 张伟 一团'),
        meeting('B', 'D1 0012 张伟 一团', 'D2 0012 李娜 二团'),
      ],
      expected: [
        'A/D1 single ?number-repeated',
        'B/D1 single ?number-repeated',
        'B/D2 single ?number-repeated',
      ],
    },
    {
      what: 'crafted names and numbers are strings like any other',
      meetings: [
        meeting('A', '__proto__ __proto__ constructor toString'),
        meeting('B', 'D1 __proto__ constructor toString'),
      ],
      expected: ['A/__proto__+B/D1 number'],
    },
  ])('$what', ({ meetings, expected }) => {
    expect(people(meetings)).toEqual(expected)
  })

  it('applies the staff decisions in order over the automatic matching', () => {
    const meetings = [
      meeting('A', 'D1 - 王芳 三团'),
      meeting('B', 'D1 - 王芳 三团', 'D2 - 王芳 三团'),
    ]
    const join: DutyDecision = { type: 'join', entry: ref('B', 'D2'), to: ref('A', 'D1'), at }
    // B/D1 is still undecided: it is not taken to be A/D1 because B/D2 was placed.
    expect(people(meetings, [join])).toEqual(['A/D1+B/D2 staff', 'B/D1 single ?same-name'])
    const apart: DutyDecision = { type: 'separate', entry: ref('B', 'D1'), at }
    expect(people(meetings, [join, apart])).toEqual(['A/D1+B/D2 staff', 'B/D1 single'])
    // A later separate undoes the join; a join that would put one meeting twice does not apply.
    const undo: DutyDecision = { type: 'separate', entry: ref('B', 'D2'), at }
    expect(people(meetings, [join, apart, undo])).toEqual([
      'A/D1 single ?same-name',
      'B/D1 single',
      'B/D2 single',
    ])
    const twice: DutyDecision = { type: 'join', entry: ref('B', 'D1'), to: ref('B', 'D2'), at }
    expect(people(meetings, [join, twice])).toEqual(['A/D1+B/D2 staff', 'B/D1 single ?same-name'])
  })

  it('confirms exactly the entries staff saw, and offers namesakes from other meetings', () => {
    const meetings = [
      meeting('A', 'D1 - 王芳 三团'),
      meeting('B', 'D2 - 王芳 三团', 'D3 - 王芳 四团'),
    ]
    const confirm: DutyDecision = { type: 'confirm', entries: [ref('A', 'D1'), ref('B', 'D2')], at }
    expect(people(meetings, [confirm])).toEqual(['A/D1+B/D2 name', 'B/D3 single'])
    // A third meeting joins the person: the confirmation no longer covers it.
    const more = [...meetings, meeting('C', 'D9 - 王芳 三团')]
    expect(people(more, [confirm])).toEqual(['A/D1+B/D2+C/D9 name confirm?', 'B/D3 single'])
    const matching = matchDeputies(meetings, [])
    const alone = matching.persons.find((p) => p.key === 'B\nD3')!
    expect(namesakes(alone, matching)).toEqual([])
    const other = matchDeputies(
      [meeting('A', 'D1 - 王芳 三团'), meeting('B', 'D3 - 王芳 四团')],
      [],
    )
    expect(namesakes(other.persons[1]!, other).map((p) => p.key)).toEqual(['A\nD1'])
  })
})
