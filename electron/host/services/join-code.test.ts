import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import { csvRows } from '../../cli/sim/credentials-file'
import {
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  readJoinCode,
} from '../../../shared/protocol/join-code'
import type { DeputyState } from '../../../shared/protocol/views'
import { joinCodeFromCredential, upgradeMeetingData } from '../store/json-files/data-versions'
import { verifyMeetingData } from '../store/json-files/verify-meeting'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'
import { newCards, newJoinCode } from './credentials'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** How a handshake ends: the state and the credential handed over, or the refusal. */
async function join(auth: Record<string, string>) {
  const socket = h.connect('/deputy', auth)
  const handed = new Promise<string>((resolve) =>
    socket.once('deputy:credential', (m: { credential: string }) => resolve(m.credential)),
  )
  const outcome: { state?: DeputyState; refused?: string } = await Promise.race([
    next<DeputyState>(socket, 'deputy:state').then((state) => ({ state })),
    next<Error>(socket, 'connect_error').then((e) => ({ refused: e.message })),
  ])
  return { socket, handed, ...outcome }
}

const unambiguous = /^[2-9A-HJKMNP-Z]{12}$/

describe('newJoinCode', () => {
  it('draws 12 of the 31 characters without 0 O 1 I L, each of them used, none twice in a meeting', () => {
    const seen = new Set<string>()
    const codes = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const code = newJoinCode(codes)
      expect(code).toMatch(unambiguous)
      codes.add(code)
      for (const c of code) seen.add(c)
    }
    expect(codes.size).toBe(3000)
    expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''))
    // A code already taken is drawn again, never handed out twice.
    const draws = [Array(12).fill(0), Array(12).fill(0), Array(12).fill(1)]
    const source = () => Uint8Array.from(draws.shift() ?? [])
    expect(newJoinCode(new Set(['222222222222']), source)).toBe('333333333333')
    // Bytes of 248 and above would favour the first 8 characters: they are drawn again.
    const high = [[248, 249, 250, 251, 252, 253, 254, 255, 30, 30, 30, 30], Array(12).fill(30)]
    expect(newJoinCode(new Set(), () => Uint8Array.from(high.shift() ?? []))).toBe('ZZZZZZZZZZZZ')
  })

  it('reads a typed code with dashes, spaces, lower case or full-width letters; names what is wrong', () => {
    expect(readJoinCode('wxyz-mn88-hjk7')).toEqual({ ok: true, code: 'WXYZMN88HJK7' })
    expect(readJoinCode(' WXYZ MN88 HJK7 ')).toEqual({ ok: true, code: 'WXYZMN88HJK7' })
    expect(readJoinCode('ＷＸＹＺ－ＭＮ８８－ＨＪＫ７')).toEqual({ ok: true, code: 'WXYZMN88HJK7' })
    expect(readJoinCode('WXYZ-MN88-HJK')).toEqual({ ok: false, problem: 'length', length: 11 })
    expect(readJoinCode('WXYZ-MN0O-HJ1L')).toEqual({
      ok: false,
      problem: 'characters',
      characters: ['0', 'O', '1', 'L'],
    })
    expect(formatJoinCode('WXYZMN88HJK7')).toBe('WXYZ-MN88-HJK7')
    expect(formatJoinCode('WXYZM')).toBe('WXYZ-M')
  })
})

describe('joining by the typed join code', () => {
  it('the right code joins, typed any way, and hands the tablet its card’s credential', async () => {
    await h.host.meetings.loadDemo(5)
    const [d] = h.host.session.meeting.data.deputies
    expect(d?.joinCode).toMatch(unambiguous)
    const typed = formatJoinCode(d!.joinCode).toLowerCase().replace('-', ' ')
    const joined = await join({ code: typed })
    expect(joined.state?.me.name).toBe(d!.name)
    expect(await joined.handed).toBe(d!.credential)
    // Checked in, as by a scanned card.
    expect(h.host.session.meeting.deputy(d!.id)?.present).toBe(true)

    // A tablet that scanned the card is not sent the credential it already has.
    const scanned = await join({ credential: h.host.session.meeting.data.deputies[1]!.credential })
    expect(scanned.state).toBeDefined()
    let sent = false
    scanned.socket.once('deputy:credential', () => (sent = true))
    await callRaw(scanned.socket, 'nothing:here') // a round trip after the connection's start
    expect(sent).toBe(false)
  })

  it('limits wrong codes per address as credentials are, even the right code once blocked', async () => {
    await h.host.meetings.loadDemo(5)
    const [d] = h.host.session.meeting.data.deputies
    for (let i = 0; i < 20; i++) {
      const guess = await join({ code: newJoinCode(new Set([d!.joinCode])) })
      expect(guess.refused).toBe('unauthorized')
    }
    expect((await join({ code: d!.joinCode })).refused).toBe('rate-limited')
    // Blocked is blocked, whatever is typed.
    expect((await join({ code: 'not a code at all' })).refused).toBe('rate-limited')
  })

  it('a malformed code is a wrong code: refused, counted', async () => {
    await h.host.meetings.loadDemo(2)
    for (const code of ['', '0000-0000-0000', 'x'.repeat(5000)]) {
      expect((await join({ code })).refused).toBe('unauthorized')
    }
  })

  it('a reissued card gets a new code: the old one stops at once, the new one joins', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(5)
    const [d] = h.host.session.meeting.data.deputies
    const old = d!.joinCode
    const before = await join({ code: old })
    expect(before.state).toBeDefined()
    const revoked = new Promise<void>((resolve) =>
      (before.socket as Socket).once('deputy:revoked', () => resolve()),
    )
    expect((await call(staff, 'deputy:reissue', { deputyId: d!.id })).ok).toBe(true)
    await revoked
    const now = h.host.session.meeting.deputy(d!.id)!
    expect(now.joinCode).not.toBe(old)
    expect(now.joinCode).toMatch(unambiguous)
    expect((await join({ code: old })).refused).toBe('unauthorized')
    expect((await join({ code: now.joinCode })).state?.me.name).toBe(d!.name)
  })

  it('survives a restart and a roster edit; the credential CSV lists each card’s code', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(3)
    const [d] = h.host.session.meeting.data.deputies
    expect(
      (
        await call(staff, 'deputy:update', {
          deputyId: d!.id,
          name: '改过的名字',
          delegation: d!.delegation,
          seat: d!.seat,
        })
      ).ok,
    ).toBe(true)
    await h.stop()
    await h.start()
    expect((await join({ code: d!.joinCode })).state?.me.name).toBe('改过的名字')

    const res = await fetch(`http://127.0.0.1:${h.host.port}/api/credentials.csv`, {
      headers: { Authorization: `Bearer ${h.host.staffToken}` },
    })
    const [header, ...rows] = csvRows((await res.text()).replace(/^\uFEFF/, ''))
    const col = header!.indexOf('加入码')
    expect(rows.filter((r) => r.length > 1).map((r) => r[col])).toEqual(
      h.host.session.meeting.data.deputies.map((x) => formatJoinCode(x.joinCode)),
    )
  })
})

describe('join codes in a meeting written before them', () => {
  it('gives each deputy of a version 1 file a code made from its credential, the same every time', () => {
    const cards = newCards(50)
    const v1 = {
      version: 1,
      meeting: null,
      deputies: cards.map((c, i) => ({ id: `D${i}`, credential: c.credential, present: false })),
      projects: [],
      votes: [],
      screen: { stage: 'welcome', voteId: null },
    }
    const upgraded = upgradeMeetingData(structuredClone(v1)) as { deputies: { joinCode: string }[] }
    expect(verifyMeetingData(upgraded)).toEqual([])
    const codes = upgraded.deputies.map((d) => d.joinCode)
    for (const code of codes) expect(code).toMatch(unambiguous)
    expect(new Set(codes).size).toBe(50)
    expect(codes[0]).toBe(joinCodeFromCredential(cards[0]!.credential))
    expect(upgradeMeetingData(structuredClone(v1))).toEqual(upgraded)
  })
})
