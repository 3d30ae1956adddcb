import { describe, expect, it } from 'vitest'
import { layoutSeats, parseSeat, seatAt } from './seat-map'

describe('parseSeat', () => {
  it.each([
    ['3排12号', '', 3, 12],
    ['3排12', '', 3, 12],
    ['第3排第12号', '', 3, 12],
    ['3排12座', '', 3, 12],
    ['3 排 12 号', '', 3, 12],
    ['３排１２号', '', 3, 12],
    ['三排十二号', '', 3, 12],
    ['第二十排一百零五号', '', 20, 105],
    ['3-12', '', 3, 12],
    ['3－12', '', 3, 12],
    ['3/12', '', 3, 12],
    ['12-5号', '', 12, 5],
    ['二楼3排12号', '二楼', 3, 12],
    ['二楼十二排3号', '二楼', 12, 3],
    ['A区3-12', 'A区', 3, 12],
    ['a区-3-12', 'A区', 3, 12],
    ['东区 3排12号', '东区', 3, 12],
    ['2号楼3排5号', '2号楼', 3, 5],
    ['主席台5号', '主席台', 1, 5],
    ['主席台第5号', '主席台', 1, 5],
  ])('reads %s', (text, section, row, number) => {
    expect(parseSeat(text)).toEqual({ section, row, number })
  })

  it.each([
    ['a bare number (straight through, or 排 and 号 run together?)', '0312'],
    ['a bare number', '312'],
    ['a seat with no row', '12号'],
    ['a row with no seat', '3排'],
    ['nothing', ''],
    ['spaces', '   '],
    ['words', '待定'],
    ['row 0', '0排5号'],
    ['seat 1000', '3排1000号'],
    ['bare Chinese digits run together', '一二排三号'],
  ])('does not place %s (%s)', (_why, text) => {
    expect(parseSeat(text)).toBeNull()
  })
})

describe('layoutSeats', () => {
  it('draws rows top to bottom, seat numbers left to right, from the lowest number', () => {
    const layout = layoutSeats(['2排1号', '1排2号', '1排1号', '2排3号'])
    expect(layout.columns).toBe(3)
    expect(layout.lines).toBe(2)
    const where = (index: number) => layout.seats.find((s) => s.index === index)
    expect(where(2)).toMatchObject({ x: 0, y: 0 })
    expect(where(1)).toMatchObject({ x: 1, y: 0 })
    expect(where(0)).toMatchObject({ x: 0, y: 1 })
    expect(where(3)).toMatchObject({ x: 2, y: 1 })
    expect(layout.rowLabels).toEqual([
      { y: 0, row: 1 },
      { y: 1, row: 2 },
    ])
    expect(layout.sectionLabels).toEqual([])
    expect(seatAt(layout, 2, 1)).toBe(layout.seats.indexOf(where(3)!))
    expect(seatAt(layout, 1, 1)).toBeNull()
    expect(seatAt(layout, -1, 0)).toBeNull()
    expect(seatAt(layout, 0, 2)).toBeNull()
  })

  it('keeps one empty line for missing rows and lists what it cannot place', () => {
    const layout = layoutSeats(['1排1号', '5排1号', '0312', '1-1', '贵宾席'])
    expect(layout.rowLabels).toEqual([
      { y: 0, row: 1 },
      { y: 2, row: 5 },
    ])
    expect(layout.lines).toBe(3)
    expect(layout.unplaced).toEqual([
      { index: 2, reason: 'unreadable' },
      { index: 3, reason: 'duplicate' },
      { index: 4, reason: 'unreadable' },
    ])
  })

  it('stacks sections, the presidium first, each named and centred on the widest', () => {
    const layout = layoutSeats(['1排1号', '1排9号', '二楼1排3号', '主席台2号', '主席台3号'])
    expect(layout.columns).toBe(9)
    expect(layout.sectionLabels).toEqual([
      { y: 0, name: '主席台' },
      { y: 5, name: '二楼' },
    ])
    const where = (index: number) => layout.seats.find((s) => s.index === index)
    // 主席台: label line 0, its row line 1, two seats centred in nine columns.
    expect(where(3)).toMatchObject({ x: 3, y: 1 })
    // The main floor after a gap line: line 3, seats 1 and 9 at both edges.
    expect(where(0)).toMatchObject({ x: 0, y: 3 })
    expect(where(1)).toMatchObject({ x: 8, y: 3 })
    // 二楼 after a gap and its name: one seat, centred.
    expect(where(2)).toMatchObject({ x: 4, y: 6 })
    expect(layout.lines).toBe(7)
  })

  it('lays out a hall of 3,000 in a few milliseconds, every seat once', () => {
    const seats = Array.from(
      { length: 3000 },
      (_, i) => `${Math.floor(i / 40) + 1}排${(i % 40) + 1}号`,
    )
    const started = performance.now()
    const layout = layoutSeats(seats)
    const took = performance.now() - started
    expect(layout.seats).toHaveLength(3000)
    expect(layout.unplaced).toEqual([])
    expect(layout.columns).toBe(40)
    expect(layout.lines).toBe(75)
    expect(new Set(layout.seats.map((s) => s.y * 40 + s.x)).size).toBe(3000)
    expect(took).toBeLessThan(200)
  })

  it('draws nothing for a roster whose seats cannot be placed, and lists everyone', () => {
    const layout = layoutSeats(['0101', '0102'])
    expect(layout.seats).toEqual([])
    expect(layout.lines).toBe(0)
    expect(layout.unplaced.map((u) => u.index)).toEqual([0, 1])
  })
})
