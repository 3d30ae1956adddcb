import { describe, expect, it } from 'vitest'
import { canonicalJson, digestOf } from './digest'

describe('canonical JSON', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}',
    )
  })

  it('keeps an own __proto__ key, so a digest cannot pass over what a file holds', () => {
    const marks = JSON.parse('{"__proto__":"for","P01":"for"}') as unknown
    expect(canonicalJson(marks)).toBe('{"P01":"for","__proto__":"for"}')
    expect(digestOf(marks)).not.toBe(digestOf({ P01: 'for' }))
    const nested = JSON.parse('{"__proto__":{"b":1,"a":2}}') as unknown
    expect(canonicalJson(nested)).toBe('{"__proto__":{"a":2,"b":1}}')
  })
})
