import { describe, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import type { Mark } from '../../../shared/protocol/marks'
import type { DeputyHallView, DeputyState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, next, quorumMeeting } from '../testing/host-harness'

/** The next hall message whose last-ended vote satisfies `until`. */
const hallWhere = (socket: Socket, until: (hall: DeputyHallView) => boolean) =>
  next<DeputyHallView>(socket, 'deputy:hall', until)

describe('the hall told what happened', () => {
  it('tablets hear the vote ended, then its result in brief, never a ballot', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    const voteId = await h.addVote(staff, {
      ...defaultRules('select', 1),
      threshold: { base: 'valid', numerator: 1, denominator: 2, strict: true },
    })
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    const marks: Record<string, Mark>[] = [{ P01: 'for' }, { P01: 'for' }, { P02: 'for' }]
    for (const [i, t] of tablets.entries())
      await call(t.socket, 'ballot:submit', {
        voteId,
        ballotId: `told-${i}-ballot`,
        marks: marks[i]!,
      })

    const [first, , third] = tablets.map((t) => t.socket) as [Socket, Socket, Socket]
    const ended = hallWhere(first, (hall) => hall.ended?.status === 'closed')
    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    expect((await ended).ended).toEqual({
      id: voteId,
      title: '测试表决',
      kind: 'select',
      status: 'closed',
      annulReason: null,
      brief: null,
    })
    expect((await ended).vote).toBeNull()

    const toFirst = hallWhere(first, (hall) => hall.ended?.status === 'published')
    const toThird = hallWhere(third, (hall) => hall.ended?.status === 'published')
    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    const [a, c] = await Promise.all([toFirst, toThird])
    const brief = a.ended?.brief
    expect(brief?.counts).toEqual({ issued: 3, cast: 3, valid: 3 })
    expect(brief?.items.slice(0, 2).map((i) => [i.outcome, i.for])).toEqual([
      ['elected', 2],
      ['not-elected', 1],
    ])
    // Two deputies who voted differently are told the very same thing.
    expect(c).toEqual(a)

    // A tablet that connects now is told too, in its own state.
    const late = h.connect('/deputy', { credential: deputies[0]!.credential })
    const state = await next<DeputyState>(late, 'deputy:state')
    expect(state.ended).toEqual(a.ended)
  })

  it('an annulment reaches the tablets with its reason; 重新表决 makes one fresh copy, audited', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    const rules = { ...defaultRules('select', 2), allowChange: true }
    const voteId = await h.addVote(staff, rules)
    const { socket } = await h.deputy(deputies[0]!.credential)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    expect(await call(staff, 'vote:revote', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-annulled' },
    })

    const told = hallWhere(socket, (hall) => hall.ended?.status === 'annulled')
    expect((await call(staff, 'vote:annul', { voteId, reason: '表决器故障' })).ok).toBe(true)
    const hall = await told
    expect(hall.vote).toBeNull()
    expect(hall.ended).toMatchObject({ id: voteId, annulReason: '表决器故障', brief: null })

    const again = await call(staff, 'vote:revote', { voteId })
    if (!again.ok) throw new Error(JSON.stringify(again.error))
    const copy = h.host.session.meeting.data.votes.find((v) => v.id === again.data.voteId)
    const original = h.host.session.meeting.data.votes.find((v) => v.id === voteId)
    expect(copy).toMatchObject({
      title: original?.title,
      rules,
      candidates: original?.candidates,
      status: 'draft',
      openedAt: null,
      result: null,
      revoteOf: voteId,
    })
    expect(copy?.annulReason).toBeUndefined()
    // A second click answers with the same copy.
    expect(await call(staff, 'vote:revote', { voteId })).toEqual(again)
    expect(h.host.session.meeting.data.votes).toHaveLength(2)
    const audited = (await h.host.session.audit.entries()).filter(
      (e) => e.type === 'vote.revote-created',
    )
    expect(audited.map((e) => e.data)).toEqual([
      { voteId: again.data.voteId, revoteOf: voteId, title: original?.title },
    ])

    // The copy opens like any draft.
    expect((await call(staff, 'vote:open', { voteId: again.data.voteId })).ok).toBe(true)
  })

  it('a tablet asks for the open vote’s candidates’ 简介, 牵头单位 and 投资额, only while it is open', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const { socket } = await h.deputy(deputies[0]!.credential)
    expect(await call(socket, 'vote:details', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-open' },
    })
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    const details = await call(socket, 'vote:details', { voteId })
    if (!details.ok) throw new Error(JSON.stringify(details.error))
    const projects = h.host.session.meeting.data.projects
    expect(details.data).toEqual(
      projects.slice(0, 4).map((p) => ({
        id: p.id,
        summary: p.summary,
        leadUnit: p.leadUnit,
        budget: p.budget,
        category: p.category,
        completion: p.completion,
        // No proposals imported: none behind any candidate.
        proposals: { count: 0, sources: [] },
      })),
    )
    expect(details.data[0]?.summary.length).toBeGreaterThan(0)
  })
})
