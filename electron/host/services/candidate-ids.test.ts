import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '../../../shared/protocol/envelope'
import { isSafeId } from '../../../shared/protocol/ids'
import type { Mark, VoteKind } from '../../../shared/protocol/marks'
import { allowedMarks, markedItems, withMark } from '../../../shared/protocol/marks'
import type { ImportPreviewView, ProjectRowView } from '../../../shared/protocol/preparation.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { tally } from '../../../shared/rules'
import { anyIdArb } from '../../../shared/rules/ballot-box.arbitrary'
import { readBallotBox } from '../store/ballot-box/slot-reader'
import { call, callRaw, HostHarness } from '../testing/host-harness'
import { PreparationService } from './preparation.service'
import { ServiceError } from './service-error'
import type { ProjectId, VoteId } from '../../../shared/protocol/ids'

/**
 * Candidate ids are object keys: a project numbered `__proto__` or `constructor` must never
 * show a mark on the tablet that the count then loses (issue 27, item 3).
 */

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** Marks as JSON.parse makes them from the wire: `__proto__` is then an own key. */
const wire = (key: string, mark: Mark = 'for'): Record<string, Mark> =>
  JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(mark)}}`) as Record<string, Mark>

function project(id: string, title: string) {
  return {
    id: id as ProjectId,
    title,
    summary: '',
    leadUnit: '',
    budget: null,
    category: '',
    completion: '',
  }
}

async function openVoteOn(staff: Awaited<ReturnType<HostHarness['staff']>>, kind: VoteKind) {
  const voteId = await h.addVote(staff, defaultRules(kind, kind === 'per-item' ? 4 : 1))
  expect(await call(staff, 'vote:open', { voteId })).toEqual({ ok: true, data: null })
  return voteId
}

describe('a ballot marking a name every object has', () => {
  it('is refused before any acknowledgement, and the box stays empty', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(5)
    const [d1] = h.host.session.meeting.data.deputies
    const tablet = await h.deputy(d1!.credential)
    const select = await openVoteOn(staff, 'select')

    const refusals: Result<unknown>[] = []
    for (const [i, key] of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].entries()) {
      refusals.push(
        await call(tablet.socket, 'ballot:submit', {
          voteId: select,
          ballotId: `proto-${i}-abcdef`,
          marks: wire(key),
        }),
      )
    }
    // With a real candidate beside it, too: the extra key is not dropped and the rest kept.
    refusals.push(
      await call(tablet.socket, 'ballot:submit', {
        voteId: select,
        ballotId: 'proto-both-abcdef',
        marks: { ...wire('__proto__'), P01: 'for' },
      }),
    )
    expect(refusals).toEqual([
      {
        ok: false,
        error: {
          code: 'bad-request',
          detail: 'marks.__proto__: unknown candidate (no candidate may be called __proto__)',
        },
      },
      {
        ok: false,
        error: { code: 'invalid-ballot', detail: 'marks.constructor: unknown candidate' },
      },
      { ok: false, error: { code: 'invalid-ballot', detail: 'marks.toString: unknown candidate' } },
      {
        ok: false,
        error: { code: 'invalid-ballot', detail: 'marks.hasOwnProperty: unknown candidate' },
      },
      {
        ok: false,
        error: {
          code: 'bad-request',
          detail: 'marks.__proto__: unknown candidate (no candidate may be called __proto__)',
        },
      },
    ])
    const box = h.host.session.loadedBox(select)!
    expect(box.castCount).toBe(0)
    expect(box.hasVoted(d1!.id)).toBe(false)
    expect(
      (
        await readBallotBox(join(h.meetingDir, 'ballots'), select, (k) =>
          h.host.session.keys.load(k),
        )
      )?.ballots,
    ).toEqual([])

    // Paper is read by the same schema: a `__proto__` mark is not keyed in as a blank ballot.
    await expect(
      h.host.live.paper({ voteId: select, deputyId: d1!.id, marks: wire('__proto__') }),
    ).rejects.toMatchObject({ code: 'bad-request', detail: expect.stringMatching(/__proto__/) })
    expect(box.castCount).toBe(0)

    // The deputy is not locked out: a real ballot is taken.
    const real = await call(tablet.socket, 'ballot:submit', {
      voteId: select,
      ballotId: 'real-ballot-abcdef',
      marks: { P01: 'for' },
    })
    expect(real).toEqual({ ok: true, data: { voteId: select, ballotId: 'real-ballot-abcdef' } })
    expect(box.castCount).toBe(1)
  })

  it('cannot complete a per-item ballot in place of a real item', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(5)
    const [d1] = h.host.session.meeting.data.deputies
    const tablet = await h.deputy(d1!.credential)
    const voteId = await openVoteOn(staff, 'per-item')
    // Every item marked, and a `__proto__` mark that reads as nothing if it is dropped.
    const marks = {
      ...wire('__proto__', 'against'),
      P01: 'for',
      P02: 'for',
      P03: 'for',
      P04: 'for',
    }
    const reply = await callRaw(tablet.socket, 'ballot:submit', {
      voteId,
      ballotId: 'per-item-proto-01',
      marks,
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(0)
  })
})

describe('project numbers that cannot be candidate ids', () => {
  it('are refused when a project list is imported, naming the row', async () => {
    await h.host.meetings.loadDemo(5)
    const before = h.host.session.meeting.data.projects.map((p) => p.id)
    const body = Buffer.from('编号,项目名称\nN01,托育\n__proto__,助餐\n', 'utf8')
    const res = await fetch(`http://127.0.0.1:${h.host.port}/api/import/projects?name=p.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.host.staffToken}` },
      body: new Uint8Array(body),
    })
    const preview = (await res.json()) as ImportPreviewView<ProjectRowView>
    expect(preview.previewId).toBeNull()
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '编号', '第3行：编号“__proto__”是系统保留的名称，请换一个'],
    ])
    expect(h.host.session.meeting.data.projects.map((p) => p.id)).toEqual(before)
  })

  it('are refused when a project is added or edited by hand, naming the field', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(5)
    const add = (id: string) => call(staff, 'project:add', { id, title: `项目 ${id}` })
    expect(await add('__proto__')).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        detail:
          'id: 编号“__proto__”是系统保留的名称，请换一个 / "__proto__" is a reserved name; choose another',
      },
    })
    expect(await add('constructor')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await add('P 99')).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        detail:
          'id: 编号“P 99”只能由英文字母、数字、“-”和“_”组成 / "P 99" may hold only letters, digits, "-" and "_"',
      },
    })
    expect(await add(' N-99_a ')).toEqual({ ok: true, data: null })
    expect(
      await call(staff, 'project:update', { projectId: 'P01', id: 'toString', title: '改名' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request', detail: /^id: / } })
    const ids = h.host.session.meeting.data.projects.map((p) => p.id)
    expect(ids).toContain('N-99_a')
    expect(ids.filter((id) => !isSafeId(id))).toEqual([])
  })
})

describe('a meeting saved before the id rule', () => {
  it('still opens; a vote on a __proto__ project is refused until the project is renumbered', async () => {
    await h.host.meetings.loadDemo(5)
    // What an import before the fix could leave in meeting.json: the project and a draft on it.
    const legacy: VoteDef = {
      id: 'Vlegacy01' as VoteId,
      title: '旧表决',
      rules: defaultRules('select', 1),
      candidates: [
        { id: '__proto__' as ProjectId, title: '旧项目' },
        { id: 'P01' as ProjectId, title: '普惠托育服务扩容' },
      ],
      status: 'draft',
      openedAt: null,
      closedAt: null,
      attendance: null,
      result: null,
      paper: null,
    }
    await h.host.session.meeting.updateAgenda((data) => {
      data.projects.push(project('__proto__', '旧项目'))
      data.votes.push(legacy)
    })
    await h.stop()
    await h.start()
    const staff = await h.staff()
    expect(h.host.session.meeting.data.projects.map((p) => p.id)).toContain('__proto__')

    const refusal =
      '编号“__proto__”是系统保留的名称，选票无法记录对它的表决，请先在候选项目中修改编号' +
      ' / "__proto__" is a reserved name a ballot cannot mark; give the project another number first'
    expect(
      await call(staff, 'vote:create', {
        title: '新表决',
        rules: defaultRules('select', 1),
        candidateIds: ['P01', '__proto__'],
      }),
    ).toEqual({ ok: false, error: { code: 'bad-request', detail: `candidateIds[1]: ${refusal}` } })
    expect(await call(staff, 'vote:open', { voteId: legacy.id })).toEqual({
      ok: false,
      error: { code: 'bad-request', detail: `candidates[0]: ${refusal}` },
    })
    expect(h.host.session.meeting.data.votes.find((v) => v.id === legacy.id)?.status).toBe('draft')
    expect(await readdir(join(h.meetingDir, 'ballots')).catch(() => [])).toEqual([])

    // Staff give it a new number: the draft follows, opens, and a mark on it is counted.
    expect(
      await call(staff, 'project:update', {
        ...project('P99', '旧项目'),
        projectId: '__proto__',
      }),
    ).toEqual({ ok: true, data: null })
    expect(await call(staff, 'vote:open', { voteId: legacy.id })).toEqual({
      ok: true,
      data: null,
    })
    const [d1] = h.host.session.meeting.data.deputies
    const tablet = await h.deputy(d1!.credential)
    const ballot = {
      voteId: legacy.id,
      ballotId: 'legacy-ballot-01',
      marks: { P99: 'for' as const },
    }
    expect((await call(tablet.socket, 'ballot:submit', ballot)).ok).toBe(true)
    expect(await call(staff, 'vote:close', { voteId: legacy.id })).toEqual({
      ok: true,
      data: null,
    })
    const result = h.host.session.meeting.data.votes.find((v) => v.id === legacy.id)?.result
    expect(result?.items.map((it) => [it.id, 'for' in it ? it.for : null])).toEqual([
      ['P99', 1],
      ['P01', 0],
    ])
  })
})

describe('any project number, through the host', () => {
  it('is refused by the id rule, or a ballot on it is counted as the tablet showed it, or refused before any acknowledgement', async () => {
    await h.host.meetings.loadDemo(3)
    const prep = new PreparationService(h.host.hall)
    const [deputy] = h.host.session.meeting.data.deputies
    await h.host.attendance.set({ deputyIds: [deputy!.id], state: 'present' })
    // Not motion: its one candidate is the motion's own text, never a project (motion.test.ts).
    const kindArb = fc.constantFrom<VoteKind>('select', 'per-item', 'rating')
    let run = 0

    /** A vote on the project (or, when it was refused, without it) and the tablet's ballot. */
    async function ballotOn(id: string, added: string | null, kind: VoteKind, pick: number) {
      const ids = added === null ? ['P01'] : [added, 'P01']
      const seats = kind === 'select' || kind === 'per-item' ? ids.length : null
      const { voteId } = await h.host.votes.create({
        title: `表决 ${run}`,
        rules: defaultRules(kind, seats),
        candidateIds: ids,
      })
      await h.host.votes.open({ voteId })
      const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!

      // The tablet marks the number as given (a forged ballot when the host refused it), and
      // every item, as the tablet asks.
      const options = allowedMarks[kind]
      let marks: Record<string, Mark> = {}
      for (const [i, key] of [id, ...ids].entries())
        marks = withMark(marks, key, options[(pick + i) % options.length]!)
      const review = markedItems(vote.candidates, marks)
      const raw = JSON.parse(
        JSON.stringify({ voteId, ballotId: `prop-${run}-abcdef`, marks }),
      ) as unknown
      const acked = await h.host.votes.submit(deputy!.id, raw).then(
        () => true,
        (error: unknown) => {
          expect(error).toBeInstanceOf(ServiceError)
          return false
        },
      )
      const onDisk = await readBallotBox(join(h.meetingDir, 'ballots'), voteId, (k) =>
        h.host.session.keys.load(k),
      )
      if (!acked) {
        // Refused before any acknowledgement: nothing stored, the deputy may vote again.
        expect(onDisk?.ballots).toEqual([])
        expect(h.host.session.loadedBox(voteId)?.hasVoted(deputy!.id)).toBe(false)
      } else {
        // Counted exactly as the review showed it, every item of the ballot.
        if (added !== null) expect(review.map((r) => r.candidate.id)).toContain(added)
        const result = tally(h.host.votes.ballotBox(vote, onDisk!.ballots))
        for (const c of vote.candidates) {
          const item = result.items.find((it) => it.id === c.id) as Record<string, unknown>
          const shown = review.find((r) => r.candidate.id === c.id)?.mark
          for (const m of kind === 'select' ? (['for'] as const) : options) {
            const unmarked = m === 'abstain' && shown === undefined
            expect(item[m], `${c.id} ${m}`).toBe(m === shown || unmarked ? 1 : 0)
          }
        }
      }
      // A number the host took is never refused on a ballot.
      if (added !== null) expect(acked).toBe(true)
    }

    await fc.assert(
      fc.asyncProperty(anyIdArb, kindArb, fc.nat(), async (id, kind, pick) => {
        run += 1
        const existing: string[] = h.host.session.meeting.data.projects.map((p) => p.id)
        let added: string | null = null
        try {
          await prep.addProject({ id, title: `项目 ${run}` })
          added = id.trim()
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError)
        }
        try {
          // The host refuses what the id rule refuses (and a number already taken), no more.
          const trimmed = id.trim()
          const allowed = isSafeId(trimmed) && trimmed.length <= 32 && !existing.includes(trimmed)
          expect(added !== null, JSON.stringify(id)).toBe(allowed)
          await ballotOn(id, added, kind, pick)
        } finally {
          // Whatever failed, the next run starts with no vote open and only the demo's projects.
          const open = h.host.session.openVote()
          if (open) await h.host.live.annul({ voteId: open.id, reason: '测试结束' })
          if (added !== null) await prep.removeProject({ projectId: added })
        }
      }),
      {
        numRuns: 60,
        examples: [
          ['__proto__', 'select', 0],
          ['__proto__', 'per-item', 1],
          ['constructor', 'rating', 2],
          ['toString', 'per-item', 0],
        ],
      },
    )
  }, 60_000)
})
