import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SortedFragments } from './sorted-fragments'

const text = (f: SortedFragments) => Buffer.concat(f.chunks()).toString('utf8')

/** What the fragments must join to: sort everything and join, from scratch. */
function joined(entries: ReadonlyMap<string, string>): string {
  return [...entries.keys()]
    .sort()
    .map((k) => entries.get(k))
    .join(',')
}

// Few distinct keys, so that sets replace and deletes hit; unicode, to check the UTF-8.
const keyArb = fc.oneof(
  fc.constantFrom('a', 'b', 'B', 'a0', 'a10', 'a9', '10', '9', '代表', '\u{1F5F3}'),
  fc.string({ maxLength: 3 }),
)
const opArb = fc.oneof(
  fc.record({ set: keyArb, fragment: fc.string({ unit: 'grapheme', maxLength: 4 }) }),
  fc.record({ delete: keyArb }),
)

describe('SortedFragments', () => {
  it('joins to the sorted join of what was set and not deleted, blocks split or emptied', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(opArb, { maxLength: 200 }),
        (size, ops) => {
          const fragments = new SortedFragments(size)
          const model = new Map<string, string>()
          for (const op of ops) {
            if ('set' in op) {
              fragments.set(op.set, op.fragment)
              model.set(op.set, op.fragment)
            } else {
              fragments.delete(op.delete)
              model.delete(op.delete)
            }
            expect(text(fragments)).toBe(joined(model))
          }
        },
      ),
    )
  })

  it('re-encodes only the block that changed: the others are the same buffers as before', () => {
    const fragments = new SortedFragments(2)
    for (let i = 0; i < 20; i++) fragments.set(`k${String(i).padStart(2, '0')}`, `${i}`)
    const before = fragments.chunks()
    fragments.set('k07', 'seven')
    const after = fragments.chunks()
    expect(after).toHaveLength(before.length)
    const changed = after.filter((chunk, i) => chunk !== before[i])
    expect(changed.map((c) => c.toString())).toEqual([expect.stringContaining('seven')])
  })
})
