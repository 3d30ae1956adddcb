import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { demoDeputies, demoMeeting } from './demo-meeting'
import type { DemoDeputy } from './demo-meeting'

const SEAT = /^[1-9]\d*排[1-9]\d*号$/

function expectWellFormed(deputies: DemoDeputy[], count: number): void {
  expect(deputies).toHaveLength(count)
  expect(new Set(deputies.map((d) => d.name)).size).toBe(count)
  expect(new Set(deputies.map((d) => d.seat)).size).toBe(count)
  for (const d of deputies) {
    expect(d.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/)
    expect(d.delegation).toMatch(/^[\u4e00-\u9fff]+代表团$/)
    expect(d.seat).toMatch(SEAT)
  }
  // Each delegation sits in one contiguous block.
  const seen = new Set<string>()
  deputies.forEach((d, i) => {
    if (i > 0 && deputies[i - 1]?.delegation === d.delegation) return
    expect(seen.has(d.delegation)).toBe(false)
    seen.add(d.delegation)
  })
}

describe('demoDeputies', () => {
  it('respects the count', () => {
    for (const n of [0, 1, 2, 7, 45, 150, 327, 450, 1000]) {
      expect(demoDeputies(n)).toHaveLength(n)
    }
  })

  it('gives unique names and unique seats, grouped by delegation', () => {
    for (const n of [1, 13, 327, 2980]) expectWellFormed(demoDeputies(n), n)
  })

  it('has 10–14 delegations of uneven size for a county-sized congress', () => {
    const sizes = new Map<string, number>()
    for (const d of demoDeputies(327)) sizes.set(d.delegation, (sizes.get(d.delegation) ?? 0) + 1)
    expect(sizes.size).toBeGreaterThanOrEqual(10)
    expect(sizes.size).toBeLessThanOrEqual(14)
    const values = [...sizes.values()]
    expect(Math.max(...values)).toBeGreaterThan(Math.min(...values))
  })

  it('is deterministic', () => {
    expect(demoDeputies(327)).toEqual(demoDeputies(327))
    expect(demoDeputies(500, 7)).toEqual(demoDeputies(500, 7))
    expect(demoDeputies(500, 7)).not.toEqual(demoDeputies(500, 8))
    expect(demoMeeting()).toEqual(demoMeeting())
  })

  it('handles 5000 deputies, with about one delegation per 30', () => {
    const deputies = demoDeputies(5000)
    expectWellFormed(deputies, 5000)
    const delegations = new Set(deputies.map((d) => d.delegation)).size
    expect(delegations).toBeGreaterThan(100)
    expect(delegations).toBeLessThan(250)
  })

  // Speed belongs in `npm run bench`, not in a timed test.
  it('generates a 10000-deputy rehearsal roster', () => {
    expectWellFormed(demoDeputies(10_000), 10_000)
  })

  it('rejects a bad count', () => {
    expect(() => demoDeputies(-1)).toThrow(RangeError)
    expect(() => demoDeputies(1.5)).toThrow(RangeError)
  })
})

describe('demoMeeting', () => {
  it('defaults to 327 deputies and a fictional title', () => {
    const meeting = demoMeeting()
    expect(meeting.deputies).toHaveLength(327)
    expect(meeting.title).toContain('人民代表大会')
  })

  it('has 13 projects P01..P13 with all fields', () => {
    const { projects } = demoMeeting()
    expect(projects).toHaveLength(13)
    projects.forEach((p, i) => {
      expect(Object.keys(p).sort()).toEqual(
        ['budget', 'category', 'leadUnit', 'number', 'summary', 'title'].sort(),
      )
      expect(p.number).toBe(`P${String(i + 1).padStart(2, '0')}`)
      expect(p.title.length).toBeGreaterThan(0)
      expect(p.summary.length).toBeGreaterThan(10)
      expect(p.leadUnit).toMatch(/^区/)
      expect(p.category.length).toBeGreaterThan(0)
      expect(Number.isFinite(p.budget) && p.budget > 0).toBe(true)
    })
    expect(new Set(projects.map((p) => p.title)).size).toBe(13)
    expect(projects.filter((p) => [...p.title].length >= 14).length).toBeGreaterThanOrEqual(2)
  })

  it('returns copies of the projects', () => {
    const a = demoMeeting(1)
    const first = a.projects[0]
    if (first) first.title = 'changed'
    expect(demoMeeting(1).projects[0]?.title).not.toBe('changed')
  })

  it('matches resources/demo/meeting.json (regenerate with write-demo.ts)', () => {
    const path = fileURLToPath(new URL('../../../resources/demo/meeting.json', import.meta.url))
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(demoMeeting(327))
  })
})
