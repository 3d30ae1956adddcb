import { describe, expect, it } from 'vitest'
import type { PaperBallot } from '../../../shared/protocol/paper-count.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call } from '../testing/host-harness'
import { enterBatch, paperMeeting, paperView, refusalText } from '../testing/paper-count.fixture'

const p = (...ids: string[]): PaperBallot => ({
  marks: Object.fromEntries(ids.map((id) => [id, 'for'])),
})
const spoiled = { marks: {}, spoiled: true } as const

describe('the paper count', () => {
  it('takes the deputies without a tablet ballot to paper, and tablets no more', async () => {
    const { h, staff, voteId, tablets, deputies } = await paperMeeting({ present: 6, tablets: 2 })
    expect(await call(staff, 'paper:start', { voteId })).toEqual({ ok: true, data: null })
    // A second click changes nothing.
    expect(await call(staff, 'paper:start', { voteId })).toEqual({ ok: true, data: null })
    expect(paperView(h, voteId)).toMatchObject({ scope: 'rest', tablet: 2, toCount: 4, left: 4 })

    // A tablet's resend of a ballot counted before still gets its receipt; no new ballot goes in.
    const resent = await call(tablets[0]!.socket, 'ballot:submit', {
      voteId,
      ballotId: 'tablet-ballot-0',
      marks: { P01: 'for' },
    })
    expect(resent).toEqual({ ok: true, data: { voteId, ballotId: 'tablet-ballot-0' } })
    const late = await h.deputy(deputies[3]!.credential)
    expect(late.state.vote).toMatchObject({ id: voteId, paper: true })
    const refused = await call(late.socket, 'ballot:submit', {
      voteId,
      ballotId: 'tablet-ballot-late',
      marks: { P01: 'for' },
    })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'paper-count', params: { reason: 'on' } },
    })
    for (const [event, input] of [
      ['vote:remind', { voteId }],
      ['vote:paper', { voteId, deputyId: deputies[4]!.id, marks: {} }],
    ] as const) {
      expect(await call(staff, event, input as never)).toMatchObject({
        ok: false,
        error: { code: 'paper-count', params: { reason: 'on' } },
      })
    }
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(2)
    expect(await h.auditTypes()).toContain('paper.started')
  })

  it('merges a batch whose two entries agree, and resolves one that differs by a 监票人', async () => {
    const { h, staff, voteId } = await paperMeeting({ present: 8, tablets: 3 })
    await call(staff, 'paper:start', { voteId })
    expect(await call(staff, 'paper:tallies', { voteId, issued: 5, returned: 5 })).toMatchObject({
      ok: true,
    })

    const first = [p('P01', 'P02'), p('P03'), spoiled]
    const a = { voteId, batch: 1, teller: '甲', device: 'device-aaaa' }
    const b = { voteId, batch: 1, teller: '乙', device: 'device-bbbb' }
    expect(await enterBatch(staff, a, first)).toEqual({ ok: true, data: { outcome: 'waiting' } })
    // The first entry's content is not in what the other consoles see.
    expect(JSON.stringify(paperView(h, voteId))).not.toMatch(/P01|P03|spoiled"?:true/)
    expect(await enterBatch(staff, b, first)).toEqual({ ok: true, data: { outcome: 'agreed' } })
    expect(paperView(h, voteId)).toMatchObject({ merged: 3, spoiled: 1, pending: 0, left: 2 })
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(6)

    // Batch 2: the second teller reads place 2 otherwise.
    const c = { voteId, batch: 2, teller: '丙', device: 'device-cccc' }
    const d = { voteId, batch: 2, teller: '甲', device: 'device-dddd' }
    expect(await enterBatch(staff, c, [p('P02'), p('P04')])).toMatchObject({ ok: true })
    expect(await enterBatch(staff, d, [p('P02'), p('P03')])).toEqual({
      ok: true,
      data: { outcome: 'mismatch' },
    })
    const batch2 = paperView(h, voteId)?.batches.find((x) => x.no === 2)
    expect(batch2).toMatchObject({
      state: 'mismatch',
      differences: [{ index: 1, first: p('P04'), second: p('P03') }],
    })
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(6)
    // A teller is no 监票人; the resolution covers exactly the places that differ.
    const resolve = {
      voteId,
      batch: 2,
      scrutineer: '丁',
      ballots: [{ index: 1, ballot: p('P04') }],
    }
    const notScrutineer = await call(staff, 'paper:resolve', { ...resolve, scrutineer: '甲' })
    expect(notScrutineer.ok ? null : refusalText(notScrutineer.error)).toBe(
      '“甲”不是已登记的总监票人或监票人，不能核定',
    )
    const wrongPlace = await call(staff, 'paper:resolve', {
      ...resolve,
      ballots: [{ index: 0, ballot: p('P02') }],
    })
    expect(wrongPlace.ok ? null : refusalText(wrongPlace.error)).toBe(
      '核定须录入两次录入不一致的每一张：第 2 张',
    )
    expect(await call(staff, 'paper:resolve', resolve)).toEqual({ ok: true, data: { merged: 2 } })
    expect(paperView(h, voteId)).toMatchObject({ merged: 5, pending: 0, left: 0 })
    expect(paperView(h, voteId)?.batches[1]).toMatchObject({
      resolvedBy: '丁',
      resolved: 1,
      differences: [],
    })

    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
    // 3 tablets for P01; paper: P01+P02, P03, 作废, P02, P04.
    expect(vote.result?.counts).toMatchObject({ cast: 8, valid: 7, invalid: 1 })
    const votes = Object.fromEntries(
      vote.result!.items.map((i) => [i.id, 'for' in i ? i.for : null]),
    )
    expect(votes).toEqual({ P01: 4, P02: 2, P03: 1, P04: 1 })
    expect(vote.paper?.summary).toEqual({
      tablet: 3,
      issued: 5,
      returned: 5,
      counted: 5,
      spoiled: 1,
      batches: 2,
    })
    const types = await h.auditTypes()
    for (const type of [
      'paper.tallies',
      'paper.entry-begun',
      'paper.entry-finished',
      'paper.batch-mismatch',
      'paper.batch-resolved',
      'paper.batch-merged',
    ])
      expect(types).toContain(type)
  })

  it('counts an over-vote as entered, invalid by the rules, not refused', async () => {
    const { h, staff, voteId } = await paperMeeting({ present: 3, tablets: 0 })
    await call(staff, 'paper:start', { voteId })
    expect(paperView(h, voteId)).toMatchObject({ scope: 'whole', toCount: 3 })
    await call(staff, 'paper:tallies', { voteId, issued: 3, returned: 3 })
    const papers = [p('P01', 'P02', 'P03'), p('P01'), p()]
    await enterBatch(staff, { voteId, batch: 1, teller: '甲', device: 'device-aaaa' }, papers)
    await enterBatch(staff, { voteId, batch: 1, teller: '乙', device: 'device-bbbb' }, papers)
    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
    expect(vote.result?.counts).toMatchObject({ cast: 3, valid: 2, invalid: 1 })
    expect(vote.paper).toMatchObject({ scope: 'whole', summary: { counted: 3, spoiled: 0 } })
  })

  it('refuses a third entry, a second device in an entry, and a stack over those left, counting nothing twice', async () => {
    const { h, staff, voteId } = await paperMeeting({ present: 4, tablets: 1 })
    await call(staff, 'paper:start', { voteId })
    const over = await call(staff, 'paper:begin', {
      voteId,
      batch: 1,
      size: 4,
      teller: '甲',
      device: 'device-aaaa',
    })
    expect(over.ok ? null : refusalText(over.error)).toBe('第 1 批 4 张超过尚待计票的 3 张，未录入')
    expect(paperView(h, voteId)?.batches).toEqual([])

    const papers = [p('P01'), p('P02')]
    await enterBatch(staff, { voteId, batch: 1, teller: '甲', device: 'device-aaaa' }, papers)
    // A second device types into the first teller's entry: refused, and the entry keeps its papers.
    const held = await call(staff, 'paper:type', {
      voteId,
      batch: 1,
      slot: 1,
      device: 'device-zzzz',
      index: 0,
      ballot: p('P04'),
    })
    expect(held.ok ? null : refusalText(held.error)).toBe(
      '第 1 批第 1 次录入属于 甲 在另一台设备上的录入，本设备不能录入（原设备故障时可“改在本设备继续”）',
    )
    const sameDevice = await call(staff, 'paper:begin', {
      voteId,
      batch: 1,
      size: 2,
      teller: '乙',
      device: 'device-aaaa',
    })
    expect(sameDevice.ok ? null : refusalText(sameDevice.error)).toBe(
      '本设备已录入第 1 批的一次（甲）：另一次须在另一台设备上录入',
    )
    // A batch of 2 begun while 1 is left: batch 1 already holds 2 of the 3.
    const overLeft = await call(staff, 'paper:begin', {
      voteId,
      batch: 2,
      size: 2,
      teller: '乙',
      device: 'device-bbbb',
    })
    expect(overLeft.ok ? null : refusalText(overLeft.error)).toBe(
      '第 2 批 2 张超过尚待计票的 1 张，未录入',
    )

    await enterBatch(staff, { voteId, batch: 1, teller: '乙', device: 'device-bbbb' }, papers)
    const third = await call(staff, 'paper:begin', {
      voteId,
      batch: 1,
      size: 2,
      teller: '丙',
      device: 'device-cccc',
    })
    expect(third.ok ? null : refusalText(third.error)).toBe(
      '第 1 批已核对一致并计入票箱，不能再录入',
    )
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(3)

    // Before its merge, a third teller is refused by name; and a finish sent twice counts once.
    await call(staff, 'paper:tallies', { voteId, issued: 3, returned: 3 })
    const one = [p('P03')]
    await enterBatch(staff, { voteId, batch: 2, teller: '甲', device: 'device-aaaa' }, one)
    const begun = await call(staff, 'paper:begin', {
      voteId,
      batch: 2,
      size: 1,
      teller: '乙',
      device: 'device-bbbb',
    })
    expect(begun).toMatchObject({ ok: true, data: { slot: 2 } })
    const full = await call(staff, 'paper:begin', {
      voteId,
      batch: 2,
      size: 1,
      teller: '丙',
      device: 'device-cccc',
    })
    expect(full.ok ? null : refusalText(full.error)).toBe(
      '第 2 批已由 甲 和 乙 各录入一次，不能录入第三次',
    )
    const ref = { voteId, batch: 2, slot: 2 as const, device: 'device-bbbb' }
    await call(staff, 'paper:type', { ...ref, index: 0, ballot: p('P03') })
    const [x, y] = await Promise.all([
      call(staff, 'paper:finish', ref),
      call(staff, 'paper:finish', ref),
    ])
    expect([x, y]).toEqual([
      { ok: true, data: { outcome: 'agreed' } },
      { ok: true, data: { outcome: 'agreed' } },
    ])
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(4)
    expect((await h.auditTypes()).filter((t) => t === 'paper.batch-merged')).toHaveLength(2)
  })

  it('closes only with 发出/收回 recorded and all 收回 merged; 收回 never over 发出', async () => {
    const { staff, voteId } = await paperMeeting({
      present: 3,
      tablets: 0,
      rules: defaultRules('per-item', 2),
    })
    await call(staff, 'paper:start', { voteId })
    const early = await call(staff, 'vote:close', { voteId })
    expect(early.ok ? null : refusalText(early.error)).toBe('请先登记纸质选票的发出和收回张数')
    const over = await call(staff, 'paper:tallies', { voteId, issued: 2, returned: 3 })
    expect(over.ok ? null : refusalText(over.error)).toBe(
      '收回 3 张多于发出 2 张：收回多于发出，本次表决无效，请宣布无效后重新表决',
    )
    const tooMany = await call(staff, 'paper:tallies', { voteId, issued: 4, returned: null })
    expect(tooMany.ok ? null : refusalText(tooMany.error)).toBe(
      '发出 4 张多于应以纸质选票计票的 3 人',
    )
    await call(staff, 'paper:tallies', { voteId, issued: 3, returned: 2 })
    const papers: PaperBallot[] = [{ marks: { P01: 'for', P02: 'against' } }, { marks: {} }]
    await enterBatch(
      staff,
      { voteId, batch: 1, teller: '甲', device: 'device-aaaa' },
      papers.slice(0, 1),
    )
    const short = await call(staff, 'vote:close', { voteId })
    expect(short.ok ? null : refusalText(short.error)).toBe(
      '纸质选票尚未计完：收回 2 张，已计入 0 张，待核对 1 张',
    )
    await enterBatch(
      staff,
      { voteId, batch: 1, teller: '乙', device: 'device-bbbb' },
      papers.slice(0, 1),
    )
    await enterBatch(
      staff,
      { voteId, batch: 2, teller: '甲', device: 'device-aaaa' },
      papers.slice(1),
    )
    await enterBatch(
      staff,
      { voteId, batch: 2, teller: '丙', device: 'device-cccc' },
      papers.slice(1),
    )
    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
  })
})
