import { describe, expect, it } from 'vitest'
import { ballotBoxSchema } from '../protocol/ballot-box.schema'
import type { BoxSpec } from './ballot-box.fixture'
import { forEach, rawBox } from './ballot-box.fixture'
import { MAX_PROBLEMS, readBallotBox } from './read-ballot-box'

const good: BoxSpec = {
  kind: 'select',
  seats: 1,
  candidates: ['P01', 'P02'],
  roster: 10,
  ballots: [forEach(3, 'P01'), forEach(2, 'P02'), [1, {}]],
}

type Json = Record<string, unknown>
const goodJson = () =>
  rawBox(good) as unknown as Json & { vote: Json; attendance: Json; ballots: Json[] }

const problemsOf = (json: unknown): string[] => {
  const r = readBallotBox(json)
  if (r.ok) throw new Error('expected problems')
  return r.problems
}

describe('readBallotBox accepts', () => {
  it('a good box, filling the contract defaults', () => {
    const r = readBallotBox(rawBox(good))
    if (!r.ok) throw new Error(r.problems.join('\n'))
    expect(r.box.vote).toMatchObject({
      maxFor: null,
      threshold: { base: 'roster', numerator: 1, denominator: 2, strict: true },
      tiePolicy: 'runoff',
      shortfallPolicy: 'accept-fewer',
    })
    expect(r.box.attendance).toEqual({ roster: 10, present: 10, issued: 10 })
  })

  it('and ignores fields it does not know, as the host may add some', () => {
    const json = { ...goodJson(), meeting: 'm1', openedAt: 1, digest: 'abc' }
    json.vote = { ...json.vote, extra: true }
    const r = readBallotBox(json)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.box).not.toHaveProperty('meeting')
  })

  it('the contract example, corrected to mark only its own candidates', () => {
    const example = {
      format: 'plenary-vote.ballot-box/1',
      vote: {
        title: '2027年度民生实事项目票决',
        kind: 'select',
        seats: 10,
        maxFor: null,
        threshold: { base: 'roster', numerator: 1, denominator: 2, strict: true },
        tiePolicy: 'runoff',
        shortfallPolicy: 'accept-fewer',
        candidates: Array.from({ length: 13 }, (_, i) => ({
          id: `P${String(i + 1).padStart(2, '0')}`,
          title: `项目${i + 1}`,
        })),
      },
      attendance: { roster: 327, present: 314, issued: 314 },
      ballots: [
        { count: 12, marks: { P01: 'for', P03: 'for' } },
        { count: 1, marks: {}, spoiled: true },
      ],
    }
    expect(readBallotBox(example).ok).toBe(true)
    expect(ballotBoxSchema.safeParse(example).success).toBe(true)
  })
})

describe('readBallotBox rejects, naming the JSON path', () => {
  const mutate = (f: (j: ReturnType<typeof goodJson>) => void) => {
    const j = goodJson()
    f(j)
    return j
  }
  it.each([
    ['not an object', [], ['(root): expected a JSON object']],
    ['null', null, ['(root): expected a JSON object']],
    [
      'wrong format',
      mutate((j) => (j.format = 'x/1')),
      ['format: expected "plenary-vote.ballot-box/1" (got "x/1")'],
    ],
    [
      'missing seats for select',
      mutate((j) => delete j.vote.seats),
      ['vote.seats: required for kind select'],
    ],
    [
      'missing seats for per-item',
      mutate((j) => ((j.vote.kind = 'per-item'), delete j.vote.seats)),
      ['vote.seats: required for kind per-item'],
    ],
    [
      'seats for a rating',
      mutate((j) => (j.vote.kind = 'rating')),
      [
        'vote.seats: must be absent or null for kind rating',
        'ballots[0].marks.P01: mark for not allowed for kind rating (allowed: satisfied, basic, unsatisfied, abstain)',
        'ballots[1].marks.P02: mark for not allowed for kind rating (allowed: satisfied, basic, unsatisfied, abstain)',
      ],
    ],
    [
      'seats 0',
      mutate((j) => (j.vote.seats = 0)),
      ['vote.seats: Too small: expected number to be >=1'],
    ],
    [
      'more seats than candidates',
      mutate((j) => (j.vote.seats = 3)),
      ['vote.seats: 3 seats but only 2 candidates'],
    ],
    [
      'maxFor on select',
      mutate((j) => (j.vote.maxFor = 1)),
      ['vote.maxFor: only applies to kind per-item'],
    ],
    [
      'motion with two candidates',
      mutate((j) => ((j.vote.kind = 'motion'), (j.vote.seats = null))),
      ['vote.candidates: kind motion needs exactly one candidate (the motion), got 2'],
    ],
    [
      'no candidates',
      mutate((j) => ((j.vote.candidates = []), (j.ballots = []))),
      ['vote.candidates: at least one candidate is required'],
    ],
    [
      'duplicate candidate ids',
      mutate(
        (j) =>
          (j.vote.candidates = [
            { id: 'P01', title: 'a' },
            { id: 'P02', title: 'b' },
            { id: 'P01', title: 'c' },
          ]),
      ),
      ['vote.candidates[2].id: duplicate id P01 (also candidates[0])'],
    ],
    [
      'unknown kind',
      mutate((j) => (j.vote.kind = 'approval')),
      ['vote.kind: Invalid option: expected one of "select"|"per-item"|"motion"|"rating"'],
    ],
    [
      'threshold fraction above one',
      mutate(
        (j) => (j.vote.threshold = { base: 'roster', numerator: 3, denominator: 2, strict: true }),
      ),
      ['vote.threshold.numerator: numerator must not exceed denominator'],
    ],
    [
      'incomplete threshold',
      mutate((j) => (j.vote.threshold = { base: 'present' })),
      [
        'vote.threshold.numerator: required',
        'vote.threshold.denominator: required',
        'vote.threshold.strict: required',
      ],
    ],
    [
      'present above roster',
      mutate((j) => (j.attendance = { roster: 10, present: 11 })),
      ['attendance.present: 11 exceeds roster 10'],
    ],
    [
      'issued above present',
      mutate((j) => (j.attendance = { roster: 10, present: 9, issued: 10 })),
      ['attendance.issued: 10 exceeds present 9'],
    ],
    ['missing attendance', mutate((j: Json) => delete j.attendance), ['attendance: required']],
    ['ballots not an array', mutate((j: Json) => (j.ballots = {})), ['ballots: expected an array']],
    [
      'unknown candidate',
      mutate((j) => j.ballots.push({ count: 1, marks: { P99: 'for' } })),
      ['ballots[3].marks.P99: unknown candidate'],
    ],
    [
      'mark not allowed for the kind',
      mutate((j) => j.ballots.push({ count: 1, marks: { P01: 'against' } })),
      ['ballots[3].marks.P01: mark against not allowed for kind select (allowed: for)'],
    ],
    [
      'no such mark at all',
      mutate((j) => j.ballots.push({ count: 1, marks: { P01: 'yes' } })),
      [
        'ballots[3].marks.P01: Invalid option: expected one of "for"|"against"|"abstain"|"satisfied"|"basic"|"unsatisfied"',
      ],
    ],
    [
      'count 0',
      mutate((j) => j.ballots.push({ count: 0, marks: {} })),
      ['ballots[3].count: Too small: expected number to be >=1'],
    ],
    [
      'fractional count',
      mutate((j) => j.ballots.push({ count: 1.5, marks: {} })),
      ['ballots[3].count: Invalid input: expected int, received number'],
    ],
    ['missing marks', mutate((j) => j.ballots.push({ count: 1 })), ['ballots[3].marks: required']],
    [
      'odd candidate ids are quoted in paths',
      mutate((j) => j.ballots.push({ count: 1, marks: { 'P-9 x': 'for' } })),
      ['ballots[3].marks["P-9 x"]: unknown candidate'],
    ],
  ])('%s', (_label, json, expected) => {
    expect(problemsOf(json)).toEqual(expected)
    expect(ballotBoxSchema.safeParse(json).success).toBe(false)
  })

  it('one broken field does not hide problems elsewhere', () => {
    const j = goodJson()
    delete j.vote.title
    delete j.vote.seats
    j.ballots.push({ count: 1, marks: { P99: 'for' } })
    expect(problemsOf(j)).toEqual([
      'vote.title: required',
      'vote.seats: required for kind select',
      'ballots[3].marks.P99: unknown candidate',
    ])
  })

  it('caps the list so a huge broken box does not flood the terminal', () => {
    const j = goodJson()
    j.ballots = Array.from({ length: 200 }, () => ({ count: 0, marks: {} }))
    const problems = problemsOf(j)
    expect(problems).toHaveLength(MAX_PROBLEMS + 1)
    expect(problems.at(-1)).toBe(`(and ${200 - MAX_PROBLEMS} more problems)`)
  })
})
