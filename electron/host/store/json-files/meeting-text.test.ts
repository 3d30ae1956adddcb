import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deputy } from '../../../../shared/protocol/meeting.schema'
import { MeetingText } from './meeting-text'
import type { DeputyId } from '../../../../shared/protocol/ids'

interface Data {
  deputies: Deputy[]
  [key: string]: unknown
}

const text = (meeting: MeetingText, data: Data) =>
  Buffer.concat(meeting.chunks(data)).toString('utf8')

const deputy = (i: number, name = `代表${i}`): Deputy => ({
  id: `D${String(i).padStart(3, '0')}` as DeputyId,
  name,
  delegation: '城关街道代表团',
  seat: `${i}排`,
  credential: `c${i}`,
  joinCode: `J${i}`,
  present: false,
})

// What a store tells MeetingText after each kind of change it makes.
const opArb = fc.oneof(
  fc.record({ agenda: fc.string({ unit: 'grapheme', maxLength: 4 }) }),
  fc.record({ deputy: fc.nat(), name: fc.string({ unit: 'grapheme', maxLength: 4 }) }),
  fc.record({ add: fc.nat({ max: 3 }) }),
  fc.record({ remove: fc.nat() }),
)

describe('MeetingText', () => {
  it('is JSON.stringify of the data through agenda, deputy and roster changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.nat({ max: 12 }),
        fc.boolean(),
        fc.array(opArb, { maxLength: 60 }),
        (size, count, rosterFirst, ops) => {
          const meeting = new MeetingText(size)
          const deputies = Array.from({ length: count }, (_, i) => deputy(i))
          // Key order is whatever the file had; an undefined value is left out as by JSON.
          const data: Data = rosterFirst
            ? { deputies, version: 1, screen: { stage: 'welcome' }, quorum: undefined }
            : { version: 1, meeting: null, quorum: undefined, deputies, votes: [] }
          let next = count
          for (const op of ops) {
            if ('agenda' in op) {
              data.screen = { stage: op.agenda }
            } else if ('deputy' in op) {
              const d = data.deputies[op.deputy % Math.max(1, data.deputies.length)]
              if (!d) continue
              d.name = op.name
              d.present = !d.present
              meeting.deputyChanged(data.deputies.indexOf(d))
            } else {
              if ('add' in op) {
                for (let i = 0; i < op.add; i++) data.deputies.push(deputy(next++))
              } else {
                data.deputies.splice(op.remove % Math.max(1, data.deputies.length), 1)
              }
              meeting.rosterChanged()
            }
            expect(text(meeting, data)).toBe(JSON.stringify(data))
          }
        },
      ),
    )
  })

  it('re-encodes only the block of the deputy that changed: the others are the same buffers', () => {
    const meeting = new MeetingText(2)
    const data = { version: 1, deputies: Array.from({ length: 20 }, (_, i) => deputy(i)) }
    const before = meeting.chunks(data)
    data.deputies[7]!.present = true
    meeting.deputyChanged(7)
    const after = meeting.chunks(data)
    expect(after).toHaveLength(before.length)
    const changed = after.filter((chunk, i) => chunk !== before[i])
    // The head and tail (the rest of the data) are made each time; of the roster, one block.
    expect(changed.map((c) => c.toString())).toEqual([
      '{"version":1,"deputies":[',
      expect.stringMatching(/^,\{"id":"D006".*"present":true\}$/),
      ']}',
    ])
  })
})
