import type { Socket } from 'socket.io-client'
import { onTestFinished } from 'vitest'
import type { AppError } from '../../../shared/protocol/envelope'
import type { PaperBallot } from '../../../shared/protocol/paper-count.schema'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { translate } from '../../../shared/i18n'
import type { MessageKey } from '../../../shared/i18n'
import { consoleState } from '../services/views'
import { call, HostHarness } from './host-harness'

/**
 * Test support for the paper count: a meeting with its scrutineers recorded (计票人 甲 乙 丙,
 * 监票人 丁, 总监票人 戊), `present` deputies checked in, `tablets` of whom voted by tablet, and
 * a vote of `rules` opened; helpers to enter a batch as two tellers on two devices would.
 */
export async function paperMeeting(options: {
  present: number
  tablets: number
  rules?: VoteRules
}) {
  const h = await new HostHarness().setup()
  onTestFinished(() => h.teardown())
  const staff = await h.staff()
  await h.host.meetings.loadDemo(options.present + 2)
  const members = [
    { role: 'chief', name: '戊' },
    { role: 'scrutineer', name: '丁' },
    { role: 'teller', name: '甲' },
    { role: 'teller', name: '乙' },
    { role: 'teller', name: '丙' },
  ] as const
  await call(staff, 'scrutineers:set', { members: members.map((m) => ({ ...m })) })
  const deputies = h.host.session.meeting.data.deputies.slice(0, options.present)
  await call(staff, 'attendance:set', { deputyIds: deputies.map((d) => d.id), state: 'present' })
  const voteId = await h.addVote(staff, options.rules ?? defaultRules('select', 2))
  const opened = await call(staff, 'vote:open', { voteId })
  if (!opened.ok) throw new Error(JSON.stringify(opened.error))
  const tablets = await Promise.all(
    deputies.slice(0, options.tablets).map((d) => h.deputy(d.credential)),
  )
  for (const [i, t] of tablets.entries()) {
    const sent = await call(t.socket, 'ballot:submit', {
      voteId,
      ballotId: `tablet-ballot-${i}`,
      marks: { P01: 'for' },
    })
    if (!sent.ok) throw new Error(JSON.stringify(sent.error))
  }
  return { h, staff, voteId, tablets, deputies }
}

/** The vote's paper count as the consoles are sent it now. */
export function paperView(h: HostHarness, voteId: string) {
  return consoleState(h.host.hall, 0).votes.find((v) => v.id === voteId)?.paperCount ?? null
}

/** One teller's whole entry of a batch on one device: begin, each paper, finish. */
export async function enterBatch(
  staff: Socket,
  entry: { voteId: string; batch: number; teller: string; device: string },
  papers: PaperBallot[],
) {
  const begun = await call(staff, 'paper:begin', { ...entry, size: papers.length })
  if (!begun.ok) return begun
  const ref = {
    voteId: entry.voteId,
    batch: entry.batch,
    slot: begun.data.slot,
    device: entry.device,
  }
  for (const [index, ballot] of papers.entries()) {
    const typed = await call(staff, 'paper:type', { ...ref, index, ballot })
    if (!typed.ok) return typed
  }
  return call(staff, 'paper:finish', ref)
}

/** A refusal as the console words it in Chinese (error.paper-count.<reason>). */
export function refusalText(error: AppError): string {
  const reason = String(error.params?.reason ?? '')
  return translate('zh-CN', `error.paper-count.${reason}` as MessageKey, error.params)
}
