/**
 * The seat map: where each deputy sits, read from the roster's seat numbers as offices type them.
 * Pure, for the console (who has not voted, by seat) and the projector (报到 by seat) alike.
 *
 * What is read (full-width digits and spaces are ignored):
 *   3排12号, 第3排第12号, 3排12座, 3排12, 三排十二号   row 3, seat 12
 *   3-12, 3－12, 3/12, 3.12                          row 3, seat 12
 *   二楼3排12号, A区3-12, 东区 3排12号                 the same in a section (二楼, A区, 东区)
 *   主席台5号                                        a section of one row (a presidium)
 * What is not: a bare number ("0312", "312", "12号"). A hall numbered straight through has seat
 * 1205 as often as one writing 排 and 号 together has "1205" for row 12 seat 5, and a map that
 * guesses wrong sends staff to the wrong seat; those deputies are listed beside the map instead.
 *
 * The map is drawn as seen from the back of the hall: the stage at the top, row 1 nearest it,
 * seat numbers rising left to right; sections stacked, a presidium (主席台) first, then the
 * others in the order the roster first names them.
 */

export interface SeatPlace {
  /** 二楼, A区, 主席台…; '' for the main floor. */
  section: string
  row: number
  number: number
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 十二 → 12, 二十 → 20, 一百零五 → 105; a run of bare digits (一二) is not a number. */
function chineseNumber(text: string): number | null {
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(text)) return null
  let total = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!
    else if (ch === '十' || ch === '百') {
      total += (digit ?? 1) * (ch === '十' ? 10 : 100)
      digit = null
    } else return null
  }
  return total + (digit ?? 0)
}

function numberOf(token: string): number | null {
  const n = /^\d+$/.test(token) ? Number(token) : chineseNumber(token)
  return n !== null && n >= 1 && n <= 999 ? n : null
}

const NUM = '(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,5})'
/** 3排12号 with an optional section before it. */
const ROW_SEAT = new RegExp(`^(.*?)第?${NUM}[排行]第?${NUM}(?:号座|号|座|位)?$`)
/** 3-12 with an optional section ending in something that is not a digit. */
const DASHED = /^(?:(.*\D))?(\d{1,3})[-_/.·、,，－—–](\d{1,3})号?$/
/** 主席台5号: a named section of a single row. */
const SECTION_SEAT = new RegExp(`^(.*[^\\d排行第])第?${NUM}[号座位]$`)

function sectionName(prefix: string | undefined): string {
  return (prefix ?? '').replace(/[-_/.·、,，－—–:：]+$/, '')
}

/** Where a seat is, or null when it cannot be placed (see the top of this file). */
export function parseSeat(raw: string): SeatPlace | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (text === '') return null
  const rowSeat = ROW_SEAT.exec(text)
  if (rowSeat) {
    const row = numberOf(rowSeat[2]!)
    const number = numberOf(rowSeat[3]!)
    if (row !== null && number !== null) return { section: sectionName(rowSeat[1]), row, number }
  }
  const dashed = DASHED.exec(text)
  if (dashed) {
    const row = numberOf(dashed[2]!)
    const number = numberOf(dashed[3]!)
    if (row !== null && number !== null) return { section: sectionName(dashed[1]), row, number }
  }
  const single = SECTION_SEAT.exec(text)
  if (single) {
    const number = numberOf(single[2]!)
    const section = sectionName(single[1])
    if (number !== null && section !== '') return { section, row: 1, number }
  }
  return null
}

/** A seat on the map's grid: column x, line y (both from 0), for the deputy at `index`. */
export interface PlacedSeat {
  index: number
  x: number
  y: number
  row: number
  number: number
}

export interface SeatLayout {
  /** Grid size: the widest section's seats, and every line (section names and gaps included). */
  columns: number
  lines: number
  seats: PlacedSeat[]
  /** A line holding a row's seats: its row number, for a "3排" label. */
  rowLabels: { y: number; row: number }[]
  /** A line naming the section below it. */
  sectionLabels: { y: number; name: string }[]
  /** Deputies the map cannot show, in roster order: their seat unreadable, or taken twice. */
  unplaced: { index: number; reason: 'unreadable' | 'duplicate' }[]
  /** Grid cell (y * columns + x) → position in `seats`, for finding the seat under a pointer. */
  cells: Map<number, number>
}

interface Section {
  name: string
  seats: { index: number; row: number; number: number }[]
}

/** A presidium sits nearest the stage, so it is drawn first. */
const isStage = (name: string) => /主席台|台上/.test(name)

/**
 * The map of a roster's seats, `seats[i]` being deputy i's. Rows missing inside a section keep
 * one empty line (a gap of several is drawn as one); seat numbers keep their places, so seat 1
 * is always at a section's left edge. Sections are centred on the widest.
 */
export function layoutSeats(seats: readonly string[]): SeatLayout {
  const sections = new Map<string, Section>()
  const taken = new Set<string>()
  const unplaced: SeatLayout['unplaced'] = []
  seats.forEach((label, index) => {
    const place = parseSeat(label)
    if (!place) {
      unplaced.push({ index, reason: 'unreadable' })
      return
    }
    const key = `${place.section}\u0000${place.row}\u0000${place.number}`
    if (taken.has(key)) {
      unplaced.push({ index, reason: 'duplicate' })
      return
    }
    taken.add(key)
    let section = sections.get(place.section)
    if (!section) sections.set(place.section, (section = { name: place.section, seats: [] }))
    section.seats.push({ index, row: place.row, number: place.number })
  })
  const ordered = [...sections.values()].sort(
    (a, b) => Number(isStage(b.name)) - Number(isStage(a.name)),
  )
  const spans = ordered.map((s) => {
    let min = Infinity
    let max = -Infinity
    for (const seat of s.seats) {
      min = Math.min(min, seat.number)
      max = Math.max(max, seat.number)
    }
    return { min, width: max - min + 1 }
  })
  const columns = Math.max(1, ...spans.map((s) => s.width))
  const placed: PlacedSeat[] = []
  const rowLabels: SeatLayout['rowLabels'] = []
  const sectionLabels: SeatLayout['sectionLabels'] = []
  const named = ordered.length > 1 || ordered.some((s) => s.name !== '')
  let y = 0
  ordered.forEach((section, i) => {
    if (i > 0) y += 1
    if (named && section.name !== '') sectionLabels.push({ y: y++, name: section.name })
    const { min, width } = spans[i]!
    const left = Math.floor((columns - width) / 2)
    const rows = [...new Set(section.seats.map((s) => s.row))].sort((a, b) => a - b)
    const lineOf = new Map<number, number>()
    rows.forEach((row, r) => {
      if (r > 0 && row - rows[r - 1]! > 1) y += 1
      lineOf.set(row, y)
      rowLabels.push({ y, row })
      y += 1
    })
    for (const seat of section.seats) {
      placed.push({ ...seat, x: left + seat.number - min, y: lineOf.get(seat.row)! })
    }
  })
  placed.sort((a, b) => a.y - b.y || a.x - b.x)
  const cells = new Map<number, number>()
  placed.forEach((seat, i) => cells.set(seat.y * columns + seat.x, i))
  return { columns, lines: y, seats: placed, rowLabels, sectionLabels, unplaced, cells }
}

/** The seat drawn at grid cell (x, y), as its position in `layout.seats`, or null. */
export function seatAt(layout: SeatLayout, x: number, y: number): number | null {
  if (x < 0 || y < 0 || x >= layout.columns || y >= layout.lines) return null
  return layout.cells.get(y * layout.columns + x) ?? null
}
