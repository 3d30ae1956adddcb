import { describe, expect, it } from 'vitest'
import { chooseEncoding } from './accept-encoding'

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'] as const
  it.each([
    // Browsers as they are.
    ['gzip, deflate, br', both, 'br'],
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br', ['gzip'], 'identity'],
    // No header: nothing the client may not decode. An empty one: identity only.
    [undefined, both, 'identity'],
    ['', both, 'identity'],
    // q-values: the highest wins, ties go br > gzip > identity; q=0 refuses.
    ['gzip;q=1.0, br;q=0.5', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['br;q=0, gzip;q=0', both, 'identity'],
    ['gzip;q=0.001', both, 'gzip'],
    ['GZIP; Q=0.8, identity;q=0.9', both, 'identity'],
    ['identity;q=0.5, br;q=0.6', both, 'br'],
    ['x-gzip', both, 'gzip'],
    // `*` stands for every coding not named.
    ['*', both, 'br'],
    ['*;q=0.5, br;q=0', both, 'gzip'],
    ['*;q=0', both, 'identity'],
    // A malformed q counts as refused.
    ['br;q=2, gzip;q=x, deflate', both, 'identity'],
    // Identity refused and nothing at hand acceptable: the file as it is.
    ['identity;q=0, deflate', both, 'identity'],
  ] as const)('%j with %j at hand → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected)
  })
})
