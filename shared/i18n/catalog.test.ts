import { describe, expect, it } from 'vitest'
import { auditZhCN } from './audit.zh-CN'
import { baseZhCN } from './base.zh-CN'
import { hallZhCN } from './hall.zh-CN'
import { catalog } from './index'
import { liveZhCN } from './live.zh-CN'
import { paperZhCN } from './paper.zh-CN'
import { prepZhCN } from './prep.zh-CN'
import { safetyZhCN } from './safety.zh-CN'
import { screenZhCN } from './screen.zh-CN'
import { tabletCatalog } from './tablet'
import { tabletZhCN } from './tablet.zh-CN'
import { zhCN } from './zh-CN'

const areas = {
  base: baseZhCN,
  tablet: tabletZhCN,
  common: zhCN,
  prep: prepZhCN,
  live: liveZhCN,
  screen: screenZhCN,
  safety: safetyZhCN,
  hall: hallZhCN,
  audit: auditZhCN,
  paper: paperZhCN,
}

describe('the dictionaries', () => {
  it('define each key in one area only (a second would silently win the merge)', () => {
    const where = new Map<string, string[]>()
    for (const [area, dict] of Object.entries(areas))
      for (const key of Object.keys(dict)) where.set(key, [...(where.get(key) ?? []), area])
    expect([...where].filter(([, found]) => found.length > 1)).toEqual([])
  })

  it('keep every tablet.* string in the tablet area, the only one the tablet loads', () => {
    // The whole catalog, so that a tablet string put in any other area's file is found.
    const elsewhere = Object.keys(catalog['zh-CN']).filter(
      (k) => k.startsWith('tablet.') && !Object.hasOwn(tabletZhCN, k),
    )
    expect(elsewhere).toEqual([])
    expect(Object.keys(tabletZhCN).every((k) => k.startsWith('tablet.'))).toBe(true)
  })

  it('give the tablet base and tablet only, in both languages, as the whole catalog has them', () => {
    const keys = [...Object.keys(baseZhCN), ...Object.keys(tabletZhCN)].sort()
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(Object.keys(tabletCatalog[lang]).sort()).toEqual(keys)
      for (const key of keys)
        expect(tabletCatalog[lang][key as keyof (typeof tabletCatalog)['en']]).toBe(
          catalog[lang][key as keyof (typeof catalog)['en']],
        )
    }
    expect(Object.keys(catalog.en).length).toBeGreaterThan(keys.length * 3)
  })
})
