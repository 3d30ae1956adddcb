import { describe, expect, it } from 'vitest'
import { markedItems, markOf, withMark, withoutMark } from './marks'

const items = ['constructor', 'toString', '__proto__', 'P01'].map((id) => ({ id }))

describe("a ballot's marks on the tablet", () => {
  it('read only own keys: an empty ballot marks nothing, whatever the items are called', () => {
    expect(items.map((c) => markOf({}, c.id))).toEqual([undefined, undefined, undefined, undefined])
    expect(markedItems(items, {})).toEqual([])
  })

  it('write own keys, __proto__ too, and carry them through JSON', () => {
    let marks = withMark({}, '__proto__', 'for')
    marks = withMark(marks, 'constructor', 'against')
    expect(Object.keys(marks)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(marks)).toBe(Object.prototype)
    const sent = JSON.parse(JSON.stringify(marks)) as Record<string, 'for'>
    expect(markedItems(items, sent).map((r) => [r.candidate.id, r.mark])).toEqual([
      ['constructor', 'against'],
      ['__proto__', 'for'],
    ])
    expect(Object.keys(withoutMark(marks, '__proto__'))).toEqual(['constructor'])
  })
})
